package org.hearth.bench.reference;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** A JAX-RS application, started with the WAR as Hearth's API is. */
@ApplicationPath("api")
public class Api extends Application {
}
