package org.lscb.server.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.lscb.foundation.persistence.SchemaMigrations;

/**
 * The application's schema: every module's migrations in dependency order.
 *
 * <p>A database made before modules kept their own histories has one Flyway history,
 * {@code flyway_schema_history}, at version 6, and already holds every table that the modules' first
 * scripts create. Such a database is adopted: each module's history is started at version 1 without
 * running its first script, and later scripts then run as on any other database. A single-history
 * database at any other version is refused with a message, because its tables differ from what the
 * modules' first scripts describe.
 */
public final class ApplicationSchema {

    /** Dependency order: a module's tables refer only to tables of the modules before it. */
    public static final List<String> MODULES =
            List.of("foundation", "identity", "registry", "reviews", "exchange", "library");

    /** The modules whose first scripts the single history's version 6 holds; a later module's first script runs. */
    static final List<String> SINGLE_HISTORY_MODULES =
            List.of("foundation", "identity", "registry", "reviews", "exchange");

    static final String SINGLE_HISTORY = "flyway_schema_history";
    static final String SINGLE_HISTORY_LAST_VERSION = "6";

    private ApplicationSchema() {}

    public static void migrate(DataSource dataSource) {
        if (singleHistoryPresent(dataSource)) {
            adoptSingleHistory(dataSource);
        }
        SchemaMigrations.apply(dataSource, MODULES);
    }

    private static void adoptSingleHistory(DataSource dataSource) {
        List<String> unadopted = SINGLE_HISTORY_MODULES.stream()
                .filter(module -> !tablePresent(dataSource, SchemaMigrations.historyTable(module)))
                .toList();
        if (unadopted.isEmpty()) {
            return;
        }
        String version = lastSuccessfulVersion(dataSource);
        if (!SINGLE_HISTORY_LAST_VERSION.equals(version)) {
            throw new IllegalStateException("This database's schema is at version " + version
                    + " of the single migration history; only version " + SINGLE_HISTORY_LAST_VERSION
                    + " can be adopted. Upgrade it with the release that ends that history first.");
        }
        for (String module : unadopted) {
            Flyway.configure(ApplicationSchema.class.getClassLoader())
                    .configuration(SchemaMigrations.flyway(dataSource, module).getConfiguration())
                    .baselineVersion("1")
                    .baselineDescription("adopted from " + SINGLE_HISTORY + " at version " + version)
                    .load()
                    .baseline();
        }
    }

    private static boolean singleHistoryPresent(DataSource dataSource) {
        return tablePresent(dataSource, SINGLE_HISTORY);
    }

    private static boolean tablePresent(DataSource dataSource, String table) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String name : List.of(table, table.toUpperCase())) {
                try (ResultSet rs = meta.getTables(null, c.getSchema(), name, new String[] {"TABLE"})) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's tables: " + e.getMessage(), e);
        }
    }

    private static String lastSuccessfulVersion(DataSource dataSource) {
        String sql = "SELECT \"version\" FROM \"" + SINGLE_HISTORY
                + "\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            String last = null;
            while (rs.next()) {
                String v = rs.getString(1);
                if (last == null || Integer.parseInt(v) > Integer.parseInt(last)) {
                    last = v;
                }
            }
            return last == null ? "none" : last;
        } catch (SQLException | NumberFormatException e) {
            throw new IllegalStateException("cannot read " + SINGLE_HISTORY + ": " + e.getMessage(), e);
        }
    }
}
