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
}
