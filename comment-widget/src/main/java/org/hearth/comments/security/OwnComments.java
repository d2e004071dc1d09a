package org.hearth.comments.security;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Proof that a browser wrote a comment: a token {@code id.signature} given to it when it posted. The Faces form keeps
 * the tokens in the cookie {@value #COOKIE}; embed.js keeps them in local storage and sends them in the header
 * {@value #HEADER}; lists are separated by tildes (cookies: a value no server quotes) or blanks. They let authors see their pending comments and edit or delete their
 * comments for a while; they never expire by themselves (the edit window is checked against the comment's time).
 */
public final class OwnComments {

    /** The cookie of the Faces form. */
    public static final String COOKIE = "hc_own";

    /** The request header of the JSON API. */
    public static final String HEADER = "X-Hearth-Own";

    /** How many comments one browser remembers. */
    public static final int MAX = 30;

    private static final String PURPOSE = "own-comment";

    private OwnComments() {
    }

    /** The token proving authorship of comment {@code id}. */
    public static String token(TokenSigner signer, long id) {
        return signer.sign(PURPOSE, Long.toString(id));
    }

    /** The comment ids proved by the tokens in these lists; forged or malformed tokens are ignored. */
    public static Set<Long> ids(TokenSigner signer, String... tokenLists) {
        return tokens(tokenLists)
                .flatMap(t -> signer.verify(PURPOSE, t).stream())
                .filter(v -> v.matches("\\d{1,18}"))
                .map(Long::valueOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** A token list with {@code token} added (the oldest dropped beyond {@value #MAX}). */
    public static String add(String tokenList, String token) {
        var all = tokens(tokenList).collect(Collectors.toCollection(LinkedHashSet::new));
        all.remove(token);
        all.add(token);
        return all.stream().skip(Math.max(0, all.size() - MAX)).collect(Collectors.joining("~"));
    }

    private static Stream<String> tokens(String... lists) {
        return Arrays.stream(lists)
                .filter(l -> l != null && !l.isBlank())
                .flatMap(l -> Arrays.stream(l.trim().split("[\\s:,~\"]+")))
                .filter(t -> !t.isEmpty())
                .limit(MAX * 2L);
    }
}
