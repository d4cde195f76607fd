package io.taskflow.adapters.localkafka.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP server speaks TLS when given a key store (the {@code micronaut.server.ssl.*} settings, see
 * docs/security.md), answers with HSTS, and a client that does not trust its certificate cannot talk to it. The
 * certificate is made here, with the JDK's keytool.
 */
class HttpsServerIT {
    private static final String PASSWORD = "changeit-tls-test";

    @TempDir
    Path dir;

    @Test
    void givenAKeyStoreWhenTheServerStartsThenItServesHttpsWithHstsToClientsThatTrustIt() throws Exception {
        Path keyStore = selfSigned(dir.resolve("server.p12"));
        try (EmbeddedServer server = Probes.start(Map.of(
                "micronaut.server.ssl.enabled",
                true,
                "micronaut.server.ssl.port",
                -1,
                "micronaut.server.ssl.build-self-signed",
                false,
                "micronaut.server.ssl.key-store.path",
                "file:" + keyStore,
                "micronaut.server.ssl.key-store.password",
                PASSWORD,
                "micronaut.server.ssl.key-store.type",
                "PKCS12"))) {
            URI uri = URI.create("https://localhost:" + server.getPort() + "/health/liveness");

            HttpResponse<String> response =
                    trusting(keyStore).send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(server.getScheme()).isEqualTo("https");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Strict-Transport-Security"))
                    .hasValueSatisfying(v -> assertThat(v).contains("max-age="));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

            HttpClient untrusting = HttpClient.newHttpClient();
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                            untrusting.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    private static HttpClient trusting(Path keyStore) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            trust.load(in, PASSWORD.toCharArray());
        }
        var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }

    /** A key pair and self-signed certificate for localhost, made by the keytool of the JDK running the test. */
    private static Path selfSigned(Path file) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        "taskflow",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        file.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD,
                        "-noprompt")
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return file;
    }
}
