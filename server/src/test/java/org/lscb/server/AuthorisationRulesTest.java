package org.lscb.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Build-time check (docs/security.md "Access control"): no resource method without an authorisation rule. */
class AuthorisationRulesTest {

    @Test
    void everyResourceMethod_declaresWhoMayCallIt() throws Exception {
        List<String> missing = new ArrayList<>();
        List<Class<?>> resources = resourceClasses();
        for (Class<?> type : resources) {
            for (Method m : type.getDeclaredMethods()) {
                boolean endpoint = m.isAnnotationPresent(GET.class)
                        || m.isAnnotationPresent(POST.class)
                        || m.isAnnotationPresent(PUT.class)
                        || m.isAnnotationPresent(DELETE.class);
                boolean ruled = m.isAnnotationPresent(RolesAllowed.class) || m.isAnnotationPresent(PermitAll.class);
                if (endpoint && !ruled) {
                    missing.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(resources).as("resource classes found").hasSizeGreaterThanOrEqualTo(5);
        assertThat(missing)
                .as("resource methods without @RolesAllowed or @PermitAll")
                .isEmpty();
    }

    private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(RestApplication.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, AuthorisationRulesTest.class.getClassLoader());
                if (c.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    found.add(c);
                }
            }
        }
        return found;
    }
}
