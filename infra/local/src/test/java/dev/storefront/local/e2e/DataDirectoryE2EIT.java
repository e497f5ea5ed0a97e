package dev.storefront.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.local.LocalOptions;
import dev.storefront.local.LocalStorefront;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code STOREFRONT_DATA_DIR}: accounts, sessions and the signing key survive a restart of the stack. */
class DataDirectoryE2EIT {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dataDirectory;

    @Test
    void restart_shouldKeepAccountsSessionsAndTokens_whenADataDirectoryIsSet() throws Exception {
        String accessToken;
        String refreshToken;
        try (LocalStorefront first = start()) {
            Http http = new Http(first.baseUrl());
            assertThat(http.post("/auth/signup", Http.object("email", "keep@example.com", "password", PASSWORD,
                    "name", "Keeper")).status()).isEqualTo(201);
            Http.Response login = http.post("/auth/login", Http.object("email", "keep@example.com",
                    "password", PASSWORD));
            accessToken = login.field("accessToken");
            refreshToken = login.field("refreshToken");
        }
        assertThat(dataDirectory.resolve("jwt-signing-key.json")).exists();
        assertThat(Files.list(dataDirectory.resolve("dynamodb"))).isNotEmpty();

        try (LocalStorefront second = start()) {
            Http http = new Http(second.baseUrl());

            assertThat(http.get("/me", "Authorization", "Bearer " + accessToken).field("email"))
                    .isEqualTo("keep@example.com");
            assertThat(http.post("/auth/refresh", Http.object("refreshToken", refreshToken)).status()).isEqualTo(200);
            assertThat(http.post("/auth/signup", Http.object("email", "keep@example.com", "password", PASSWORD,
                    "name", "Again")).status()).isEqualTo(409);
        }
    }

    private LocalStorefront start() {
        return LocalStorefront.start(LocalOptions.builder(Path.of("../../template.yaml").toAbsolutePath().normalize())
                .port(0)
                .dataDirectory(dataDirectory)
                .setting("STOREFRONT_ADMIN_PASSWORD", "admin password for e2e")
                .setting("STOREFRONT_SEED_PRODUCTS", "25")
                .build());
    }
}
