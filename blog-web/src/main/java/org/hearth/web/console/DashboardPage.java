package org.hearth.web.console;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.comments.host.CommunityFigures;
import org.hearth.comments.host.ShareFigures;
import org.hearth.comments.host.ShareNetwork;
import org.hearth.comments.host.SharedThread;
import org.hearth.comments.host.ShareTally;

/**
 * The community dashboard ({@code /console/dashboard/}) over the last {@value #DAYS} days: a bar chart of comments per
 * day drawn as SVG on the server (with the same figures in a table), the time to the first team reply per week, the
 * share of readers' comments answered, returning commenters and the most discussed posts; and the shares started from
 * the site's share links per network and the most shared posts (since counting began: share counts have no dates).
 */
@Named
@RequestScoped
public class DashboardPage {

    static final int DAYS = 28;
    static final int CHART_WIDTH = 560;
    static final int CHART_HEIGHT = 160;

    /** One bar of a chart, in SVG user units, and the figure it draws. */
    public record Bar<T>(int x, int y, int width, int height, T item) {
    }

    @Inject
    private CommunityFigures figures;

    @Inject
    private ShareFigures shares;

    private ShareTally shareTotals;

    private final LocalDate to = LocalDate.now(ZoneOffset.UTC);
    private final LocalDate from = to.minusDays(DAYS - 1);
    private List<CommunityFigures.Day> days;
    private List<CommunityFigures.Week> weeks;

    public List<CommunityFigures.Day> getDays() {
        if (days == null) {
            days = figures.commentsPerDay(from, to);
        }
        return days;
    }

    /** The bars of comments per day, scaled to the busiest day. */
    public List<Bar<CommunityFigures.Day>> getBars() {
        return bars(getDays(), CommunityFigures.Day::comments);
    }

    /** The bars of the median time to a first team reply per week (in minutes), scaled to the slowest week. */
    public List<Bar<CommunityFigures.Week>> getReplyBars() {
        return bars(getWeeks(), week -> week.median() == null ? 0 : week.median().toMinutes());
    }

    /** The slowest weekly median, in words. */
    public String getSlowestMedian() {
        return humanWait(getWeeks().stream().map(CommunityFigures.Week::median).filter(java.util.Objects::nonNull)
                .max(Duration::compareTo).orElse(null));
    }

    /** One bar per item, side by side across the chart, as high as its value against the largest. */
    private static <T> List<Bar<T>> bars(List<T> items, java.util.function.ToLongFunction<T> value) {
        var max = Math.max(1, items.stream().mapToLong(value).max().orElse(1));
        var slot = CHART_WIDTH / Math.max(1, items.size());
        var bars = new ArrayList<Bar<T>>();
        for (int i = 0; i < items.size(); i++) {
            var height = (int) Math.round((double) value.applyAsLong(items.get(i)) / max * (CHART_HEIGHT - 20));
            bars.add(new Bar<>(i * slot + 1, CHART_HEIGHT - 20 - height, slot - 2, height, items.get(i)));
        }
        return bars;
    }

    public long getMaxPerDay() {
        return getDays().stream().mapToLong(CommunityFigures.Day::comments).max().orElse(0);
    }

    public int getChartWidth() {
        return CHART_WIDTH;
    }

    public int getChartHeight() {
        return CHART_HEIGHT;
    }

    public List<CommunityFigures.Week> getWeeks() {
        if (weeks == null) {
            weeks = figures.timeToFirstTeamReply(from, to);
        }
        return weeks;
    }

    public CommunityFigures.Answered getAnswered() {
        return figures.answered(from, to);
    }

    public CommunityFigures.Returning getReturning() {
        return figures.returning(from, to);
    }

    public List<CommunityFigures.Discussed> getMostDiscussed() {
        return figures.mostDiscussed(from, to, 5);
    }

    public ShareNetwork[] getNetworks() {
        return ShareNetwork.values();
    }

    /** The shares of all posts together, per network. */
    public ShareTally getShareTotals() {
        if (shareTotals == null) {
            shareTotals = shares.totals();
        }
        return shareTotals;
    }

    public List<SharedThread> getMostShared() {
        return shares.mostShared(5);
    }

    /** A post's shares per network, the networks it was shared to only: "X (Twitter) 3 · Facebook 2". */
    public String breakdown(ShareTally tally) {
        return Arrays.stream(ShareNetwork.values()).filter(n -> tally.of(n) > 0)
                .map(n -> n.label() + " " + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(tally.of(n)))
                .collect(Collectors.joining(" · "));
    }

    /** A wait in words: "45 min", "3 h 20 min", "2 d 4 h"; a dash for none. */
    public String humanWait(Duration duration) {
        if (duration == null) {
            return "–";
        }
        if (duration.toDays() > 0) {
            return duration.toDays() + " d " + duration.toHoursPart() + " h";
        }
        if (duration.toHours() > 0) {
            return duration.toHours() + " h " + duration.toMinutesPart() + " min";
        }
        return Math.max(duration.toMinutes(), 0) + " min";
    }
}
