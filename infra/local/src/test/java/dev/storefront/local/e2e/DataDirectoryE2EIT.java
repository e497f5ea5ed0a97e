package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Shop.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.local.e2e.Http.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code STOREFRONT_DATA_DIR}: accounts, sessions and the signing key survive a restart of the stack. Starts two
 * stacks of its own, one after the other, on one data directory.
 */
class DataDirectoryE2EIT {

    @TempDir
    Path dataDirectory;

    @Test
    void restart_shouldKeepAccountsSessionsAndTokens_whenADataDirectoryIsSet() throws Exception {
        String accessToken;
        String refreshToken;
        try (Stack first = start()) {
            assertThat(first.signup("keep@example.com", PASSWORD, "Keeper").status()).isEqualTo(201);
            Response login = first.login("keep@example.com", PASSWORD);
            accessToken = login.field("accessToken");
            refreshToken = login.field("refreshToken");
        }
        assertThat(dataDirectory.resolve("jwt-signing-key.json")).exists();
        assertThat(Files.list(dataDirectory.resolve("dynamodb"))).isNotEmpty();

        try (Stack second = start()) {
            assertThat(second.http().get("/me", "Authorization", "Bearer " + accessToken).field("email"))
                    .isEqualTo("keep@example.com");
            assertThat(second.refresh(refreshToken).status()).isEqualTo(200);
            assertThat(second.signup("keep@example.com", PASSWORD, "Again").status()).isEqualTo(409);
        }
    }

    private Stack start() {
        return Stack.start(Map.of("STOREFRONT_DATA_DIR", dataDirectory.toString(), "STOREFRONT_SEED_PRODUCTS", "25"));
    }
}
