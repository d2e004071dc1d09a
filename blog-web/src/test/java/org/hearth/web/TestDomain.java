package org.hearth.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the integration tests' GlassFish domain with {@code server-config/bin/hearth server-start} before the first
 * test and stops it after the last, as an admin would: the build runs no script, the tests drive the server through
 * the admin's tool. Only in the failsafe JVM, which names the script in {@code hearth.it.script} (the domain's settings
 * are in its environment, see the POM).
 */
public final class TestDomain implements LauncherSessionListener {

    private String script;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        script = System.getProperty("hearth.it.script");
        if (script != null) {
            hearth("server-start");
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (script != null) {
            hearth("server-stop");
        }
    }

    private void hearth(String command) {
        try {
            var process = new ProcessBuilder(script, command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            System.out.print(output);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("hearth " + command + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
