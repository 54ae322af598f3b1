package org.lscb.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.lscb.identity.organisation.OrganisationKind;
import org.lscb.registry.reviewer.Affiliation;
import org.lscb.registry.reviewer.DeclaredInterest;
import org.lscb.registry.reviewer.Evidence;
import org.lscb.registry.reviewer.Reviewer;

/** Writes generated organisations and reviewers straight into the application's schema with JDBC batches. */
final class RegisterData {

    private RegisterData() {}

    static void insertOrganisations(DataSource ds, List<String> ids) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("INSERT INTO organisation (id, name, kind, area) VALUES (?, ?, ?, ?)")) {
            OrganisationKind[] kinds = OrganisationKind.values();
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(1, ids.get(i));
                ps.setString(2, "Fictional organisation " + i);
                ps.setString(3, kinds[i % kinds.length].name());
                ps.setString(4, "Benchshire");
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void insertReviewers(DataSource ds, List<Reviewer> reviewers) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement r = c.prepareStatement(
                            "INSERT INTO reviewer (id, account_id, display_name, summary, available, updated_at, version) VALUES (?, NULL, ?, ?, ?, ?, 1)");
                    PreparedStatement ex =
                            c.prepareStatement("INSERT INTO reviewer_expertise (reviewer_id, area) VALUES (?, ?)");
                    PreparedStatement sk =
                            c.prepareStatement("INSERT INTO reviewer_skill (reviewer_id, skill) VALUES (?, ?)");
                    PreparedStatement re =
                            c.prepareStatement("INSERT INTO reviewer_region (reviewer_id, region) VALUES (?, ?)");
                    PreparedStatement ev = c.prepareStatement(
                            "INSERT INTO reviewer_evidence (id, reviewer_id, type, title, issuer, evidence_date, expires, verified_by, verified_at, withdrawn_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement af = c.prepareStatement(
                            "INSERT INTO reviewer_affiliation (id, reviewer_id, organisation_id, kind, role, date_from, date_to) VALUES (?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement in = c.prepareStatement(
                            "INSERT INTO reviewer_interest (id, reviewer_id, description, organisation_id, review_id, declared_at) VALUES (?, ?, ?, ?, NULL, ?)")) {
                int n = 0;
                for (Reviewer x : reviewers) {
                    r.setString(1, x.id());
                    r.setString(2, x.displayName());
                    r.setString(3, x.summary());
                    r.setBoolean(4, x.available());
                    r.setObject(5, x.updatedAt().atOffset(ZoneOffset.UTC));
                    r.addBatch();
                    x.expertise().forEach(e -> add(ex, x.id(), e.name()));
                    x.skills().forEach(s -> add(sk, x.id(), s.name()));
                    x.regions().forEach(g -> add(re, x.id(), g.name()));
                    for (Evidence e : x.evidence()) {
                        ev.setString(1, e.id());
                        ev.setString(2, x.id());
                        ev.setString(3, e.type().name());
                        ev.setString(4, e.title());
                        ev.setString(5, e.issuer());
                        ev.setDate(6, Date.valueOf(e.date()));
                        ev.setDate(7, e.expires() == null ? null : Date.valueOf(e.expires()));
                        ev.setString(8, e.verifiedBy());
                        ev.setObject(
                                9,
                                e.verifiedAt() == null ? null : e.verifiedAt().atOffset(ZoneOffset.UTC));
                        ev.setObject(
                                10,
                                e.withdrawnAt() == null ? null : e.withdrawnAt().atOffset(ZoneOffset.UTC));
                        ev.addBatch();
                    }
                    for (Affiliation a : x.affiliations()) {
                        af.setString(1, a.id());
                        af.setString(2, x.id());
                        af.setString(3, a.organisationId());
                        af.setString(4, a.kind().name());
                        af.setString(5, a.role());
                        af.setDate(6, Date.valueOf(a.from()));
                        af.setDate(7, a.to().map(Date::valueOf).orElse(null));
                        af.addBatch();
                    }
                    for (DeclaredInterest i : x.interests()) {
                        in.setString(1, i.id());
                        in.setString(2, x.id());
                        in.setString(3, i.description());
                        in.setString(4, i.organisationId());
                        in.setObject(5, i.declaredAt().atOffset(ZoneOffset.UTC));
                        in.addBatch();
                    }
                    if (++n % 2000 == 0) {
                        flush(r, ex, sk, re, ev, af, in);
                    }
                }
                flush(r, ex, sk, re, ev, af, in);
            }
            c.commit();
        }
    }

    private static void add(PreparedStatement ps, String id, String value) {
        try {
            ps.setString(1, id);
            ps.setString(2, value);
            ps.addBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void flush(PreparedStatement... batches) throws SQLException {
        for (PreparedStatement ps : batches) {
            ps.executeBatch();
        }
    }

    static LocalDate day(java.time.Instant i) {
        return i.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
