package org.hearth.bench.reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The one resource of {@link Api}. */
@Path("hello")
public class Hello {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String hello() {
        return "{\"hello\":\"world\"}";
    }
}
