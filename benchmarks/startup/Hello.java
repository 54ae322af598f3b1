package bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;

/** The reference for the start-up benchmark: a one-endpoint JAX-RS application on bare Payara Micro. */
@ApplicationPath("/")
public class Hello extends Application {

    @Path("hello")
    public static class Resource {
        @GET
        public String hello() {
            return "hello";
        }
    }
}
