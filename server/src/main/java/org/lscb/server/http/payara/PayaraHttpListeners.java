package org.lscb.server.http.payara;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.glassfish.grizzly.Processor;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.http.HttpServerFilter;

/**
 * Puts {@link MalformedRequestFilter} into the filter chain of each of Payara Micro's running HTTP
 * listeners. Payara has no setting for a filter of one's own in an HTTP listener, so the chains are
 * reached through its internal service locator: {@code Globals} → {@code GrizzlyService} → the proxy
 * of each configured {@code NetworkListener} → its Grizzly transport. Those classes are Payara's
 * internals, hence reflection and no compile-time dependency; if a Payara upgrade moves them,
 * {@link #install()} fails with an exception naming the missing piece and {@code MalformedRequestIT} fails.
 *
 * <p>The listener is already open when the application is deployed (it answers {@code /health} with 503
 * meanwhile), and a Grizzly filter chain is a plain list: a request being parsed at the instant of the
 * insertion may miss the new filter. Nothing but readiness polls arrives that early.
 */
public final class PayaraHttpListeners {

    private PayaraHttpListeners() {}

    /** Adds the filter after the HTTP parser of every running listener (replacing one left by an earlier deployment); answers how many. */
    public static int install() throws ReflectiveOperationException {
        List<FilterChain> chains = chains();
        for (FilterChain chain : chains) {
            synchronized (chain) {
                removeFrom(chain);
                int parser = indexOfParser(chain);
                if (parser < 0) {
                    throw new IllegalStateException(
                            "a Payara HTTP listener has no HTTP parser in its filter chain: " + chain);
                }
                chain.add(parser + 1, new MalformedRequestFilter());
            }
        }
        return chains.size();
    }

    /** Takes the filter out again, when the application stops. */
    public static void uninstall() throws ReflectiveOperationException {
        for (FilterChain chain : chains()) {
            synchronized (chain) {
                removeFrom(chain);
            }
        }
    }

    private static void removeFrom(FilterChain chain) {
        // compared by name: a filter left by an earlier deployment of this application has another class loader
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (chain.get(i).getClass().getName().equals(MalformedRequestFilter.class.getName())) {
                chain.remove(i);
            }
        }
    }

    private static int indexOfParser(FilterChain chain) {
        for (int i = 0; i < chain.size(); i++) {
            Filter f = chain.get(i);
            if (f instanceof HttpServerFilter) {
                return i;
            }
        }
        return -1;
    }

    private static List<FilterChain> chains() throws ReflectiveOperationException {
        ClassLoader loader = PayaraHttpListeners.class.getClassLoader();
        Object locator = Class.forName("org.glassfish.internal.api.Globals", true, loader)
                .getMethod("getDefaultHabitat")
                .invoke(null);
        Class<?> locatorType = Class.forName("org.glassfish.hk2.api.ServiceLocator", true, loader);
        Class<?> listenerType = Class.forName("org.glassfish.grizzly.config.dom.NetworkListener", true, loader);
        Class<?> serviceType = Class.forName("com.sun.enterprise.v3.services.impl.GrizzlyService", true, loader);
        Object grizzly = locatorType
                .getMethod("getService", Class.class, Annotation[].class)
                .invoke(locator, serviceType, new Annotation[0]);
        List<?> listeners = (List<?>) locatorType
                .getMethod("getAllServices", Class.class, Annotation[].class)
                .invoke(locator, listenerType, new Annotation[0]);
        // each configuration (server-config, default-config) lists the same listener: keep each chain once
        Set<FilterChain> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<FilterChain> chains = new ArrayList<>();
        for (Object listener : listeners) {
            Object proxy =
                    serviceType.getMethod("lookupNetworkProxy", listenerType).invoke(grizzly, listener);
            if (proxy == null) {
                continue; // configured but not running (the disabled https-listener)
            }
            Object grizzlyListener =
                    proxy.getClass().getMethod("getUnderlyingListener").invoke(proxy);
            Object transport =
                    grizzlyListener.getClass().getMethod("getTransport").invoke(grizzlyListener);
            Processor<?> processor = ((org.glassfish.grizzly.Transport) transport).getProcessor();
            if (processor instanceof FilterChain chain && seen.add(chain)) {
                chains.add(chain);
            }
        }
        return chains;
    }
}
