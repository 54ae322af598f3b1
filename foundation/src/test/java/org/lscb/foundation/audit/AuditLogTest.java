package org.lscb.foundation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.persistence.SchemaMigrations;
import org.lscb.foundation.persistence.TestDataSources;

/**
 * The audit chain on a real database (H2 in memory, or PostgreSQL with -Dtest.db=postgres):
 * any edit, deletion, reordering or truncation is found and its index named.
 */
class AuditLogTest {

    private DataSource dataSource;
    private Database database;

    @BeforeEach
    void openDatabase() {
        dataSource = TestDataSources.fresh();
        SchemaMigrations.apply(dataSource, List.of("foundation"));
        database = Database.open(dataSource, "META-INF/foundation-test-persistence.xml");
        for (int i = 0; i < 5; i++) {
            int n = i;
            database.inTransaction(em -> new AuditLog(em)
                    .append(AuditEvent.of(
                            Instant.parse("2026-01-0" + (n + 1) + "T10:00:00Z"),
                            "actor-" + n,
                            AuditAction.values()[n],
                            "thing",
                            "id-" + n)));
        }
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void untouchedChain_isValid() {
        AuditVerification v = verify();

        assertThat(v.valid()).isTrue();
        assertThat(v.entries()).isEqualTo(5);
        assertThat(v.firstBadIndex()).isNull();
    }

    @Test
    void editedField_isFoundAtItsIndex() {
        sql("UPDATE audit_entry SET actor = 'someone-else' WHERE seq = 2");

        assertThat(verify().firstBadIndex()).isEqualTo(2L);
    }

    @Test
    void editedFieldWithRecomputedOwnHash_breaksTheNextLink() {
        // an attacker who rewrites a row and its hash still breaks the following row's prev_hash
        sql("UPDATE audit_entry SET details = 'rewritten', hash = '" + "a".repeat(64) + "' WHERE seq = 1");

        assertThat(verify().firstBadIndex()).isEqualTo(1L);
    }

    @Test
    void actionEditedToAStringNoAuditActionHas_isFoundAtItsIndex() {
        sql("UPDATE audit_entry SET action = 'NOT_AN_ACTION' WHERE seq = 2");

        assertThat(verify().firstBadIndex()).isEqualTo(2L);
        assertThat(database.read(em -> new AuditLog(em).find(null, null, null, 0, 10))
                        .get(2)
                        .action())
                .isEqualTo("NOT_AN_ACTION");
    }

    @Test
    void anActionHashesAsItsName_soEntriesWrittenWhenActionsWereStringsStillVerify() {
        // these hashes were computed by the chain before AuditAction existed, from the same fields with the action a
        // string
        Instant at = Instant.parse("2026-03-01T09:30:00.123Z");

        assertThat(AuditChain.link(
                        AuditChain.GENESIS,
                        7,
                        AuditEvent.of(at, "acct-1", AuditAction.DOCUMENT_REFUSED, "review", "rev-1")
                                .forReview("rev-1")
                                .withDetails("TooLargeException: too big")))
                .isEqualTo("5d1a891d4bb23aebf676aa5d72689efaae0beb2023e40deddf87b4c3527a5f9d");
        assertThat(AuditChain.link(
                        "ab".repeat(32), 0, AuditEvent.of(at, "system", AuditAction.CLOCK_OVERDUE, "review", null)))
                .isEqualTo("d14bc8c4ecf4051615c7d257d8330cd8df6ce1338cf939cf17fc00c9d0719364");
    }

    @Test
    void deletedRow_isFoundAtItsIndex() {
        sql("DELETE FROM audit_entry WHERE seq = 3");

        assertThat(verify().firstBadIndex()).isEqualTo(3L);
    }

    @Test
    void reorderedRows_areFound() {
        sql("UPDATE audit_entry SET seq = 100 WHERE seq = 1");
        sql("UPDATE audit_entry SET seq = 1 WHERE seq = 2");
        sql("UPDATE audit_entry SET seq = 2 WHERE seq = 100");

        assertThat(verify().firstBadIndex()).isEqualTo(1L);
    }

    @Test
    void truncatedTail_isFoundAtTheFirstMissingIndex() {
        sql("DELETE FROM audit_entry WHERE seq = 4");

        AuditVerification v = verify();

        assertThat(v.valid()).isFalse();
        assertThat(v.firstBadIndex()).isEqualTo(4L);
    }

    @Test
    void appends_continueTheChainFromTheHead() {
        AuditEntry next = database.inTransaction(em -> new AuditLog(em)
                .append(AuditEvent.of(
                        Instant.parse("2026-01-09T10:00:00Z"), "actor", AuditAction.REVIEW_OPENED, null, null)));

        assertThat(next.seq()).isEqualTo(5);
        assertThat(verify().valid()).isTrue();
    }

    @Test
    void controlCharactersInFields_areNeutralised() {
        AuditEntry e = database.inTransaction(em -> new AuditLog(em)
                .append(AuditEvent.of(
                        Instant.now(),
                        "actor",
                        AuditAction.DOCUMENT_UPLOADED,
                        "thing",
                        "evil\r\nFAKE LINE\u001b[31m")));

        assertThat(e.objectId()).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u001b");
        assertThat(verify().valid()).isTrue();
    }

    @Test
    void failingAppend_refusesTheOperationItAudits() {
        // docs/security.md F4: when the audit entry cannot be written, the change it records is not made either
        sql("DELETE FROM audit_head");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> database.inTransaction(em -> {
                    em.createNativeQuery(
                                    "INSERT INTO deployment_setting (name, setting_value) VALUES ('unaudited', 'x')")
                            .executeUpdate();
                    return new AuditLog(em)
                            .append(AuditEvent.of(
                                    Instant.now(), "actor", AuditAction.DEMO_SEEDED, "setting", "unaudited"));
                }))
                .isInstanceOf(IllegalStateException.class);

        long settings = database.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM deployment_setting")
                        .getSingleResult())
                .longValue());
        assertThat(settings).isZero();
    }

    private AuditVerification verify() {
        return database.read(em -> new AuditLog(em).verify());
    }

    private void sql(String statement) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
