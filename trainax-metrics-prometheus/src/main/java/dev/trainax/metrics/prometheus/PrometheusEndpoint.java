package dev.trainax.metrics.prometheus;

import com.sun.net.httpserver.HttpServer;
import dev.trainax.api.internal.Require;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves a {@link PrometheusMeterRegistry} at {@code /metrics} over HTTP from the training process,
 * on its own thread, so a Prometheus server can scrape while training runs. Binds to loopback
 * unless another address is given. Close it to stop serving.
 */
public final class PrometheusEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final AtomicLong scrapes;

    private PrometheusEndpoint(HttpServer server, AtomicLong scrapes) {
        this.server = server;
        this.scrapes = scrapes;
    }

    /** Serves {@code registry} on {@code 127.0.0.1:port} ({@code port} 0 picks a free one). */
    public static PrometheusEndpoint start(PrometheusMeterRegistry registry, int port) {
        return start(registry, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** Serves {@code registry} on {@code address}. */
    public static PrometheusEndpoint start(PrometheusMeterRegistry registry, InetSocketAddress address) {
        Require.present("registry", registry);
        Require.that(address.getPort() >= 0 && address.getPort() <= 65535, "port",
                "must be in [0, 65535], got " + address.getPort());
        try {
            HttpServer server = HttpServer.create(address, 0);
            AtomicLong scrapes = new AtomicLong();
            server.createContext("/metrics", exchange -> {
                scrapes.incrementAndGet();
                byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "trainax-metrics-endpoint");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return new PrometheusEndpoint(server, scrapes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + address + ": " + e.getMessage(), e);
        }
    }

    /** How many scrapes were served so far. */
    public long scrapes() {
        return scrapes.get();
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The scrape address, e.g. {@code http://127.0.0.1:9464/metrics}. */
    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + "/metrics";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
