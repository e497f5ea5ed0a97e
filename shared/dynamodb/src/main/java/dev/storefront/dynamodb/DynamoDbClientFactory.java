package dev.storefront.dynamodb;

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

    /** The HTTP client shared by every AWS client of the function. */
    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(5))
                .build();
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
