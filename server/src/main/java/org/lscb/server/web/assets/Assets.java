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
 * {@code app.js} and {@code app.css}. The version is a digest of every file together, so a page always
 * names files that match it and a browser may keep them for a year (cache-busting without a build step).
 */
public final class Assets {

    /** Where the WebJar on the class path keeps GOV.UK Frontend's compiled files; its version is read from the jar. */
    private static final String GOVUK = "META-INF/resources/webjars/govuk-frontend/" + webJarVersion() + "/dist/govuk/";

    private static final Assets BUNDLED = load();

    private final String version;
    private final Map<String, Asset> byName;

    private Assets(String version, Map<String, Asset> byName) {
        this.version = version;
        this.byName = byName;
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
        files.put("app.css", Asset.of("app.css", "text/css; charset=utf-8", read("web/assets/app.css")));
        return new Assets(digest(files), Map.copyOf(files));
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
