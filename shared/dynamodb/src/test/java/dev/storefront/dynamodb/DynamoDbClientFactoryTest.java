package dev.storefront.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

class DynamoDbClientFactoryTest {

    @Test
    void open_shouldSetBothTimeouts() {
        HttpURLConnection connection = DynamoDbClientFactory.open(URI.create("http://127.0.0.1:8000/"), 2000, 5000);

        assertThat(connection.getConnectTimeout()).isEqualTo(2000);
        assertThat(connection.getReadTimeout()).isEqualTo(5000);
        assertThat(connection).isNotInstanceOf(HttpsURLConnection.class);
    }

    /** https endpoints (AWS) get the JDK's default TLS: default trust store and hostname verification. */
    @Test
    void open_shouldUseTheJdkDefaultTls_forHttps() {
        HttpURLConnection connection = DynamoDbClientFactory.open(
                URI.create("https://dynamodb.eu-west-1.amazonaws.com/"), 2000, 5000);

        assertThat(connection).isInstanceOf(HttpsURLConnection.class);
        HttpsURLConnection https = (HttpsURLConnection) connection;
        assertThat(https.getSSLSocketFactory()).isSameAs(HttpsURLConnection.getDefaultSSLSocketFactory());
        assertThat(https.getHostnameVerifier()).isSameAs(HttpsURLConnection.getDefaultHostnameVerifier());
        assertThat(https.getConnectTimeout()).isEqualTo(2000);
    }

    /** Without the read timeout the call would wait forever: JUnit's timeout turns that into a failure. */
    @Test
    @Timeout(30)
    void httpClient_shouldGiveUp_whenTheServerNeverAnswers() throws IOException {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(silent.accept());
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.start();
            SdkHttpClient client = DynamoDbClientFactory.httpClient(Duration.ofMillis(500), Duration.ofMillis(300));
            SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                    .uri(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/")).build();

            assertThatThrownBy(() -> client.prepareRequest(HttpExecuteRequest.builder().request(request).build()).call())
                    .isInstanceOf(SocketTimeoutException.class);
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    /**
     * DynamoDB throttles (moto never does): the factory's client must ride out a throttling answer with the SDK's
     * retries instead of failing the request.
     */
    @Test
    @Timeout(30)
    void dynamoDb_shouldRetryThrottledRequests() throws IOException {
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int attempt = requests.incrementAndGet();
            String type = attempt == 1 ? "ProvisionedThroughputExceededException" : "ThrottlingException";
            byte[] body = attempt <= 2
                    ? ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type + "\",\"message\":\"slow down\"}").getBytes()
                    : "{\"Item\":{\"pk\":{\"S\":\"k\"}}}".getBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(attempt <= 2 ? 400 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (software.amazon.awssdk.services.dynamodb.DynamoDbClient client = DynamoDbClientFactory.dynamoDb(
                java.util.Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL",
                        "http://127.0.0.1:" + server.getAddress().getPort(),
                        "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"),
                DynamoDbClientFactory.httpClient())) {
            var item = client.getItem(b -> b.tableName("Things").key(java.util.Map.of("pk",
                    software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("k")))).item();

            assertThat(item).containsKey("pk");
            assertThat(requests.get()).isEqualTo(3);
        } finally {
            server.stop(0);
        }
    }
}
