package org.lscb.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The API and the web pages are two JAX-RS applications that list their classes instead of scanning: every
 * resource and provider of the server must be listed by exactly one, or it is not served at all (or served
 * by both, with the other's error mapper).
 */
class ApplicationsTest {

    @Test
    void every_resource_and_provider_is_served_by_exactly_one_application() {
        Set<Class<?>> api = new RestApplication().getClasses();
        Set<Class<?>> web = new WebApplication().getClasses();
        Set<String> annotated = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.lscb.server")
                        .stream()
                        .filter(c -> c.isAnnotatedWith(Path.class) || c.isAnnotatedWith(Provider.class))
                        .map(JavaClass::getName)
                        .collect(Collectors.toSet());

        Set<String> listed = new HashSet<>();
        api.forEach(c -> listed.add(c.getName()));
        web.forEach(c -> listed.add(c.getName()));

        assertThat(listed).as("listed by an application").containsExactlyInAnyOrderElementsOf(annotated);
        assertThat(api).as("listed by both").doesNotContainAnyElementsOf(web);
    }

    @Test
    void the_pages_are_all_in_the_web_package_and_the_api_has_none_of_them() {
        assertThat(new WebApplication().getClasses())
                .allSatisfy(c -> assertThat(c.getPackageName()).startsWith("org.lscb.server.web"));
        assertThat(new RestApplication().getClasses())
                .noneSatisfy(c -> assertThat(c.getPackageName()).startsWith("org.lscb.server.web"));
    }
}
