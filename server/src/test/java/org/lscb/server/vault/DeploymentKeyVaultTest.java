package org.lscb.server.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.persistence.TestDataSources;
import org.lscb.server.config.DeploymentSecret;
import org.lscb.server.persistence.ApplicationSchema;

/** The vault over a real database, as two servers of one database use it. */
class DeploymentKeyVaultTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    private Database serverA;
    private Database serverB;

    @BeforeEach
    void database() {
        DataSource dataSource = TestDataSources.fresh();
        ApplicationSchema.migrate(dataSource);
        serverA = Database.open(dataSource);
        serverB = Database.open(dataSource);
    }

    @AfterEach
    void close() {
        serverA.close();
        serverB.close();
    }

    private static DeploymentSecret secret(String value) {
        return new DeploymentSecret() {
            @Override
            public synchronized char[] value() {
                return value.toCharArray();
            }
        };
    }

    private static DeploymentKeyVault vault(Database db, String secret) {
        return new DeploymentKeyVault(db, secret(secret), CLOCK);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theFirstServer_makesTheKey_andTheNextReadsIt() {
        AtomicInteger made = new AtomicInteger();

        byte[] first = vault(serverA, "s")
                .versionsOrCreate("ca", () -> bytes("key " + made.incrementAndGet()))
                .get(0)
                .key();
        byte[] second = vault(serverB, "s")
                .versionsOrCreate("ca", () -> bytes("key " + made.incrementAndGet()))
                .get(0)
                .key();

        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("key 1");
        assertThat(second).isEqualTo(first);
        assertThat(made).hasValue(1);
    }

    @Test
    void serversStartingTogether_allEndWithTheSameKey() throws Exception {
        int servers = 6;
        CountDownLatch ready = new CountDownLatch(servers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(servers);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < servers; i++) {
                Database db = i % 2 == 0 ? serverA : serverB;
                String mine = "key of server " + i;
                Callable<byte[]> start = () -> vault(db, "s")
                        .versionsOrCreate("token-signing", () -> {
                            // every server finds the table empty before any of them stores its key
                            ready.countDown();
                            try {
                                go.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return bytes(mine);
                        })
                        .get(0)
                        .key();
                results.add(pool.submit(start));
            }
            ready.await();
            go.countDown();
            byte[] winner = results.get(0).get();
            for (Future<byte[]> r : results) {
                assertThat(r.get()).isEqualTo(winner);
            }
            assertThat(vault(serverA, "s").versions("token-signing")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherSecret_stopsWithASentence_andMakesNothing() {
        vault(serverA, "the right secret").versionsOrCreate("ca", () -> bytes("the CA"));
        AtomicInteger made = new AtomicInteger();

        assertThatThrownBy(() -> vault(serverB, "another secret").versionsOrCreate("ca", () -> {
                    made.incrementAndGet();
                    return bytes("a new CA");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be unwrapped with this server's CA_SECRET")
                .hasMessageContaining("Every server of one database needs the same CA_SECRET");
        assertThat(made).hasValue(0);
        assertThat(vault(serverA, "the right secret").versions("ca"))
                .singleElement()
                .satisfies(v -> assertThat(v.key()).isEqualTo(bytes("the CA")));
    }

    @Test
    void anAddedVersion_isNewest_andRetiresTheOnesBefore() {
        DeploymentKeyVault a = vault(serverA, "s");
        a.versionsOrCreate("token-signing", () -> bytes("one"));

        DeploymentKeyVault.Version added = vault(serverB, "s").add("token-signing", bytes("two"));

        assertThat(added.version()).isEqualTo(2);
        List<DeploymentKeyVault.Version> versions = a.versions("token-signing");
        assertThat(versions).extracting(DeploymentKeyVault.Version::version).containsExactly(2, 1);
        assertThat(versions.get(0).key()).isEqualTo(bytes("two"));
        assertThat(versions.get(0).retiredAt()).isEmpty();
        assertThat(versions.get(1).retiredAt()).contains(CLOCK.instant());
    }

    /** What another server checks to learn of a renewal without unwrapping any key. */
    @Test
    void theNewestVersionNumber_isReadAlone_andIsZeroBeforeAnyKey() {
        DeploymentKeyVault a = vault(serverA, "s");
        assertThat(a.newestVersion("gateway")).isZero();
        a.versionsOrCreate("gateway", () -> bytes("one"));
        assertThat(a.newestVersion("gateway")).isEqualTo(1);

        vault(serverB, "s").add("gateway", bytes("two"));

        assertThat(a.newestVersion("gateway")).isEqualTo(2);
        assertThat(a.newestVersion("ca")).isZero();
    }

    @Test
    void keysOfOtherNames_standApart() {
        vault(serverA, "s").versionsOrCreate("ca", () -> bytes("the CA"));

        assertThat(vault(serverA, "s").versions("gateway")).isEmpty();
    }
}
