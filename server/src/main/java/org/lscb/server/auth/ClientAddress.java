package org.lscb.server.auth;

import java.util.List;
import java.util.Set;
import org.lscb.server.config.IpAddresses;

/**
 * The address a request came from, for throttling sign-in per client. The connection's own address,
 * unless it is one of the configured TLS proxies: then the nearest address in {@code X-Forwarded-For}
 * that is not a trusted proxy (entries further left were written by whoever sent the request and
 * prove nothing).
 */
public final class ClientAddress {

    private ClientAddress() {}

    /** The client of a servlet request, read from its connection and its {@code X-Forwarded-For} headers. */
    public static String of(jakarta.servlet.http.HttpServletRequest request, Set<String> trustedProxies) {
        return of(
                request.getRemoteAddr(),
                java.util.Collections.list(request.getHeaders("X-Forwarded-For")),
                trustedProxies);
    }

    public static String of(String remoteAddress, List<String> forwardedFor, Set<String> trustedProxies) {
        String remote = IpAddresses.canonical(remoteAddress);
        if (remote == null) {
            return "unknown";
        }
        if (!trustedProxies.contains(remote) || forwardedFor == null) {
            return remote;
        }
        List<String> hops = forwardedFor.stream()
                .flatMap(h -> java.util.Arrays.stream(h.split(",")))
                .map(String::strip)
                .filter(h -> !h.isEmpty())
                .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = IpAddresses.canonical(hops.get(i));
            if (hop == null) {
                return remote; // a hop that is not an address: trust nothing further left
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remote;
    }
}
