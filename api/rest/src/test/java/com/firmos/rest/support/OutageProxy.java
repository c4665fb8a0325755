package com.firmos.rest.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback in front of the test database that can be cut: every open connection is closed and new
 * ones are refused until it is restored, which is what the application sees when PostgreSQL stops. The tests'
 * application reaches its database through the shared one ({@link IntegrationTest}).
 */
public final class OutageProxy implements AutoCloseable {

    private static OutageProxy shared;

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private String jdbcUrl;

    public OutageProxy(String targetHost, int targetPort) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        Thread.ofVirtual().name("outage-proxy").start(this::accept);
    }

    /** The proxy in front of {@link TestDatabase}, started on first use. */
    public static synchronized OutageProxy shared() {
        if (shared == null) {
            URI database = URI.create(TestDatabase.get().url().substring("jdbc:".length()));
            try {
                shared = new OutageProxy(database.getHost(), database.getPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shared.jdbcUrl = "jdbc:postgresql://127.0.0.1:" + shared.port() + database.getRawPath()
                    + (database.getRawQuery() == null ? "" : "?" + database.getRawQuery());
        }
        return shared;
    }

    /** The test database's URL through this proxy. */
    public String url() {
        return jdbcUrl;
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void cut() {
        cut = true;
        open.forEach(OutageProxy::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(server);
                Thread.ofVirtual().start(() -> pump(client, server));
                Thread.ofVirtual().start(() -> pump(server, client));
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException closed) {
            // One side went away; the other is closed below.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        listener.close();
    }
}
