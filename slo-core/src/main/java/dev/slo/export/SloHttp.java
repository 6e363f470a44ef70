package dev.slo.export;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.slo.Audience;
import dev.slo.SloRegistry;
import dev.slo.report.Reports;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry over HTTP: a handler for the JDK's {@code com.sun.net.httpserver} (module
 * {@code jdk.httpserver}, no dependency), to mount on a server of the caller's or to start on 127.0.0.1
 * with one call; and the same responses from a plain method ({@link #respond}) for other servers.
 *
 * <pre>{@code
 * try (SloHttp.Server server = SloHttp.serve(slos, 9464)) {   // http://127.0.0.1:9464/metrics
 *     ...
 * }
 * httpServer.createContext("/", SloHttp.handler(slos));      // or on a server of your own
 * }</pre>
 *
 * <p>Routes, GET and HEAD only (any other method: 405 with {@code Allow: GET, HEAD}):
 * <ul>
 * <li>{@code /metrics}: {@link Prometheus#exposition}, as {@link Prometheus#CONTENT_TYPE};
 * <li>{@code /slo}: the internal report's JSON ({@link SloRegistry#report}): every SLO's budget, burn rates
 *     per alert look-back, alerts firing, and every cascade's prediction and blame;
 * <li>{@code /slo/{name}}: one SLO's part of it, with the cascade it is the root of; 404 for an unknown name;
 * <li>{@code /status}: the customer status page ({@link StatusPage#html} for {@link Audience#CUSTOMER}, as
 *     {@link StatusPage#CONTENT_TYPE}): customer SLOs only, nothing internal, the page to put behind a public proxy;
 * <li>{@code /status/internal}: the internal status page (every SLO, owners, cascades and blame), for engineers.
 * </ul>
 * Any other path is 404. Error bodies say only what went wrong ({@code {"error":"not found"}}): never a
 * name back, a stack trace or anything else of the registry. Responses are not cached
 * ({@code Cache-Control: no-store}). HTML responses also carry the status page's
 * {@code Content-Security-Policy} (nothing loads, nothing runs), as the page's own {@code <meta>} does.
 *
 * <p>The server answers whoever reaches it: {@code /slo} and {@code /status/internal} show internal SLOs,
 * owners and blame. To publish a status page, expose {@code /status} alone (a proxy, or
 * {@link #respond} from a public server of your own), never the whole handler.
 */
public final class SloHttp implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(SloHttp.class.getName());
    private static final String JSON = "application/json; charset=utf-8";

    /**
     * A response: what {@link #handler} sends, for servers of other kinds to send the same.
     *
     * @param status      the HTTP status
     * @param contentType the value of the Content-Type header
     * @param body        the body (empty for HEAD)
     */
    public record Response(int status, String contentType, String body) {
        /**
         * Checks the response.
         *
         * @param status      the HTTP status, 100 to 599
         * @param contentType the Content-Type, not null
         * @param body        the body, not null
         * @throws NullPointerException if contentType or body is null
         * @throws IllegalArgumentException if status is out of range
         */
        public Response {
            Objects.requireNonNull(contentType, "contentType must not be null");
            Objects.requireNonNull(body, "body must not be null");
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status must be in [100, 599], got " + status);
            }
        }
    }

    /** A server started by {@link #serve}: closing it stops it. */
    public static final class Server implements AutoCloseable {
        private final HttpServer server;

        private Server(HttpServer server) {
            this.server = server;
        }

        /** {@return the port it listens on, on 127.0.0.1} */
        public int port() {
            return server.getAddress().getPort();
        }

        /** {@return its base URI, e.g. {@code http://127.0.0.1:9464/}} */
        public URI uri() {
            return URI.create("http://127.0.0.1:" + port() + "/");
        }

        /** Stops the server, letting exchanges in progress finish for up to one second. */
        @Override
        public void close() {
            server.stop(1);
        }
    }

    private final SloRegistry slos;

    private SloHttp(SloRegistry slos) {
        this.slos = slos;
    }

    /**
     * The handler of {@code slos}'s routes, to mount at {@code /} of a {@code com.sun.net.httpserver.HttpServer}.
     *
     * @param slos the registry
     * @return the handler
     * @throws NullPointerException if {@code slos} is null
     */
    public static SloHttp handler(SloRegistry slos) {
        Objects.requireNonNull(slos, "slos must not be null");
        return new SloHttp(slos);
    }

    /**
     * Starts a server for {@code slos} on 127.0.0.1 (never another interface), with the JDK's own
     * dispatcher thread.
     *
     * @param slos the registry
     * @param port the port, or 0 for a free one ({@link Server#port()} tells which)
     * @return the running server; close it to stop it
     * @throws NullPointerException if {@code slos} is null
     * @throws IllegalArgumentException if {@code port} is not in [0, 65535]
     * @throws IOException if the port cannot be bound
     */
    public static Server serve(SloRegistry slos, int port) throws IOException {
        Objects.requireNonNull(slos, "slos must not be null");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", handler(slos));
        server.start();
        return new Server(server);
    }

    /**
     * The response to {@code method} on {@code path}, as {@link #handler} sends it (see the class notes).
     *
     * @param slos   the registry
     * @param method the HTTP method, e.g. {@code GET}
     * @param path   the request's path, without query, e.g. {@code /slo/checkout} (percent-decoded)
     * @return the response; its body is empty for HEAD
     * @throws NullPointerException if an argument is null
     */
    public static Response respond(SloRegistry slos, String method, String path) {
        Objects.requireNonNull(slos, "slos must not be null");
        Objects.requireNonNull(method, "method must not be null");
        Objects.requireNonNull(path, "path must not be null");
        boolean head = method.equals("HEAD");
        if (!head && !method.equals("GET")) {
            return new Response(405, JSON, "{\"error\":\"method not allowed\"}");
        }
        Response full = route(slos, path);
        return head ? new Response(full.status(), full.contentType(), "") : full;
    }

    private static Response route(SloRegistry slos, String path) {
        if (path.equals("/metrics")) {
            return new Response(200, Prometheus.CONTENT_TYPE, Prometheus.exposition(slos));
        }
        if (path.equals("/slo") || path.equals("/slo/")) {
            return new Response(200, JSON, slos.report(Audience.INTERNAL).json());
        }
        if (path.equals("/status") || path.equals("/status/")) {
            return new Response(200, StatusPage.CONTENT_TYPE, StatusPage.html(slos, Audience.CUSTOMER));
        }
        if (path.equals("/status/internal") || path.equals("/status/internal/")) {
            return new Response(200, StatusPage.CONTENT_TYPE, StatusPage.html(slos, Audience.INTERNAL));
        }
        if (path.startsWith("/slo/")) {
            Optional<String> one = Reports.sloJson(slos, path.substring("/slo/".length()));
            if (one.isPresent()) {
                return new Response(200, JSON, one.get());
            }
        }
        return new Response(404, JSON, "{\"error\":\"not found\"}");
    }

    /**
     * Answers one exchange (see the class notes). A failure while answering is logged (System.Logger,
     * ERROR) and answered 500 with no detail.
     *
     * @param exchange the exchange
     * @throws IOException if the response cannot be sent
     */
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response;
            try {
                response = respond(slos, exchange.getRequestMethod(), exchange.getRequestURI().getPath());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "answering " + exchange.getRequestMethod() + " failed", e);
                response = new Response(500, JSON, "{\"error\":\"internal error\"}");
            }
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if (response.contentType().equals(StatusPage.CONTENT_TYPE)) {
                exchange.getResponseHeaders().set("Content-Security-Policy", StatusHtml.POLICY);
            }
            if (response.status() == 405) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            }
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(response.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
