package org.lscb.server.web.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pages' static files, all served by this bundle from {@code /assets/<version>/<name>}: GOV.UK
 * Frontend's stylesheet (see {@link GovukStylesheet}) and script from its WebJar, and this service's own
 * {@code app.js} and {@code app.css}, and the ES modules that seal and open documents in the browser
 * ({@link #MODULES}). The version is a digest of every file together, so a page always names files that
 * match it and a browser may keep them for a year (cache-busting without a build step).
 *
 * <p>Every script is bound to its content by Subresource Integrity: a page's script elements carry their
 * {@code integrity}, and the modules a script imports are bound by the page's import map ({@link
 * #importMap()}), whose own digest the Content-Security-Policy names, so a file altered on its way to the
 * browser, or in the bundle after the page was made, does not run (docs/security.md "Browser encryption").
 */
public final class Assets {

    /** Where the WebJar on the class path keeps GOV.UK Frontend's compiled files; its version is read from the jar. */
    private static final String GOVUK = "META-INF/resources/webjars/govuk-frontend/" + webJarVersion() + "/dist/govuk/";

    /**
     * The browser's encryption modules, served flat beside each other so that they import one another by
     * relative path ({@code ./der.js}): ASN.1, certificates, CMS envelopes, key files, certification requests,
     * passphrase-wrapped backups, the browser's key store, and the scripts of the pages that use them.
     */
    static final java.util.List<String> MODULES = java.util.List.of(
            "der.js",
            "x509.js",
            "cms.js",
            "pkcs12.js",
            "pkcs10.js",
            "passphrase.js",
            "keystore.js",
            "service.js",
            "envelope-page.js",
            "keys-page.js",
            "send-page.js",
            "open-page.js",
            "grant-page.js",
            "scripts-page.js");

    private static final Assets BUNDLED = load();

    private final String version;
    private final Map<String, Asset> byName;
    private final String importMap;

    private Assets(String version, Map<String, Asset> byName) {
        this.version = version;
        this.byName = byName;
        this.importMap = importMapOf();
    }

    public static Assets bundled() {
        return BUNDLED;
    }

    /** The path a page links to for one of the files, such as {@code app.css}. */
    public String path(String name) {
        if (!byName.containsKey(name)) {
            throw new IllegalArgumentException("no asset " + name);
        }
        return "/assets/" + version + "/" + name;
    }

    public String version() {
        return version;
    }

    /** The Subresource Integrity value of a file, for the element that names it. */
    public String integrity(String name) {
        Asset a = byName.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no asset " + name);
        }
        return a.integrity();
    }

    /**
     * The import map every page carries: the integrity of each script by its path, so that a module imported by
     * another is checked as a script element's {@code integrity} checks the first (HTML's import maps,
     * "integrity"). Its text is fixed for a bundle, so the page policy can name its digest.
     */
    public String importMap() {
        return importMap;
    }

    private String importMapOf() {
        StringBuilder json = new StringBuilder("{\"integrity\":{");
        String separator = "";
        for (Asset a : byName.values()) {
            if (a.contentType().startsWith("text/javascript")) {
                json.append(separator)
                        .append('"')
                        .append(path(a.name()))
                        .append("\":\"")
                        .append(a.integrity())
                        .append('"');
                separator = ",";
            }
        }
        return json.append("}}").toString();
    }

    /** The CSP source expression for the import map's inline script: {@code 'sha256-<base64>'}. */
    public String importMapSource() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(importMap().getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + java.util.Base64.getEncoder().encodeToString(d) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One served file as the digests page lists it. */
    public record Listed(String name, String path, String integrity, int bytes) {}

    /** Every file with its path and integrity value, in the order served. */
    public java.util.List<Listed> listed() {
        return byName.values().stream()
                .map(a -> new Listed(a.name(), path(a.name()), a.integrity(), a.plain().length))
                .toList();
    }

    Optional<Asset> find(String version, String name) {
        return this.version.equals(version) ? Optional.ofNullable(byName.get(name)) : Optional.empty();
    }

    private static Assets load() {
        Map<String, Asset> files = new LinkedHashMap<>();
        String css = new String(read(GOVUK + "govuk-frontend.min.css"), StandardCharsets.UTF_8);
        files.put(
                "govuk-frontend.min.css",
                Asset.of(
                        "govuk-frontend.min.css",
                        "text/css; charset=utf-8",
                        GovukStylesheet.offGovUk(css).getBytes(StandardCharsets.UTF_8)));
        files.put(
                "govuk-frontend.min.js",
                Asset.of(
                        "govuk-frontend.min.js",
                        "text/javascript; charset=utf-8",
                        stripSourceMap(read(GOVUK + "govuk-frontend.min.js"))));
        files.put("app.js", Asset.of("app.js", "text/javascript; charset=utf-8", read("web/assets/app.js")));
        for (String module : MODULES) {
            files.put(module, Asset.of(module, "text/javascript; charset=utf-8", read("web/assets/" + module)));
        }
        files.put("app.css", Asset.of("app.css", "text/css; charset=utf-8", read("web/assets/app.css")));
        return new Assets(digest(files), java.util.Collections.unmodifiableMap(files));
    }

    /** The source map is not served, so the comment naming it would only make the browser ask for a 404. */
    private static byte[] stripSourceMap(byte[] js) {
        String s = new String(js, StandardCharsets.UTF_8);
        return s.replaceAll("//# sourceMappingURL=\\S+\\s*$", "").getBytes(StandardCharsets.UTF_8);
    }

    private static String digest(Map<String, Asset> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.values().forEach(a -> {
                sha.update(a.name().getBytes(StandardCharsets.UTF_8));
                sha.update(a.plain());
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String webJarVersion() {
        java.util.Properties p = new java.util.Properties();
        try (InputStream in = new java.io.ByteArrayInputStream(
                read("META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties"))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static byte[] read(String resource) {
        ClassLoader loader = Assets.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
