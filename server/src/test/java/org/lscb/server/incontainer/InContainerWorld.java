package org.lscb.server.incontainer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.identity.account.Role;
import org.lscb.identity.organisation.Organisation;
import org.lscb.identity.organisation.OrganisationKind;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.registry.reviewer.Affiliation;
import org.lscb.registry.reviewer.AffiliationKind;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.registry.reviewer.ReviewerRepository;
import org.lscb.reviews.KeyDates;
import org.lscb.reviews.ReviewType;
import org.lscb.server.auth.Caller;
import org.lscb.server.review.ReviewService;

/**
 * What the in-container tests stand on, made through the application's own persistence unit: boards, agencies,
 * reviewers, officers, reviews; and what they look at, read with plain SQL so that it is what the database holds.
 * Every test makes its own, so the tests need no order and share one database.
 */
final class InContainerWorld {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private InContainerWorld() {}

    static String organisation(Database db, OrganisationKind kind) {
        return db.inTransaction(em -> {
            Organisation o = new Organisation(kind + " " + letters(), kind, "Testshire");
            new OrganisationRepository(em).add(o);
            return o.id();
        });
    }

    /** A reviewer on the register, employed since 2015 by each of {@code employers}. */
    static String reviewer(Database db, String... employers) {
        return db.inTransaction(em -> {
            java.time.Instant now = java.time.Instant.now();
            Reviewer r = new Reviewer(
                    null, new Reviewer.Profile("Reviewer " + letters(), null, Set.of(), Set.of(), Set.of(), true), now);
            for (String employer : employers) {
                r.addAffiliation(
                        new Affiliation(
                                employer, AffiliationKind.EMPLOYMENT, "Practitioner", LocalDate.of(2015, 1, 1), null),
                        now);
            }
            new ReviewerRepository(em).add(r);
            return r.id();
        });
    }

    /** An officer of the board, as a signed-in caller; account ids are not checked against accounts by the review rules. */
    static Caller officerOf(String boardId) {
        String id = UUID.randomUUID().toString();
        return new Caller(
                id, "officer-" + id.substring(0, 8), "Officer " + letters(), Set.of(Role.LSCB_OFFICER), boardId);
    }

    /** The board's Chair, as a signed-in caller (who decides and overrides [7, 18]); account ids are not checked against accounts by the review rules. */
    static Caller chairOf(String boardId) {
        String id = UUID.randomUUID().toString();
        return new Caller(id, "chair-" + id.substring(0, 8), "Chair " + letters(), Set.of(Role.LSCB_CHAIR), boardId);
    }

    /** A serious case review the board leads over {@code organisations}, notified today, opened through the service. */
    static String openScr(ReviewService reviews, Caller officer, String boardId, Set<String> organisations) {
        LocalDate today = LocalDate.now(ENGLAND);
        return reviews.open(
                        officer,
                        new ReviewService.OpeningRequest(
                                ReviewType.SERIOUS_CASE_REVIEW,
                                "IC-" + letters(),
                                "Child A",
                                boardId,
                                null,
                                null,
                                Set.of(),
                                organisations,
                                new KeyDates(today.minusDays(1), null, today, null, null, today),
                                null))
                .review()
                .id();
    }

    static boolean auditChainValid(Database db) {
        return db.read(em -> new AuditLog(em).verify().valid());
    }

    /** The actions of the audit entries {@code actor} caused, oldest first. */
    static List<String> auditActionsBy(DataSource ds, String actor) {
        return strings(ds, "SELECT action FROM audit_entry WHERE actor = ? ORDER BY seq", actor);
    }

    static List<String> strings(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static int count(DataSource ds, String sql, Object... params) {
        return Integer.parseInt(strings(ds, sql, params).get(0));
    }

    /**
     * A CHECK constraint added for one test and dropped after it: the database then refuses exactly the rows the
     * test names (those of one made-up account), as a full disk or a lost connection would refuse any.
     */
    static final class Refusal implements AutoCloseable {
        private final DataSource ds;
        private final String table;
        final String name = "in_container_refusal_" + letters().toLowerCase(java.util.Locale.ROOT);

        Refusal(DataSource ds, String table, String check) {
            this.ds = ds;
            this.table = table;
            ddl("ALTER TABLE " + table + " ADD CONSTRAINT " + name + " CHECK (" + check + ")");
        }

        @Override
        public void close() {
            ddl("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
        }

        private void ddl(String sql) {
            try (Connection c = ds.getConnection();
                    Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Holds the audit head's row lock, as an appending transaction does, so that transactions that want to append
     * wait at that point with everything before it done; {@link #awaitWaiting} sees them wait, {@link #close} lets
     * them go on.
     */
    static final class AuditHeadHold implements AutoCloseable {
        private final DataSource ds;
        private final Connection c;
        private final boolean postgres;

        AuditHeadHold(DataSource ds) throws SQLException {
            this.ds = ds;
            c = ds.getConnection();
            c.setAutoCommit(false);
            postgres = c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT entries FROM audit_head WHERE id = 1 FOR UPDATE")
                        .close();
            }
        }

        /** Waits until at least {@code sessions} other database sessions wait for a lock. */
        void awaitWaiting(int sessions, Duration within) throws SQLException, InterruptedException {
            String sql = postgres
                    ? "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND cardinality(pg_blocking_pids(pid)) > 0"
                    : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
            long deadline = System.nanoTime() + within.toNanos();
            int waiting = 0;
            // asked outside the holding transaction: PostgreSQL answers pg_stat_activity from one snapshot per
            // transaction
            try (Connection look = ds.getConnection()) {
                look.setAutoCommit(true);
                while (System.nanoTime() < deadline) {
                    try (Statement s = look.createStatement();
                            ResultSet rs = s.executeQuery(sql)) {
                        rs.next();
                        waiting = rs.getInt(1);
                    }
                    if (waiting >= sessions) {
                        return;
                    }
                    Thread.sleep(20);
                }
            }
            throw new AssertionError(
                    waiting + " database sessions waited for a lock within " + within + ", not " + sessions);
        }

        @Override
        public void close() throws SQLException {
            try {
                c.rollback();
            } finally {
                c.close();
            }
        }
    }

    private static String letters() {
        StringBuilder b = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            b.append((char) ('A' + r.nextInt(26)));
        }
        return b.toString();
    }
}
