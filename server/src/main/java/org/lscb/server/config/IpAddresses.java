package org.lscb.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Set;

/** IP address literals as settings and headers carry them, in one canonical text so that equal addresses compare equal. */
public final class IpAddresses {

    private IpAddresses() {}

    /** AUTH_TRUSTED_PROXIES: comma-separated IP addresses (not host names, which could change under us). */
    public static Set<String> parseTrustedProxies(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String a = canonical(part.strip());
            if (a == null) {
                throw new IllegalStateException(
                        "auth.trusted-proxies (AUTH_TRUSTED_PROXIES) must list IP addresses, not " + part.strip());
            }
            out.add(a);
        }
        return Set.copyOf(out);
    }

    /** The canonical text of an IP address literal, or null when the text is not one (never a DNS lookup). */
    public static String canonical(String text) {
        if (text == null || text.isBlank() || text.length() > 64) {
            return null;
        }
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        boolean v4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = t.contains(":") && t.matches("[0-9A-Za-z:.%]+"); // hex, dots of an embedded IPv4, a zone after %
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(t).getHostAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
