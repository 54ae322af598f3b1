package org.lscb.server.incontainer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.lscb.server.it.TestDatabase;

/**
 * The one deployment every {@code *InContainerTest} runs in: the server's own war ({@code target/ROOT.war}, as
 * {@code mvn package} built it and the bundle carries it), plus the in-container test classes, AssertJ, and the
 * settings a test server gets (as {@code SharedServer} gives the black-box suite): a made-up administrator password,
 * the run's {@code CA_SECRET}, and with {@code -Dtest.db=postgres} the PostgreSQL database, emptied first.
 * Built once per test run on the client side; {@code SharedDeploymentContainer} deploys it once.
 * The data folder ({@code data.dir}, given to Payara Micro by {@code arquillian.xml}) is emptied before the deployment.
 */
public final class InContainerDeployment {

    /** Archive name: Payara Micro deploys a war of this name at the context root /, as in the real bundle. */
    static final String NAME = "ROOT.war";

    /** The settings file's own MicroProfile Config ordinal: above system properties (400) and the environment (300). */
    private static final int SETTINGS_ORDINAL = 500;

    private static WebArchive built;

    private InContainerDeployment() {}

    public static synchronized WebArchive shared() {
        if (built == null) {
            built = build();
        }
        return built;
    }

    private static WebArchive build() {
        Path war = Path.of(System.getProperty("lscb.war", "target/ROOT.war"));
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("the server war " + war + " is missing; run mvn package first");
        }
        emptyDataFolder();
        WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, war.toFile());
        // a new archive of the same name: ShrinkWrap otherwise names it after the file
        WebArchive deployment = ShrinkWrap.create(WebArchive.class, NAME).merge(archive);
        deployment.addPackage(InContainerDeployment.class.getPackage());
        deployment.addClass(TestDatabase.class);
        deployment.addAsLibrary(jarOf(org.assertj.core.api.Assertions.class));
        deployment.addAsLibrary(settings());
        return deployment;
    }

    /** A jar whose only content is the deployment's settings, read by MicroProfile Config above everything else. */
    private static JavaArchive settings() {
        Properties p = new Properties();
        p.setProperty("config_ordinal", Integer.toString(SETTINGS_ORDINAL));
        // DB_URL, DB_USER, DB_PASSWORD, CA_SECRET as the black-box servers get them, under their property names
        for (Map.Entry<String, String> e : TestDatabase.freshServerEnvironment().entrySet()) {
            p.setProperty(e.getKey().toLowerCase(java.util.Locale.ROOT).replace('_', '.'), e.getValue());
        }
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        p.setProperty("admin.password", Base64.getUrlEncoder().encodeToString(secret));
        // the application's own sweep stays out of the way of the sweeps the tests run as two nodes
        p.setProperty("reviews.overdue-sweep.interval", "PT12H");
        // which database the run asked for, so that a test in the container can check it got that one
        p.setProperty("lscb.test.db", TestDatabase.postgres() ? "postgres" : "h2");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            p.store(out, "in-container test settings");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ShrinkWrap.create(JavaArchive.class, "lscb-in-container-settings.jar")
                .addAsManifestResource(new ByteArrayAsset(out.toByteArray()), "microprofile-config.properties");
    }

    private static void emptyDataFolder() {
        Path dir = Path.of(System.getProperty("lscb.incontainer.dir", "target/in-container"), "data");
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot empty " + dir, e);
            }
        }
    }

    private static java.io.File jarOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toFile();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
