package org.lscb.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What one run loads and how hard, from system properties ({@code benchmarks/load/run.sh} sets them from its
 * options). Defaults are the issue's: 50 concurrent users, 5 MB IMRs.
 */
record LoadSettings(
        List<String> targets,
        int users,
        int officers,
        Duration duration,
        Duration rampUp,
        Duration pace,
        double uploadShare,
        long documentBytes,
        int envelopes,
        int reviews,
        String adminUser,
        String adminPassword,
        Path adminTotpFile,
        Path workDir) {

    static LoadSettings fromSystemProperties() {
        List<String> targets = Arrays.stream(System.getProperty("load.target", "http://127.0.0.1:8080")
                        .split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
                .toList();
        int users = Integer.getInteger("load.users", 50);
        int officers = Integer.getInteger("load.officers", Math.max(1, users / 5));
        if (officers >= users) {
            throw new IllegalArgumentException("load.officers must be fewer than load.users");
        }
        String totp = System.getProperty("load.adminTotpFile", "");
        return new LoadSettings(
                targets,
                users,
                officers,
                Duration.ofSeconds(Long.getLong("load.duration", 600)),
                Duration.ofSeconds(Long.getLong("load.rampUp", 30)),
                Duration.ofSeconds(Long.getLong("load.pace", 30)),
                Double.parseDouble(System.getProperty("load.uploadShare", "0.5")),
                Long.getLong("load.documentBytes", 5L << 20),
                Integer.getInteger("load.envelopes", 8),
                Integer.getInteger("load.reviews", 10),
                System.getProperty("load.adminUser", "admin"),
                System.getProperty("load.adminPassword", "admin"),
                totp.isBlank() ? null : Path.of(totp),
                Path.of(System.getProperty("load.workDir", "target/load-work")).toAbsolutePath());
    }

    int agencyUsers() {
        return users - officers;
    }
}
