package org.hearth.web.signin;

import java.time.Duration;

import jakarta.enterprise.context.RequestScoped;

import org.hearth.blog.team.TeamService;

/**
 * What this request's sign-in attempt came to beyond accepted or not: how long the client must wait before the next
 * one. {@link TeamIdentityStore} records it, {@link SignInPage} tells the reader.
 */
@RequestScoped
public class SignInAttempt {

    private Duration retryAfter = Duration.ZERO;

    public void record(TeamService.SignIn result) {
        retryAfter = result.retryAfter();
    }

    /** The wait in whole seconds, rounded up (zero: none). */
    public long secondsToWait() {
        return retryAfter.plusMillis(999).toSeconds();
    }
}
