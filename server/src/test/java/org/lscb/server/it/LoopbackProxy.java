package org.lscb.server.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on 127.0.0.1 between a server and its database, which a test can cut ({@link #stop()}: the listener closes
 * and every relayed connection is severed, as when the database's host goes away) and restore ({@link #start()}, on the
 * same port). Plain sockets, one daemon thread per direction of each connection.
 */
public final class LoopbackProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private int port;
    private ServerSocket listener;

    private LoopbackProxy(InetSocketAddress target) {
        this.target = target;
    }

    /** A relay to {@code host:port}, listening on a free loopback port. */
    public static LoopbackProxy to(String host, int port) throws IOException {
        LoopbackProxy proxy = new LoopbackProxy(new InetSocketAddress(host, port));
        proxy.start();
        return proxy;
    }

    public int port() {
        return port;
    }

    /** Listens again (on the same port after a {@link #stop()}) and relays every new connection. */
    public synchronized void start() throws IOException {
        if (listener != null) {
            return;
        }
        ServerSocket l = new ServerSocket();
        l.setReuseAddress(true);
        l.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = l.getLocalPort();
        listener = l;
        Thread accepting = new Thread(() -> accept(l), "proxy-accept-" + port);
        accepting.setDaemon(true);
        accepting.start();
    }

    /** Refuses new connections and severs every relayed one. */
    public synchronized void stop() {
        if (listener == null) {
            return;
        }
        closeQuietly(listener);
        listener = null;
        open.forEach(LoopbackProxy::closeQuietly);
        open.clear();
    }

    @Override
    public void close() {
        stop();
    }

    private void accept(ServerSocket l) {
        while (!l.isClosed()) {
            Socket client;
            try {
                client = l.accept();
            } catch (IOException e) {
                return;
            }
            Socket database = new Socket();
            try {
                database.connect(target, 5_000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(database);
                continue;
            }
            synchronized (this) {
                if (listener != l) {
                    // stopped while this connection was being made: it is severed like the others
                    closeQuietly(client);
                    closeQuietly(database);
                    return;
                }
                open.add(client);
                open.add(database);
            }
            pump(client, database);
            pump(database, client);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int n; (n = in.read(buffer)) >= 0; ) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // severed: the other direction ends as well
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        open.remove(from);
                        open.remove(to);
                    }
                },
                "proxy-pump-" + port);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing is all that is wanted
        }
    }
}
