package org.lscb.server.web.session;

import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** A container session in memory: attributes, the idle timeout set on it, and whether it was ended. */
final class FakeSession {

    final String id = java.util.UUID.randomUUID().toString();
    final Map<String, Object> attributes = new HashMap<>();
    boolean invalidated;
    int maxInactiveInterval;
    final HttpSession proxy = (HttpSession) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {HttpSession.class}, (p, m, args) -> {
                if (invalidated && !m.getName().equals("invalidate")) {
                    throw new IllegalStateException("session invalidated");
                }
                return switch (m.getName()) {
                    case "getId" -> id;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> {
                        attributes.put((String) args[0], args[1]);
                        yield null;
                    }
                    case "invalidate" -> {
                        invalidated = true;
                        yield null;
                    }
                    case "setMaxInactiveInterval" -> {
                        maxInactiveInterval = (Integer) args[0];
                        yield null;
                    }
                    case "getMaxInactiveInterval" -> maxInactiveInterval;
                    default -> throw new UnsupportedOperationException(m.getName());
                };
            });

    int getMaxInactiveInterval() {
        return maxInactiveInterval;
    }
}
