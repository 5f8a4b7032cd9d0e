package org.smg.gateway.quarantine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.apache.mailet.MailetContext;
import org.smg.gateway.attachments.Refusal;
import org.smg.gateway.attachments.ScannerUnavailableException;
import org.smg.gateway.audit.AuditTrail;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;

import spark.Service;

/**
 * The quarantine routes served over HTTP in the test's JVM, wired by {@link QuarantineModule} on a
 * test database, with a re-check the test steers. WebAdmin's token check is the gateway's
 * (tested elsewhere); here every request is the administrator {@code admin:test}. Public for the
 * command line's tests.
 */
public final class QuarantineWebAdmin implements AutoCloseable {
    public static final String ACTOR = "admin:test";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** What the next re-checks answer: refusals, or the scanner being down. */
    public final List<Refusal> recheckRefusals = new ArrayList<>();
    public volatile boolean scannerDown;
    public final List<String> rechecked = new ArrayList<>();
    private final Service service;

    private QuarantineWebAdmin(QuarantineWorld world) {
        QuarantineRecheck recheck = mail -> {
            rechecked.add(mail.getName());
            if (scannerDown) {
                throw new ScannerUnavailableException("clamd did not answer within 10 s");
            }
            // The inspector reads the message: make the test do the same, streamed from the database.
            try {
                GeneratedMessage.digest(mail.getMessage());
            } catch (Exception e) {
                throw new java.io.IOException("reading the quarantined message failed", e);
            }
            return List.copyOf(recheckRefusals);
        };
        Set<Routes> routes = Guice.createInjector(new QuarantineModule(), binder -> {
            binder.bind(DataSource.class).toInstance(world.dataSource());
            binder.bind(AuditTrail.class).toInstance(world.audit);
            binder.bind(MailetContext.class).toInstance(world.pipeline());
            binder.bind(QuarantineRecheck.class).toInstance(recheck);
        }).getInstance(Key.get(new TypeLiteral<Set<Routes>>() { }));
        service = Service.ignite().port(0);
        service.before((request, response) -> request.attribute(AuthenticationFilter.LOGIN, ACTOR));
        routes.forEach(route -> route.define(service));
        service.init();
        service.awaitInitialization();
    }

    public static QuarantineWebAdmin start(QuarantineWorld world) {
        return new QuarantineWebAdmin(world);
    }

    public int port() {
        return service.port();
    }

    public HttpResponse<String> call(String method, String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        service.stop();
        service.awaitStop();
    }
}
