package org.lscb.server.config;

import java.nio.file.Path;

/**
 * Where the server keeps its database, keys, index and blobs: {@code DATA_DIR} (or system property
 * {@code data.dir}), else {@code ./data} of the folder the server was started in. Read directly,
 * not through MicroProfile Config, because the token key config source needs it while Config is built.
 */
public final class DataDirectory {

    private DataDirectory() {}

    public static Path resolve() {
        String value = System.getProperty("data.dir");
        if (value == null || value.isBlank()) {
            value = System.getenv("DATA_DIR");
        }
        if (value == null || value.isBlank()) {
            value = "data";
        }
        return Path.of(value).toAbsolutePath().normalize();
    }
}
