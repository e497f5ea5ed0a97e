package dev.storefront.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.platform.http.Json;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads secrets from Secrets Manager at init. The client is created on first use only, so local runs
 * (where secrets come from the environment) never build it.
 */
@Singleton
public final class Secrets {

    private final BeanProvider<SecretsManagerClient> client;

    Secrets(BeanProvider<SecretsManagerClient> client) {
        this.client = client;
    }

    /** The secret's string value. */
    public String string(String secretArn) {
        return client.get().getSecretValue(request -> request.secretId(secretArn)).secretString();
    }

    /** One string field of a JSON secret, e.g. {@code password} of {@code {"username", "password"}}. */
    public String jsonField(String secretArn, String field) {
        try {
            JsonNode value = Json.mapper().readTree(string(secretArn)).get(field);
            if (value == null || !value.isTextual()) {
                throw new IllegalStateException("secret has no string field " + field);
            }
            return value.asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("secret is not a JSON object", e);
        }
    }
}
