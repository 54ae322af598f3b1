package org.lscb.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.lscb.registry.search.ReviewerDocument;
import org.lscb.registry.search.ReviewerQuery;

/**
 * The reference a team would otherwise reach for: PostgreSQL full-text search (tsvector with a GIN
 * index) with the same filters as the register's search, answering top 20 and the facet counts.
 */
final class PostgresFullText implements AutoCloseable {

    private static final String MATCHES = """
            WITH m AS (
              SELECT f.id, f.expertise, f.regions, f.evidence, f.available, f.qualified_until,
                     CASE WHEN ?::text = '' THEN 0 ELSE ts_rank(f.doc, q) END AS rank
              FROM bench_fts f, plainto_tsquery('english', ?) q
              WHERE (?::text = '' OR f.doc @@ q)
                AND (cardinality(?::text[]) = 0 OR f.expertise && ?::text[])
                AND (cardinality(?::text[]) = 0 OR f.regions && ?::text[])
                AND (?::boolean IS NULL OR (f.qualified_until >= ?) = ?::boolean)
                AND NOT EXISTS (SELECT 1 FROM bench_tie t
                                WHERE t.reviewer_id = f.id AND t.org = ANY(?::uuid[])
                                  AND (t.counts_until IS NULL OR t.counts_until >= ?)))
            """;
    private static final String TOP = MATCHES + "SELECT id FROM m ORDER BY rank DESC, id LIMIT ?";
    private static final String FACETS = MATCHES + """
            SELECT 'total', '', count(*) FROM m
            UNION ALL SELECT 'expertise', e, count(*) FROM m, unnest(m.expertise) e GROUP BY e
            UNION ALL SELECT 'region', r, count(*) FROM m, unnest(m.regions) r GROUP BY r
            UNION ALL SELECT 'evidence', v, count(*) FROM m, unnest(m.evidence) v GROUP BY v
            UNION ALL SELECT 'available', available::text, count(*) FROM m GROUP BY available
            UNION ALL SELECT 'qualified', (qualified_until >= ?)::text, count(*) FROM m GROUP BY 2
            """;

    private final Connection connection;
    private final PreparedStatement top;
    private final PreparedStatement facets;

    PostgresFullText(DataSource ds) throws SQLException {
        this.connection = ds.getConnection();
        this.top = connection.prepareStatement(TOP);
        this.facets = connection.prepareStatement(FACETS);
    }

    static void load(DataSource ds, List<ReviewerDocument> docs) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_fts, bench_tie");
            s.execute(
                    "CREATE TABLE bench_fts (id varchar(36) PRIMARY KEY, name text, body text, doc tsvector, expertise text[],"
                            + " regions text[], evidence text[], available boolean, qualified_until date)");
            s.execute(
                    "CREATE TABLE bench_tie (reviewer_id varchar(36) NOT NULL, org uuid NOT NULL, counts_until date)");
            c.setAutoCommit(false);
            try (PreparedStatement f = c.prepareStatement(
                            "INSERT INTO bench_fts (id, name, body, expertise, regions, evidence, available, qualified_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement t = c.prepareStatement(
                            "INSERT INTO bench_tie (reviewer_id, org, counts_until) VALUES (?, ?, ?)")) {
                int n = 0;
                for (ReviewerDocument d : docs) {
                    f.setString(1, d.id());
                    f.setString(2, d.displayName());
                    f.setString(3, (d.summary() == null ? "" : d.summary()) + " " + d.evidenceText());
                    f.setArray(
                            4,
                            c.createArrayOf(
                                    "text",
                                    d.expertise().stream().map(Enum::name).toArray()));
                    f.setArray(
                            5,
                            c.createArrayOf(
                                    "text", d.regions().stream().map(Enum::name).toArray()));
                    f.setArray(
                            6,
                            c.createArrayOf(
                                    "text",
                                    d.evidenceTypes().stream().map(Enum::name).toArray()));
                    f.setBoolean(7, d.available());
                    f.setDate(
                            8,
                            d.qualifiedUntil() == null
                                    ? null
                                    : Date.valueOf(
                                            d.qualifiedUntil().getYear() > 9000
                                                    ? java.time.LocalDate.of(9999, 12, 31)
                                                    : d.qualifiedUntil()));
                    f.addBatch();
                    for (ReviewerDocument.Tie tie : d.ties()) {
                        t.setString(1, d.id());
                        t.setObject(2, UUID.fromString(tie.organisationId()));
                        t.setDate(3, tie.countsUntil() == null ? null : Date.valueOf(tie.countsUntil()));
                        t.addBatch();
                    }
                    if (++n % 2000 == 0) {
                        f.executeBatch();
                        t.executeBatch();
                    }
                }
                f.executeBatch();
                t.executeBatch();
            }
            s.execute(
                    "UPDATE bench_fts SET doc = setweight(to_tsvector('simple', name), 'A') || to_tsvector('english', body)");
            c.commit();
            c.setAutoCommit(true);
            s.execute("CREATE INDEX bench_fts_doc ON bench_fts USING gin (doc)");
            s.execute("CREATE INDEX bench_fts_expertise ON bench_fts USING gin (expertise)");
            s.execute("CREATE INDEX bench_fts_regions ON bench_fts USING gin (regions)");
            s.execute("CREATE INDEX bench_fts_qualified ON bench_fts (qualified_until)");
            s.execute("CREATE INDEX bench_tie_lookup ON bench_tie (reviewer_id, org, counts_until)");
            s.execute("ANALYZE bench_fts");
            s.execute("ANALYZE bench_tie");
        }
    }

    /** Top hits and facet counts, two round trips as an application would make them. */
    Answer search(ReviewerQuery q) throws SQLException {
        List<String> ids = new ArrayList<>();
        bind(top, q);
        top.setInt(13, q.size());
        try (ResultSet rs = top.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        bind(facets, q);
        facets.setDate(13, Date.valueOf(q.today()));
        long total = 0;
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        try (ResultSet rs = facets.executeQuery()) {
            while (rs.next()) {
                if (rs.getString(1).equals("total")) {
                    total = rs.getLong(3);
                } else {
                    counts.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                            .put(rs.getString(2), rs.getLong(3));
                }
            }
        }
        return new Answer(total, ids, counts);
    }

    record Answer(long total, List<String> ids, Map<String, Map<String, Long>> facets) {}

    private void bind(PreparedStatement ps, ReviewerQuery q) throws SQLException {
        String text = q.text() == null ? "" : q.text();
        ps.setString(1, text);
        ps.setString(2, text);
        ps.setString(3, text);
        Array expertise = connection.createArrayOf(
                "text", q.expertise().stream().map(Enum::name).toArray());
        Array regions = connection.createArrayOf(
                "text", q.regions().stream().map(Enum::name).toArray());
        ps.setArray(4, expertise);
        ps.setArray(5, expertise);
        ps.setArray(6, regions);
        ps.setArray(7, regions);
        if (q.qualified() == null) {
            ps.setNull(8, java.sql.Types.BOOLEAN);
            ps.setDate(9, Date.valueOf(q.today()));
            ps.setNull(10, java.sql.Types.BOOLEAN);
        } else {
            ps.setBoolean(8, q.qualified());
            ps.setDate(9, Date.valueOf(q.today()));
            ps.setBoolean(10, q.qualified());
        }
        ps.setArray(
                11,
                connection.createArrayOf(
                        "uuid", q.independentOf().stream().map(UUID::fromString).toArray()));
        ps.setDate(12, Date.valueOf(q.independenceCutOff()));
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
