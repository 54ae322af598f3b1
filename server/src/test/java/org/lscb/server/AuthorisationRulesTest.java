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

/**
 * Build-time check (docs/security.md "Access control"): no resource method without an authorisation rule. An
 * API method names its roles with {@code @RolesAllowed} (or {@code @PermitAll}); a page method, whose browser is
 * known by its session rather than a token the container checks, asks {@link
 * org.lscb.server.web.session.SignedIn#withAnyRole} for its roles, itself or through a method of its own class,
 * unless it is {@code @PermitAll} (signing in).
 */
class AuthorisationRulesTest {

    @Test
    void everyPageMethod_asksForTheCallersRoles() {
        com.tngtech.archunit.core.domain.JavaClasses classes =
                new com.tngtech.archunit.core.importer.ClassFileImporter()
                        .withImportOption(
                                com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.lscb.server.web");
        List<String> missing = new ArrayList<>();
        int pages = 0;
        for (Class<?> type : new WebApplication().getClasses()) {
            if (!type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                continue;
            }
            pages++;
            com.tngtech.archunit.core.domain.JavaClass page = classes.get(type);
            for (com.tngtech.archunit.core.domain.JavaMethod m : page.getMethods()) {
                boolean endpoint = m.isAnnotatedWith(GET.class)
                        || m.isAnnotatedWith(POST.class)
                        || m.isAnnotatedWith(PUT.class)
                        || m.isAnnotatedWith(DELETE.class);
                if (endpoint && !m.isAnnotatedWith(PermitAll.class) && !asksForRoles(m, new java.util.HashSet<>())) {
                    missing.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(pages).as("page classes found").isGreaterThanOrEqualTo(3);
        assertThat(missing)
                .as("page methods that neither ask SignedIn.withAnyRole nor are @PermitAll")
                .isEmpty();
    }

    /** Whether the method calls SignedIn.withAnyRole, itself or through methods of its own class. */
    private static boolean asksForRoles(com.tngtech.archunit.core.domain.JavaMethod m, java.util.Set<String> seen) {
        if (!seen.add(m.getFullName())) {
            return false;
        }
        for (var call : m.getMethodCallsFromSelf()) {
            var target = call.getTarget();
            if (target.getOwner().isEquivalentTo(org.lscb.server.web.session.SignedIn.class)
                    && target.getName().equals("withAnyRole")) {
                return true;
            }
            if (target.getOwner().equals(m.getOwner())) {
                for (var own : m.getOwner().getMethods()) {
                    if (own.getName().equals(target.getName()) && asksForRoles(own, seen)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

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
        java.util.Set<Class<?>> pages = new WebApplication().getClasses();
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
                if (c.isAnnotationPresent(jakarta.ws.rs.Path.class) && !pages.contains(c)) {
                    found.add(c);
                }
            }
        }
        return found;
    }
}
