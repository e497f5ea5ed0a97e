package dev.storefront.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the AWS clients of a function once, in init, with everything explicit: the one HTTP client
 * (URLConnection: the fastest to start), the region, the credentials provider and, for local runs
 * and LocalStack, the endpoint. Nothing is discovered by probing the environment at first use.
 */
public final class DynamoDbClientFactory {

    private DynamoDbClientFactory() {
    }

    /** Connect timeout of every AWS call. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** Read timeout of every AWS call (each attempt is also bounded by the clients' attempt timeout). */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    /** The HTTP client shared by every AWS client of the function. */
    public static SdkHttpClient httpClient() {
        return httpClient(CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    /**
     * The HTTP client shared by every AWS client of the function, with these timeouts.
     *
     * <p>The connections are the JDK's own: an {@code https} endpoint gets the JDK's default TLS socket factory
     * (the default trust store, {@code javax.net.ssl.*} properties and hostname verification, as the SDK's default
     * would set up) when the first {@code https} connection opens. The SDK's default connection factory instead
     * builds its TLS context when the client is built - reading and parsing the trust store even where every
     * endpoint is {@code http} (moto, LocalStack): ~0.1 s of a cold start (docs/benchmarks.md). In AWS
     * the same work happens at the first call instead of at construction; under SnapStart it is in the snapshot
     * either way.
     */
    public static SdkHttpClient httpClient(Duration connectTimeout, Duration readTimeout) {
        int connectMillis = Math.toIntExact(connectTimeout.toMillis());
        int readMillis = Math.toIntExact(readTimeout.toMillis());
        return UrlConnectionHttpClient.create(uri -> open(uri, connectMillis, readMillis));
    }

    static HttpURLConnection open(URI uri, int connectMillis, int readMillis) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(connectMillis);
            connection.setReadTimeout(readMillis);
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a connection to " + uri.getHost(), e);
        }
    }

    /**
     * A DynamoDB client for the given environment variables.
     *
     * @param variables the function's environment ({@code AWS_REGION}, optional {@code AWS_ENDPOINT_URL},
     *     and credentials as Lambda provides them)
     */
    public static DynamoDbClient dynamoDb(Map<String, String> variables, SdkHttpClient httpClient) {
        var builder = DynamoDbClient.builder()
                .httpClient(httpClient)
                .region(region(variables))
                .credentialsProvider(credentials(variables))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(Duration.ofSeconds(2))
                        .apiCallTimeout(Duration.ofSeconds(6))
                        .build());
        endpoint(variables).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static DynamoDbEnhancedClient enhanced(DynamoDbClient client) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }

    public static Region region(Map<String, String> variables) {
        String region = variables.getOrDefault("AWS_REGION", variables.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
        return Region.of(region);
    }

    public static Optional<URI> endpoint(Map<String, String> variables) {
        String url = variables.get("AWS_ENDPOINT_URL_DYNAMODB");
        if (url == null || url.isBlank()) {
            url = variables.get("AWS_ENDPOINT_URL");
        }
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(URI.create(url.trim()));
    }

    /**
     * Credentials from the function's environment when present (Lambda without SnapStart, local runs),
     * else from the Lambda container endpoint, which is how SnapStart functions get fresh credentials
     * after a restore.
     */
    public static AwsCredentialsProvider credentials(Map<String, String> variables) {
        String accessKey = variables.get("AWS_ACCESS_KEY_ID");
        String secretKey = variables.get("AWS_SECRET_ACCESS_KEY");
        if (accessKey != null && secretKey != null) {
            String sessionToken = variables.get("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(sessionToken == null
                    ? AwsBasicCredentials.create(accessKey, secretKey)
                    : AwsSessionCredentials.create(accessKey, secretKey, sessionToken));
        }
        return ContainerCredentialsProvider.builder().build();
    }
}
