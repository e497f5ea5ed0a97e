package dev.storefront.functions.deployhooks;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Builds the hook's AWS clients once, with everything explicit, as the storefront functions do: one
 * URLConnection HTTP client, the region and credentials from the environment Lambda gives the function (the
 * hook has no SnapStart, so the credentials are in its environment), and an endpoint override for tests.
 */
final class DeployHookClients {

    /**
     * Longer than the longest function timeout the hook invokes (order-expiry, 60 s) plus a SnapStart restore:
     * the invocation's answer arrives on this socket.
     */
    static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(100);

    private DeployHookClients() {
    }

    static PreTrafficCheck check(Map<String, String> environment) {
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(INVOKE_TIMEOUT)
                .build();
        return new PreTrafficCheck(
                new CodeDeployDeployments(codeDeploy(environment, http)),
                new LambdaFunctionInvoker(lambda(environment, http), 10, Duration.ofSeconds(3)),
                () -> Targets.fromEnvironment(environment), Clock.systemUTC());
    }

    static LambdaClient lambda(Map<String, String> environment, SdkHttpClient http) {
        var builder = LambdaClient.builder()
                .httpClient(http)
                .region(region(environment))
                .credentialsProvider(credentials(environment))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(INVOKE_TIMEOUT.plusSeconds(10))
                        .apiCallTimeout(INVOKE_TIMEOUT.multipliedBy(2))
                        .build());
        endpoint(environment).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    static CodeDeployClient codeDeploy(Map<String, String> environment, SdkHttpClient http) {
        var builder = CodeDeployClient.builder()
                .httpClient(http)
                .region(region(environment))
                .credentialsProvider(credentials(environment))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(Duration.ofSeconds(10))
                        .apiCallTimeout(Duration.ofSeconds(30))
                        .build());
        endpoint(environment).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    static Region region(Map<String, String> environment) {
        String region = environment.getOrDefault("AWS_REGION", environment.get("AWS_DEFAULT_REGION"));
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set");
        }
        return Region.of(region);
    }

    static Optional<URI> endpoint(Map<String, String> environment) {
        String url = environment.get("AWS_ENDPOINT_URL");
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(URI.create(url.strip()));
    }

    static AwsCredentialsProvider credentials(Map<String, String> environment) {
        String accessKey = environment.get("AWS_ACCESS_KEY_ID");
        String secretKey = environment.get("AWS_SECRET_ACCESS_KEY");
        if (accessKey == null || secretKey == null) {
            throw new IllegalStateException("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set");
        }
        String sessionToken = environment.get("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(sessionToken == null
                ? AwsBasicCredentials.create(accessKey, secretKey)
                : AwsSessionCredentials.create(accessKey, secretKey, sessionToken));
    }
}
