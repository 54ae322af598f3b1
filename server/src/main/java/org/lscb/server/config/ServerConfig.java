package org.lscb.server.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every setting of the server with its default, read once and checked at start-up
 * (MicroProfile Config: system properties, then environment, then {@code microprofile-config.properties}).
 * Environment names follow the MicroProfile rule: {@code db.url} is also read from {@code DB_URL}.
 */
@ApplicationScoped
public class ServerConfig {

    private Path dataDir;
    private String dbUrl;
    private String dbUser;
    private String dbPassword;
    private int dbPoolSize;
    private boolean demo;
    private String adminUsername;
    private Optional<String> adminPassword;
    private String tokenIssuer;
    private Duration tokenLifetime;
    private boolean externalIssuer;
    private java.time.Period independenceLookBack;
    private java.time.Period trainingRevalidation;
    private org.lscb.reviews.ClockSpans clockSpans;
    private Duration overdueSweepInterval;
    private Duration searchFeedInterval;
    private Duration webSessionIdle;
    private Optional<String> caSecret;
    private long documentMaxBytes;
    private long documentMinFreeBytes;
    private org.lscb.exchange.store.BlobStore.Staging documentStaging;
    private Path blobDirectory;
    private Path libraryDirectory;
    private Optional<org.lscb.exchange.store.S3BlobStore.Settings> blobS3;
    private long uploadMinBytes;
    private Duration uploadRateWindow;
    private java.util.Set<String> trustedProxies;
    private Optional<PublicBaseUrl> publicBaseUrl;
    private Optional<ScrapeToken> metricsToken;

    protected ServerConfig() {
        // CDI proxy
    }

    public static ServerConfig load() {
        ServerConfig c = new ServerConfig();
        c.read(ConfigProvider.getConfig());
        return c;
    }

    @jakarta.annotation.PostConstruct
    void init() {
        read(ConfigProvider.getConfig());
    }

    private void read(Config config) {
        dataDir = DataDirectory.resolve();
        // WRITE_DELAY=0: H2 keeps no redo log and by default writes commits out up to 500 ms later, when a
        // document answered 201 could vanish with a crash (docs/security.md F1); with 0 each commit reaches the
        // file before the answer
        dbUrl = config.getOptionalValue("db.url", String.class)
                .orElse("jdbc:h2:file:" + dataDir.resolve("db").resolve("lscb").toAbsolutePath() + ";WRITE_DELAY=0");
        dbUser = config.getOptionalValue("db.user", String.class).orElse("sa");
        dbPassword = config.getOptionalValue("db.password", String.class).orElse("");
        dbPoolSize = config.getOptionalValue("db.pool.size", Integer.class).orElse(10);
        demo = config.getOptionalValue("demo", Boolean.class).orElse(false);
        adminUsername = config.getOptionalValue("admin.username", String.class).orElse("admin");
        adminPassword = config.getOptionalValue("admin.password", String.class);
        tokenIssuer = config.getOptionalValue("auth.issuer", String.class)
                .orElse(org.lscb.server.auth.LocalIssuerConfigSource.DEFAULT_ISSUER);
        tokenLifetime = config.getOptionalValue("auth.token.lifetime", String.class)
                .map(Duration::parse)
                .orElse(Duration.ofMinutes(15));
        externalIssuer = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class)
                .isPresent();
        independenceLookBack = period(config, "registry.independence.look-back", "P5Y");
        trainingRevalidation = period(config, "registry.training.revalidation", "P5Y");
        try {
            clockSpans = org.lscb.reviews.ClockSpans.from(
                    k -> config.getOptionalValue("reviews.clock." + k.configName(), String.class));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        caSecret = config.getOptionalValue("ca.secret", String.class);
        documentMaxBytes =
                config.getOptionalValue("documents.max-bytes", Long.class).orElse(2L * 1024 * 1024 * 1024);
        documentMinFreeBytes =
                config.getOptionalValue("documents.min-free-bytes", Long.class).orElse(1024L * 1024 * 1024);
        try {
            documentStaging = org.lscb.exchange.store.BlobStore.Staging.of(
                    config.getOptionalValue("documents.staging", String.class).orElse("page-cache"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("documents.staging " + e.getMessage(), e);
        }
        readBlobStore(config);
        if (documentMaxBytes < 1024) {
            throw new IllegalStateException("documents.max-bytes must be at least 1024, not " + documentMaxBytes);
        }
        uploadMinBytes =
                config.getOptionalValue("documents.min-rate.bytes", Long.class).orElse(64L * 1024);
        uploadRateWindow = duration(config, "documents.min-rate.window", "PT30S");
        if (uploadMinBytes < 0 || uploadRateWindow.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalStateException(
                    "documents.min-rate.bytes must be 0 (off) or more and documents.min-rate.window at least PT1S");
        }
        overdueSweepInterval = duration(config, "reviews.overdue-sweep.interval", "PT5M");
        searchFeedInterval = duration(config, "search.feed.interval", "PT0.5S");
        webSessionIdle = duration(config, "web.session.idle", "PT30M");
        trustedProxies = IpAddresses.parseTrustedProxies(
                config.getOptionalValue("auth.trusted-proxies", String.class).orElse(""));
        publicBaseUrl = config.getOptionalValue("public.base-url", String.class)
                .filter(t -> !t.isBlank())
                .map(t -> {
                    try {
                        return PublicBaseUrl.parse(t);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(
                                "public.base-url (PUBLIC_BASE_URL) " + e.getMessage() + ", not " + t);
                    }
                });
        metricsToken = config.getOptionalValue("metrics.token", String.class)
                .filter(t -> !t.isEmpty())
                .map(t -> {
                    try {
                        return ScrapeToken.of(t);
                    } catch (IllegalArgumentException e) {
                        // the secret itself is not repeated
                        throw new IllegalStateException("metrics.token (METRICS_TOKEN) " + e.getMessage());
                    }
                });
        validate();
    }

    /**
     * {@code blob.store}: empty for {@code DATA_DIR/blobs}, a folder's absolute path (a shared POSIX mount for several
     * servers), or {@code s3://bucket/prefix} with the {@code blob.s3.*} settings.
     */
    private void readBlobStore(Config config) {
        String store = text(config, "blob.store");
        String endpoint = text(config, "blob.s3.endpoint");
        String region = text(config, "blob.s3.region");
        String accessKey = text(config, "blob.s3.access-key");
        String secretKey = text(config, "blob.s3.secret-key");
        String pathStyle = text(config, "blob.s3.path-style");
        blobS3 = Optional.empty();
        blobDirectory = dataDir.resolve("blobs");
        libraryDirectory = dataDir.resolve("library");
        if (store.startsWith("s3://")) {
            try {
                blobS3 = Optional.of(org.lscb.exchange.store.S3BlobStore.Settings.of(
                        store, endpoint, region, accessKey, secretKey, pathStyle));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            return;
        }
        if (!(endpoint + region + accessKey + secretKey + pathStyle).isEmpty()) {
            throw new IllegalStateException(
                    "the BLOB_S3_* settings (blob.s3.*) apply only to BLOB_STORE=s3://bucket/prefix,"
                            + " and BLOB_STORE is " + (store.isEmpty() ? "unset" : store));
        }
        if (!store.isEmpty()) {
            Path folder;
            try {
                folder = Path.of(store);
            } catch (java.nio.file.InvalidPathException e) {
                folder = null;
            }
            if (folder == null || !folder.isAbsolute() || store.contains("://")) {
                throw new IllegalStateException("blob.store (BLOB_STORE) must be empty (DATA_DIR/blobs), a folder's"
                        + " absolute path, or s3://bucket/prefix, not " + store);
            }
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new IllegalStateException("blob.store (BLOB_STORE) " + folder + " exists and is not a folder");
            }
            blobDirectory = folder;
            libraryDirectory = folder.resolve(PUBLISHED_FILES);
        }
    }

    private static String text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).orElse("");
    }

    private static Duration duration(Config config, String key, String dflt) {
        String text = config.getOptionalValue(key, String.class).orElse(dflt);
        try {
            return Duration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException(key + " must be an ISO-8601 duration such as " + dflt + ", not " + text);
        }
    }

    private static java.time.Period period(Config config, String key, String dflt) {
        String text = config.getOptionalValue(key, String.class).orElse(dflt);
        try {
            java.time.Period p = java.time.Period.parse(text);
            if (p.isNegative() || p.isZero()) {
                throw new IllegalStateException(key + " must be a positive period such as P5Y, not " + text);
            }
            return p;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException(key + " must be an ISO-8601 period such as P5Y, not " + text);
        }
    }

    private void validate() {
        if (!dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("db.url (DB_URL) must be a jdbc:h2: or jdbc:postgresql: URL, not " + dbUrl);
        }
        if (dbPoolSize < 2 || dbPoolSize > 200) {
            throw new IllegalStateException("db.pool.size must be between 2 and 200, not " + dbPoolSize);
        }
        if (tokenLifetime.isNegative() || tokenLifetime.isZero() || tokenLifetime.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalStateException("auth.token.lifetime must be between PT1S and PT12H, not " + tokenLifetime);
        }
        if (overdueSweepInterval.compareTo(Duration.ofSeconds(1)) < 0
                || overdueSweepInterval.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalStateException(
                    "reviews.overdue-sweep.interval must be between PT1S and P1D, not " + overdueSweepInterval);
        }
        if (searchFeedInterval.compareTo(Duration.ofMillis(50)) < 0
                || searchFeedInterval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalStateException(
                    "search.feed.interval must be between PT0.05S and PT1H, not " + searchFeedInterval);
        }
        if (webSessionIdle.compareTo(Duration.ofMinutes(1)) < 0 || webSessionIdle.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalStateException("web.session.idle must be between PT1M and PT12H, not " + webSessionIdle);
        }
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new IllegalStateException("DATA_DIR " + dataDir + " exists and is not a folder");
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public String dbUrl() {
        return dbUrl;
    }

    public String dbUser() {
        return dbUser;
    }

    public String dbPassword() {
        return dbPassword;
    }

    public int dbPoolSize() {
        return dbPoolSize;
    }

    /** The embedded H2 default; anything else is treated as a production database. */
    public boolean embeddedDatabase() {
        return dbUrl.startsWith("jdbc:h2:");
    }

    public boolean demo() {
        return demo;
    }

    public String adminUsername() {
        return adminUsername;
    }

    public Optional<String> adminPassword() {
        return adminPassword;
    }

    public String tokenIssuer() {
        return tokenIssuer;
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    /** How long an ended affiliation still counts against independence (docs/domain.md "Independence"). */
    public java.time.Period independenceLookBack() {
        return independenceLookBack;
    }

    /** After how long training in systems methodology must be renewed to count (docs/domain.md "Reviewer qualification"). */
    public java.time.Period trainingRevalidation() {
        return trainingRevalidation;
    }

    /** The span of each statutory clock ({@code reviews.clock.<name>}, docs/domain.md "Statutory clocks"). */
    public org.lscb.reviews.ClockSpans clockSpans() {
        return clockSpans;
    }

    /** How often the overdue sweep looks for clocks that have just gone overdue. */
    /** How long a browser's session lasts without a request (WEB_SESSION_IDLE): then it must sign in again. */
    public Duration webSessionIdle() {
        return webSessionIdle;
    }

    public Duration overdueSweepInterval() {
        return overdueSweepInterval;
    }

    /** How often each server reads the database's version stamps to catch its search indexes up (SEARCH_FEED_INTERVAL). */
    public Duration searchFeedInterval() {
        return searchFeedInterval;
    }

    /** Addresses of the TLS proxies whose {@code X-Forwarded-For} names the client (AUTH_TRUSTED_PROXIES). */
    public java.util.Set<String> trustedProxies() {
        return trustedProxies;
    }

    /**
     * The secret protecting the deployment CA's key store, the upload gateway key and (through HKDF) the stored
     * TOTP secrets; when unset, one is made and kept in {@code DATA_DIR/ca} (docs/operations.md "CA_SECRET").
     */
    public Optional<String> caSecret() {
        return caSecret;
    }

    /** Free space the blob store keeps: an upload that would leave less is refused with 507 ({@code documents.min-free-bytes}, default 1 GiB). */
    public long documentMinFreeBytes() {
        return documentMinFreeBytes;
    }

    /** How uploads are written to the disk ({@code documents.staging}: {@code page-cache}, the default, or {@code direct}). */
    public org.lscb.exchange.store.BlobStore.Staging documentStaging() {
        return documentStaging;
    }

    /**
     * The folder of the blob store when it is not S3 ({@code blob.store}: empty for {@code DATA_DIR/blobs}, or an
     * absolute path); S3 uploads are staged in its {@code .incoming} folder.
     */
    public Path blobDirectory() {
        return blobDirectory;
    }

    /**
     * Where the public library keeps published files when the blob store is a folder: {@code DATA_DIR/library} by
     * default, or {@link #PUBLISHED_FILES} in {@code BLOB_STORE}'s folder, so that every server sharing the blobs reads
     * them too. On S3 they are objects under the same name beside the blobs ({@code S3ReportFiles}).
     */
    public Path libraryDirectory() {
        return libraryDirectory;
    }

    /**
     * The name, in the blob store's folder or bucket prefix, under which published files are kept. It begins with a
     * dot because the blob sweep passes over such names: published files are named by their SHA-256 too, and no
     * document names them.
     */
    public static final String PUBLISHED_FILES = ".library";

    /** The S3-compatible bucket of the blob store ({@code blob.store=s3://bucket/prefix}); absent: a folder. */
    public Optional<org.lscb.exchange.store.S3BlobStore.Settings> blobS3() {
        return blobS3;
    }

    /**
     * docs/security.md B6: an upload must bring at least this many bytes in every {@link #uploadRateWindow()}, or it
     * is refused with 408 ({@code documents.min-rate.bytes}, default 64 KiB; 0 turns it off).
     */
    public long uploadMinBytes() {
        return uploadMinBytes;
    }

    /** The window of {@link #uploadMinBytes()} ({@code documents.min-rate.window}, default PT30S). */
    public Duration uploadRateWindow() {
        return uploadRateWindow;
    }

    /** The largest envelope an upload may send ({@code documents.max-bytes}, default 2 GiB). */
    public long documentMaxBytes() {
        return documentMaxBytes;
    }

    /** Where callers reach the server from outside ({@code public.base-url}); absent: links are path-absolute. */
    public Optional<PublicBaseUrl> publicBaseUrl() {
        return publicBaseUrl;
    }

    /** The secret a metrics scraper may present instead of an administrator's token ({@code metrics.token}); absent: administrators only. */
    public Optional<ScrapeToken> metricsToken() {
        return metricsToken;
    }

    /** True when tokens come from an external OpenID Connect provider rather than from this server. */
    public boolean externalIssuer() {
        return externalIssuer;
    }
}
