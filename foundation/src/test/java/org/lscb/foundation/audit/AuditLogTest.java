package org.lscb.foundation.audit;

import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lscb.foundation.persistence.SchemaMigrations;
import org.lscb.foundation.persistence.TestDataSources;
import org.lscb.foundation.persistence.Database;

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
            database.inTransaction(em -> new AuditLog(em).append(
                    AuditEvent.of(Instant.parse("2026-01-0" + (n + 1) + "T10:00:00Z"), "actor-" + n, "ACTION_" + n, "thing", "id-" + n)));
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
        AuditEntry next = database.inTransaction(em -> new AuditLog(em).append(
                AuditEvent.of(Instant.parse("2026-01-09T10:00:00Z"), "actor", "LATER", null, null)));

        assertThat(next.seq()).isEqualTo(5);
        assertThat(verify().valid()).isTrue();
    }

    @Test
    void controlCharactersInFields_areNeutralised() {
        AuditEntry e = database.inTransaction(em -> new AuditLog(em).append(
                AuditEvent.of(Instant.now(), "actor", "NAMED", "thing", "evil\r\nFAKE LINE\u001b[31m")));

        assertThat(e.event().objectId()).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u001b");
        assertThat(verify().valid()).isTrue();
    }

    @Test
    void failingAppend_refusesTheOperationItAudits() {
        // docs/security.md F4: when the audit entry cannot be written, the change it records is not made either
        sql("DELETE FROM audit_head");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> database.inTransaction(em -> {
            em.createNativeQuery("INSERT INTO deployment_setting (name, setting_value) VALUES ('unaudited', 'x')").executeUpdate();
            return new AuditLog(em).append(AuditEvent.of(Instant.now(), "actor", "SETTING_RECORDED", "setting", "unaudited"));
        })).isInstanceOf(IllegalStateException.class);

        long settings = database.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM deployment_setting").getSingleResult()).longValue());
        assertThat(settings).isZero();
    }

    private AuditVerification verify() {
        return database.read(em -> new AuditLog(em).verify());
    }

    private void sql(String statement) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
