package org.lscb.foundation.persistence;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The only schema author. Each module owns its Flyway scripts under {@code db/schema/<module>/} and keeps
 * its own history table {@code schema_history_<module>}, so a module's schema changes without renumbering
 * another's. Modules are migrated in the order given, which must follow the dependency graph: a table may
 * refer only to tables of modules migrated before it.
 */
public final class SchemaMigrations {

    private SchemaMigrations() {}

    /** Brings each named module's schema up to date, in the order given. */
    public static void apply(DataSource dataSource, List<String> modules) {
        for (String module : modules) {
            flyway(dataSource, module).migrate();
        }
    }

    /** The Flyway instance of one module: its scripts and its history table. */
    public static Flyway flyway(DataSource dataSource, String module) {
        if (!module.matches("[a-z]+")) {
            throw new IllegalArgumentException("not a module name: " + module);
        }
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/schema/" + module)
                .table(historyTable(module))
                .failOnMissingLocations(true)
                // the tables of the modules migrated before this one are already there: an absent history
                // means "nothing of this module yet", so its history starts below its first script
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    public static String historyTable(String module) {
        return "schema_history_" + module;
    }
}
