package org.hearth.web.transfer;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.hearth.blog.rule.Sentence;

/**
 * One import, as the console page and {@code bin/hearth import} follow it: how far it has read, and the tally of what it
 * added, skipped and could not import. Its id is a random token: whoever started the import learns it, nobody can guess
 * it.
 */
public final class ImportJob {

    /** How many errors are kept (the count goes on). */
    static final int ERRORS_KEPT = 200;

    private static final SecureRandom RANDOM = new SecureRandom();

    public enum State {
        RUNNING, DONE, FAILED
    }

    private final String id;
    private final String fileName;
    private final long totalBytes;
    private final Instant startedAt = Instant.now();
    private final AtomicLong bytesRead = new AtomicLong();
    final AtomicInteger posts = new AtomicInteger();
    final AtomicInteger postsPresent = new AtomicInteger();
    final AtomicInteger comments = new AtomicInteger();
    final AtomicInteger commentsPresent = new AtomicInteger();
    final AtomicInteger pings = new AtomicInteger();
    final AtomicInteger trashed = new AtomicInteger();
    final AtomicInteger otherItems = new AtomicInteger();
    final AtomicInteger authors = new AtomicInteger();
    private final AtomicInteger errorCount = new AtomicInteger();
    private final List<Sentence> errors = new ArrayList<>();
    private final List<String> unmatchedThreads = new ArrayList<>();
    private volatile State state = State.RUNNING;
    private volatile Sentence failure;
    private volatile Instant endedAt;

    ImportJob(String fileName, long totalBytes) {
        var bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        this.id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        this.fileName = fileName;
        this.totalBytes = totalBytes;
    }

    void read(long bytes) {
        bytesRead.set(bytes);
    }

    /** An entry not imported: what it was and why, said in the reader's language when the job is shown. */
    void error(Sentence error) {
        errorCount.incrementAndGet();
        synchronized (errors) {
            if (errors.size() < ERRORS_KEPT) {
                errors.add(error);
            }
        }
    }

    void unmatched(String thread) {
        synchronized (unmatchedThreads) {
            if (unmatchedThreads.size() < ERRORS_KEPT) {
                unmatchedThreads.add(thread);
            }
        }
    }

    void done() {
        endedAt = Instant.now();
        state = State.DONE;
    }

    /** The file was refused whole (not an export) or broke off: nothing after the failure was read. */
    void fail(Sentence why) {
        failure = why;
        endedAt = Instant.now();
        state = State.FAILED;
    }

    public String getId() {
        return id;
    }

    public String getFileName() {
        return fileName;
    }

    public State getState() {
        return state;
    }

    public boolean isRunning() {
        return state == State.RUNNING;
    }

    /** How much of the file was read, 0 to 100. */
    public int getPercent() {
        return totalBytes <= 0 ? 0 : (int) Math.min(100, bytesRead.get() * 100 / totalBytes);
    }

    public int getPosts() {
        return posts.get();
    }

    public int getPostsPresent() {
        return postsPresent.get();
    }

    public int getComments() {
        return comments.get();
    }

    public int getCommentsPresent() {
        return commentsPresent.get();
    }

    public int getPings() {
        return pings.get();
    }

    public int getTrashed() {
        return trashed.get();
    }

    public int getOtherItems() {
        return otherItems.get();
    }

    public int getAuthors() {
        return authors.get();
    }

    public int getErrorCount() {
        return errorCount.get();
    }

    /** The first {@value #ERRORS_KEPT} entries not imported, each with its reason. */
    public List<Sentence> getErrors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    public List<String> getUnmatchedThreads() {
        synchronized (unmatchedThreads) {
            return List.copyOf(unmatchedThreads);
        }
    }

    /** Why the whole import failed, or null. */
    public Sentence getFailure() {
        return failure;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    /**
     * The job for people at a terminal ({@code bin/hearth import}), in English: a first line with the state, then the
     * tally, the failure, the errors and unmatched threads.
     */
    public String toText() {
        var text = new StringBuilder();
        text.append(switch (state) {
            case RUNNING -> "running " + getPercent() + " %";
            case DONE -> "done";
            case FAILED -> "failed";
        }).append('\n');
        if (failure != null) {
            text.append(failure.english()).append('\n');
        }
        text.append("posts added: ").append(getPosts()).append(" (").append(getPostsPresent()).append(" imported before)\n");
        text.append("comments added: ").append(getComments()).append(" (").append(getCommentsPresent()).append(" imported before)\n");
        text.append("authors: ").append(getAuthors()).append('\n');
        text.append("pingbacks and trackbacks skipped: ").append(getPings()).append('\n');
        text.append("trashed posts and comments skipped: ").append(getTrashed()).append('\n');
        text.append("pages, attachments and other items skipped: ").append(getOtherItems()).append('\n');
        text.append("unmatched threads: ").append(getUnmatchedThreads().size()).append('\n');
        getUnmatchedThreads().forEach(thread -> text.append("  ").append(thread).append('\n'));
        text.append("errors: ").append(getErrorCount()).append('\n');
        getErrors().forEach(error -> text.append("  ").append(error.english()).append('\n'));
        if (endedAt != null) {
            var seconds = Math.max(1, endedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
            text.append(String.format(java.util.Locale.ROOT, "took %.1f s (%.0f comments/s)%n", seconds, getComments() / seconds));
        }
        return text.toString();
    }

    /** The job as programs read it (its failure and errors in English). */
    public JsonObject toJson() {
        var json = Json.createObjectBuilder()
                .add("id", id).add("state", state.name().toLowerCase(java.util.Locale.ROOT)).add("file", fileName)
                .add("percent", getPercent()).add("posts", getPosts()).add("postsPresent", getPostsPresent())
                .add("comments", getComments()).add("commentsPresent", getCommentsPresent()).add("pings", getPings())
                .add("trashed", getTrashed()).add("otherItems", getOtherItems()).add("authors", getAuthors())
                .add("errorCount", getErrorCount()).add("errors", Json.createArrayBuilder(getErrors().stream().map(Sentence::english).toList()))
                .add("unmatchedThreads", Json.createArrayBuilder(getUnmatchedThreads()))
                .add("startedAt", startedAt.toString());
        if (failure != null) {
            json.add("failure", failure.english()).add("failureReason", failure.phrase().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (endedAt != null) {
            json.add("endedAt", endedAt.toString()).add("seconds", (endedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
        }
        return json.build();
    }
}
