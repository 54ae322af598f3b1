package org.lscb.server.web.assets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Serves {@link Assets} at {@code /assets/<version>/<name>} (mapped in web.xml), compressed when the
 * browser accepts gzip, cached for a year because the version in the path changes with the content.
 * Anything else under {@code /assets/} is the container's 404 page.
 */
public class AssetServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<Asset> asset = find(req.getPathInfo());
        if (asset.isEmpty()) {
            resp.sendError(404);
            return;
        }
        Asset a = asset.get();
        boolean gzip = acceptsGzip(req.getHeader("Accept-Encoding"));
        byte[] body = gzip ? a.gzipped() : a.plain();
        resp.setContentType(a.contentType());
        resp.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        resp.setHeader("Vary", "Accept-Encoding");
        if (gzip) {
            resp.setHeader("Content-Encoding", "gzip");
        }
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    static Optional<Asset> find(String pathInfo) {
        if (pathInfo == null) {
            return Optional.empty();
        }
        String[] parts = pathInfo.split("/", -1);
        // "/<version>/<name>" splits into "", version, name
        if (parts.length != 3) {
            return Optional.empty();
        }
        return Assets.bundled().find(parts[1], parts[2]);
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] p = coding.trim().split(";");
            if (p[0].trim().equalsIgnoreCase("gzip")) {
                return p.length < 2 || !p[1].replace(" ", "").equals("q=0");
            }
        }
        return false;
    }
}
