package org.lscb.server.web.session;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;

/** A browser's requests as BrowserSessions sees them: only the session, kept between calls as a cookie
 * would, and each request's attributes. */
final class FakeRequest {

    FakeSession session;
    jakarta.servlet.http.Cookie[] cookies;
    final java.util.List<String> setCookies = new java.util.ArrayList<>();

    /** The answer to the request: only the Set-Cookie headers it is given are kept. */
    jakarta.servlet.http.HttpServletResponse response() {
        return (jakarta.servlet.http.HttpServletResponse) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {jakarta.servlet.http.HttpServletResponse.class},
                (p, m, args) -> {
                    if (m.getName().equals("addHeader") && "Set-Cookie".equals(args[0])) {
                        setCookies.add((String) args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    /** A new request of the browser's, with attributes of its own. */
    HttpServletRequest request() {
        java.util.Map<String, Object> attributes = new java.util.HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> {
                    if (m.getName().equals("getSession")) {
                        boolean create = args == null || (Boolean) args[0];
                        if (session != null && session.invalidated) {
                            session = null;
                        }
                        if (session == null && create) {
                            session = new FakeSession();
                        }
                        return session == null ? null : session.proxy;
                    }
                    if (m.getName().equals("getCookies")) {
                        return cookies;
                    }
                    if (m.getName().equals("getAttribute")) {
                        return attributes.get((String) args[0]);
                    }
                    if (m.getName().equals("setAttribute")) {
                        attributes.put((String) args[0], args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}
