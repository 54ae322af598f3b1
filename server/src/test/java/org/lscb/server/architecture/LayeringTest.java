package org.lscb.server.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house drawn from the imports reads top-down with no arrow back (docs/architecture.md):
 * envelope and foundation at the bottom, then identity, the reviewer registry, reviews, the exchange,
 * and the server on top. Each rule reads the compiled classes of every module on the server's classpath.
 */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.lscb");
    }

    @Test
    void modules_dependOnlyOnTheModulesBelowThem() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("envelope")
                .definedBy("org.lscb.envelope..")
                .layer("foundation")
                .definedBy("org.lscb.foundation..")
                .layer("identity")
                .definedBy("org.lscb.identity..")
                .layer("registry")
                .definedBy("org.lscb.registry..")
                .layer("reviews")
                .definedBy("org.lscb.reviews..")
                .layer("exchange")
                .definedBy("org.lscb.exchange..")
                .layer("server")
                .definedBy("org.lscb.server..")
                .whereLayer("server")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("exchange")
                .mayOnlyBeAccessedByLayers("server")
                .whereLayer("reviews")
                .mayOnlyBeAccessedByLayers("exchange", "server")
                .whereLayer("registry")
                .mayOnlyBeAccessedByLayers("reviews", "exchange", "server")
                .whereLayer("identity")
                .mayOnlyBeAccessedByLayers("registry", "reviews", "exchange", "server")
                .whereLayer("foundation")
                .mayOnlyBeAccessedByLayers("identity", "registry", "reviews", "exchange", "server")
                .whereLayer("envelope")
                .mayOnlyBeAccessedByLayers("exchange", "server")
                .check(classes);
    }

    /**
     * Within the modules below the server no package depends on another that depends back on it. An
     * {@code internal} package may throw its owner's public exceptions: that pair is not a cycle of design.
     */
    @Test
    void domainPackages_haveNoCycles() {
        slices().matching("org.lscb.(**)")
                .should()
                .beFreeOfCycles()
                .ignoreDependency(resideInAPackage("org.lscb.envelope.internal"), resideInAPackage("org.lscb.envelope"))
                .check(classes.that(resideOutsideOfPackage("org.lscb.server..")));
    }

    /** The server's packages too: settings, errors and sign-in below the features that use them. */
    @Test
    void serverPackages_haveNoCycles() {
        slices().matching("org.lscb.server.(**)")
                .should()
                .beFreeOfCycles()
                .check(classes.that(resideInAPackage("org.lscb.server..")));
    }

    @Test
    void internalPackages_areUsedOnlyInsideTheirOwnPackage() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.lscb.envelope..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..internal..")
                .check(classes);
    }
}
