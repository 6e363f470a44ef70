package dev.slo.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.Audience;
import dev.slo.ManualClock;
import dev.slo.Owner;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Window;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The registry over HTTP on 127.0.0.1: the routes, the methods, and nothing revealed on error. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class SloHttpTest {
    private final ManualClock clock = ManualClock.at(Instant.parse("2026-05-01T00:00:00Z"));
    private final SloRegistry slos = SloRegistry.create(clock);

    SloHttpTest() {
        Slo checkout = slos.define("checkout").customerFacing("Checkout completes").ownedBy(Owner.product("shop"), Owner.engineering("pay"))
                .sli(Sli.ratio()).target(0.999).window(Window.rolling(Duration.ofDays(30))).register();
        Slo payments = slos.define("payments.api").internal("Payments answer").ownedBy(Owner.team("pay")).sli(Sli.ratio()).target(0.999)
                .window(Window.rolling(Duration.ofDays(30))).register();
        slos.cascade(checkout).dependsOn(payments).build();
        checkout.recordCounts(990, 10);
        payments.recordCounts(995, 5);
    }

    /** A response as a client sees it. */
    private record Got(int status, String contentType, String allow, String body) {}

    /** A response as a client sees it, with the one header only HTML responses carry. */
    private record Page(Got got, String policy) {}

    private static Got request(SloHttp.Server server, String method, String path) throws IOException {
        return requestPage(server, method, path).got();
    }

    private static Page requestPage(SloHttp.Server server, String method, String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + server.port() + path).openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(10_000);
        int status = connection.getResponseCode();
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        Got got = new Got(status, connection.getContentType(), connection.getHeaderField("Allow"), body);
        Page page = new Page(got, connection.getHeaderField("Content-Security-Policy"));
        connection.disconnect();
        return page;
    }

    @Test
    void theRoutesAnswerWithTheirBodiesOnLoopbackOnly() throws IOException {
        try (SloHttp.Server server = SloHttp.serve(slos, 0)) {
            assertTrue(server.port() > 0);
            assertEquals("http://127.0.0.1:" + server.port() + "/", server.uri().toString());
            Got metrics = request(server, "GET", "/metrics");
            assertEquals(new Got(200, Prometheus.CONTENT_TYPE, null, Prometheus.exposition(slos)), metrics);

            Got all = request(server, "GET", "/slo");
            assertEquals(200, all.status());
            assertEquals("application/json; charset=utf-8", all.contentType());
            assertEquals(slos.report(Audience.INTERNAL).json(), all.body());

            Got one = request(server, "GET", "/slo/checkout");
            assertEquals(200, one.status());
            assertTrue(one.body().startsWith("{\"asOf\":\"2026-05-01T00:00:00Z\",\"slo\":{") && one.body().contains("\"cascade\":{\"root\":\"checkout\""),
                    one.body());
            assertTrue(one.body().contains("\"blame\":[{\"slo\":\"payments.api\""), one.body());
            Got leaf = request(server, "GET", "/slo/payments.api");
            assertTrue(leaf.body().endsWith("\"cascade\":null}"), leaf.body());

            Got head = request(server, "HEAD", "/metrics");
            assertEquals(new Got(200, Prometheus.CONTENT_TYPE, null, ""), head);
        }
    }

    @Test
    void otherMethodsUnknownPathsAndNamesRevealNothing() throws IOException {
        try (SloHttp.Server server = SloHttp.serve(slos, 0)) {
            for (String method : new String[] {"POST", "PUT", "DELETE"}) {
                Got refused = request(server, method, "/metrics");
                assertEquals(new Got(405, "application/json; charset=utf-8", "GET, HEAD", "{\"error\":\"method not allowed\"}"), refused, method);
            }
            for (String path : new String[] {"/", "/status/x", "/status/internal/x", "/statusx", "/metrics/x", "/slo/nope", "/slo/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                    "/slo/..%2F..%2Fetc%2Fpasswd"}) {
                Got missing = request(server, "GET", path);
                assertEquals(new Got(404, "application/json; charset=utf-8", null, "{\"error\":\"not found\"}"), missing, path);
            }
        }
    }

    @Test
    void theStatusPagesAreServedAsHtmlTheCustomerOneAtStatus() throws IOException {
        try (SloHttp.Server server = SloHttp.serve(slos, 0)) {
            String policy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
            for (String path : new String[] {"/status", "/status/"}) {
                Page customer = requestPage(server, "GET", path);
                assertEquals(new Page(new Got(200, "text/html; charset=utf-8", null, StatusPage.html(slos, Audience.CUSTOMER)), policy),
                        customer, path);
                assertFalse(customer.got().body().contains("payments.api"), "an internal SLO on the customer page");
            }
            Page internal = requestPage(server, "GET", "/status/internal");
            assertEquals(new Page(new Got(200, StatusPage.CONTENT_TYPE, null, StatusPage.html(slos, Audience.INTERNAL)), policy), internal);
            assertTrue(internal.got().body().contains("payments.api"));

            assertEquals(new Page(new Got(200, StatusPage.CONTENT_TYPE, null, ""), policy), requestPage(server, "HEAD", "/status"));
            assertEquals(new Got(200, StatusPage.CONTENT_TYPE, null, ""), request(server, "HEAD", "/status/internal"));
            for (String method : new String[] {"POST", "PUT", "DELETE"}) {
                for (String path : new String[] {"/status", "/status/internal"}) {
                    assertEquals(new Page(new Got(405, "application/json; charset=utf-8", "GET, HEAD", "{\"error\":\"method not allowed\"}"),
                            null), requestPage(server, method, path), method + " " + path);
                }
            }
        }
        assertEquals(new SloHttp.Response(200, StatusPage.CONTENT_TYPE, StatusPage.html(slos, Audience.CUSTOMER)),
                SloHttp.respond(slos, "GET", "/status"));
        assertEquals(new SloHttp.Response(200, StatusPage.CONTENT_TYPE, ""), SloHttp.respond(slos, "HEAD", "/status/internal"));
        assertEquals(405, SloHttp.respond(slos, "POST", "/status").status());
    }

    @Test
    void theServerStopsWhenClosed() throws IOException {
        SloHttp.Server server = SloHttp.serve(slos, 0);
        int port = server.port();
        server.close();
        assertThrows(IOException.class, () -> new java.net.Socket("127.0.0.1", port).close());
    }

    @Test
    void otherServersGetTheSameResponsesFromThePlainMethod() {
        assertEquals(new SloHttp.Response(200, Prometheus.CONTENT_TYPE, Prometheus.exposition(slos)), SloHttp.respond(slos, "GET", "/metrics"));
        assertEquals(new SloHttp.Response(200, Prometheus.CONTENT_TYPE, ""), SloHttp.respond(slos, "HEAD", "/metrics"));
        assertEquals(405, SloHttp.respond(slos, "PATCH", "/slo").status());
        assertFalse(SloHttp.respond(slos, "GET", "/slo/nope").body().contains("nope"));
        assertThrows(NullPointerException.class, () -> SloHttp.respond(null, "GET", "/"));
        assertThrows(IllegalArgumentException.class, () -> SloHttp.serve(slos, 70_000));
    }
}
