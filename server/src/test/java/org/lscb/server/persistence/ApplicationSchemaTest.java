package org.lscb.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.persistence.TestDataSources;
import org.lscb.identity.account.Account;
import org.lscb.identity.account.AccountRepository;
import org.lscb.identity.account.Username;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.registry.reviewer.ReviewerRepository;
import org.lscb.reviews.ReviewRepository;

/**
 * A database made by the single migration history (V1 to V6, kept under {@code db/legacy} as it was
 * released) upgrades to the per-module histories with its data intact, and a new database built from the
 * modules' scripts has the same tables, columns and indexes as one built by that history. Runs on H2 and,
 * with {@code -Dtest.db=postgres}, on PostgreSQL.
 */
class ApplicationSchemaTest {

    private static final String BOARD = "00000000-0000-0000-0000-00000000b0a1";
    private static final String POLICE = "00000000-0000-0000-0000-0000000000a1";
    private static final String OFFICER = "00000000-0000-0000-0000-0000000000c1";
    private static final String REVIEWER = "00000000-0000-0000-0000-0000000000d1";
    private static final String REVIEW = "00000000-0000-0000-0000-0000000000e1";

    @Test
    void singleHistoryDatabase_isAdopted_andKeepsItsData() {
        DataSource ds = TestDataSources.fresh();
        legacy(ds, "6").migrate();
        insertTodaysData(ds);

        ApplicationSchema.migrate(ds);

        for (String module : ApplicationSchema.SINGLE_HISTORY_MODULES) {
            assertThat(query(
                            ds,
                            "SELECT \"version\", \"type\" FROM \"schema_history_" + module
                                    + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\""))
                    .as(module)
                    .first()
                    .isEqualTo("1 BASELINE");
        }
        // a module younger than the single history runs its first script
        assertThat(query(
                        ds,
                        "SELECT \"version\", \"type\" FROM \"schema_history_library\" WHERE \"version\" IS NOT NULL"))
                .contains("1 SQL")
                .doesNotContain("1 BASELINE");
        try (Database db = Database.open(ds)) {
            db.read(em -> {
                assertThat(new OrganisationRepository(em).byId(BOARD)).isPresent();
                Account officer = new AccountRepository(em)
                        .byUsername(new Username("officer"))
                        .orElseThrow();
                assertThat(officer.id()).isEqualTo(OFFICER);
                assertThat(new ReviewerRepository(em)
                                .byId(REVIEWER)
                                .orElseThrow()
                                .displayName())
                        .isEqualTo("Robin Reviewer");
                assertThat(new ReviewRepository(em).byId(REVIEW).orElseThrow().reference())
                        .isEqualTo("TS-SCR-1");
                assertThat(new AuditLog(em).verify().valid()).isTrue();
                return null;
            });
        }
    }

    @Test
    void adoptedDatabase_migratesAgainAsANoOp() {
        DataSource ds = TestDataSources.fresh();
        legacy(ds, "6").migrate();
        ApplicationSchema.migrate(ds);
        String history = "SELECT \"version\", \"type\" FROM \"schema_history_identity\" WHERE \"version\" IS NOT NULL";
        List<String> once = query(ds, history);

        ApplicationSchema.migrate(ds);

        // the legacy schema is the baseline, the module's later versions are applied on top, once
        assertThat(once).startsWith("1 BASELINE").doesNotHaveDuplicates();
        assertThat(query(ds, history)).isEqualTo(once);
    }

    @Test
    void singleHistoryDatabaseAtAnEarlierVersion_isRefusedWithTheReason() {
        DataSource ds = TestDataSources.fresh();
        legacy(ds, "5").migrate();

        assertThatThrownBy(() -> ApplicationSchema.migrate(ds))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version 5");
        assertThat(query(ds, "SELECT COUNT(*) FROM board_member"))
                .as("V6 was not half-applied")
                .isEmpty();
    }

    @Test
    void modulesScripts_buildTheSameTablesColumnsAndIndexes_asTheSingleHistory() {
        DataSource old = TestDataSources.fresh();
        legacy(old, "6").migrate();
        // adopted, then given the modules' later scripts: the same as a database made by the modules alone
        ApplicationSchema.migrate(old);
        DataSource fresh = TestDataSources.fresh();
        ApplicationSchema.migrate(fresh);

        assertThat(shape(fresh)).isEqualTo(shape(old));
        assertThat(shape(fresh)).anyMatch(line -> line.startsWith("column review_appointment.reviewer_id "));
    }

    private static Flyway legacy(DataSource ds, String target) {
        return Flyway.configure(ApplicationSchemaTest.class.getClassLoader())
                .dataSource(ds)
                .locations("classpath:db/legacy")
                .target(target)
                .load();
    }

    private static void insertTodaysData(DataSource ds) {
        String now = "TIMESTAMP WITH TIME ZONE '2026-06-15 09:30:00+00'";
        exec(
                ds,
                "INSERT INTO organisation (id, name, kind, area) VALUES ('" + BOARD
                        + "', 'Testshire LSCB', 'LSCB', 'Testshire')",
                "INSERT INTO organisation (id, name, kind, area) VALUES ('" + POLICE
                        + "', 'Testshire Police', 'POLICE', NULL)",
                "INSERT INTO board_member (board_id, organisation_id, added_at) VALUES ('" + BOARD + "', '" + POLICE
                        + "', " + now + ")",
                "INSERT INTO account (id, username, display_name, password_hash, organisation_id, created_at) VALUES ('"
                        + OFFICER + "', 'officer', 'Olive Officer', NULL, '" + BOARD + "', " + now + ")",
                "INSERT INTO account_role (account_id, role) VALUES ('" + OFFICER + "', 'LSCB_OFFICER')",
                "INSERT INTO reviewer (id, account_id, display_name, summary, available, updated_at, version, registered_by_board) VALUES ('"
                        + REVIEWER + "', NULL, 'Robin Reviewer', NULL, TRUE, " + now + ", 0, '" + BOARD + "')",
                "INSERT INTO review (id, type, reference, pseudonym, lead_lscb_id, status, looked_after, created_at, created_by, version)"
                        + " VALUES ('" + REVIEW + "', 'SERIOUS_CASE_REVIEW', 'TS-SCR-1', 'Child A', '" + BOARD
                        + "', 'AWAITING_DECISION', FALSE, "
                        + now + ", '" + OFFICER + "', 0)");
    }

    /** Every table, column (type, size, nullability) and index of the application, one line each, history tables left out. */
    private static List<String> shape(DataSource ds) {
        TreeSet<String> lines = new TreeSet<>();
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String t = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!t.contains("history")) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            for (String table : tables) {
                String t = table.toLowerCase(Locale.ROOT);
                try (ResultSet rs = meta.getColumns(null, c.getSchema(), table, "%")) {
                    while (rs.next()) {
                        lines.add("column " + t + "."
                                + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " " + rs.getString("TYPE_NAME")
                                + "(" + rs.getInt("COLUMN_SIZE") + ") nullable=" + rs.getString("IS_NULLABLE"));
                    }
                }
                try (ResultSet rs = meta.getIndexInfo(null, c.getSchema(), table, false, false)) {
                    while (rs.next()) {
                        String index = rs.getString("INDEX_NAME");
                        if (index != null
                                && !index.toLowerCase(Locale.ROOT)
                                        .matches("(primary_key|constraint|fk|.*_pkey|.*_fkey|.*_key).*")) {
                            // H2 numbers the indexes it makes for constraints in creation order: the number says
                            // nothing
                            lines.add("index " + t + "."
                                    + index.toLowerCase(Locale.ROOT).replaceAll("_index_[0-9]+$", "_index") + " on "
                                    + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " unique="
                                    + !rs.getBoolean("NON_UNIQUE"));
                        }
                    }
                }
                try (ResultSet rs = meta.getImportedKeys(null, c.getSchema(), table)) {
                    while (rs.next()) {
                        lines.add("reference " + t + "."
                                + rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT) + " -> "
                                + rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT) + "."
                                + rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new ArrayList<>(lines);
    }

    private static List<String> query(DataSource ds, String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        } catch (SQLException e) {
            return List.of();
        }
        return rows;
    }

    private static void exec(DataSource ds, String... statements) {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
