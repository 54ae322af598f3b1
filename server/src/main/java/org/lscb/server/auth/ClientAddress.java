package org.lscb.server.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The address a request came from, for throttling sign-in per client. The connection's own address,
 * unless it is one of the configured TLS proxies: then the nearest address in {@code X-Forwarded-For}
 * that is not a trusted proxy (entries further left were written by whoever sent the request and
 * prove nothing).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(String remoteAddress, List<String> forwardedFor, Set<String> trustedProxies) {
        String remote = normal(remoteAddress);
        if (remote == null) {
            return "unknown";
        }
        if (!trustedProxies.contains(remote) || forwardedFor == null) {
            return remote;
        }
        List<String> hops = forwardedFor.stream().flatMap(h -> java.util.Arrays.stream(h.split(","))).map(String::strip)
                .filter(h -> !h.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = normal(hops.get(i));
            if (hop == null) {
                return remote; // a hop that is not an address: trust nothing further left
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remote;
    }

    /** AUTH_TRUSTED_PROXIES: comma-separated IP addresses (not host names, which could change under us). */
    public static Set<String> parseProxies(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String a = normal(part.strip());
            if (a == null) {
                throw new IllegalStateException("auth.trusted-proxies (AUTH_TRUSTED_PROXIES) must list IP addresses, not " + part.strip());
            }
            out.add(a);
        }
        return Set.copyOf(out);
    }

    /** The canonical text of an IP address literal, or null when the text is not one (never a DNS lookup). */
    static String normal(String text) {
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
