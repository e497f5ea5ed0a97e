package dev.storefront.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The local keys: the token signing key (an EC P-256 ES256 JWK) and the page cursor key (32 random bytes),
 * generated at start, or kept in the data directory so tokens and page cursors survive restarts when
 * {@code STOREFRONT_DATA_DIR} is set. In AWS both are Secrets Manager secrets.
 *
 * @param privateJwk the private JWK JSON ({@code STOREFRONT_JWT_SIGNING_JWK})
 * @param publicJwks the public JWK set JSON ({@code STOREFRONT_JWT_PUBLIC_JWKS})
 * @param cursorKey the page cursor HMAC key ({@code STOREFRONT_CURSOR_KEY})
 */
public record SigningKeys(String privateJwk, String publicJwks, String cursorKey) {

    static final String FILE_NAME = "jwt-signing-key.json";
    static final String CURSOR_KEY_FILE_NAME = "search-cursor-key";

    private static String cursorKey(Path dataDirectory) throws IOException {
        Path file = dataDirectory == null ? null : dataDirectory.resolve(CURSOR_KEY_FILE_NAME);
        if (file != null && Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        String key = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        if (file != null) {
            Files.createDirectories(dataDirectory);
            Files.writeString(file, key, StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: keep the default permissions.
            }
        }
        return key;
    }

    /** Loads the key from {@code dataDirectory} or creates (and, with a directory, stores) a new one. */
    public static SigningKeys loadOrCreate(Path dataDirectory) {
        try {
            Path file = dataDirectory == null ? null : dataDirectory.resolve(FILE_NAME);
            ECKey key;
            if (file != null && Files.exists(file)) {
                key = ECKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            } else {
                key = new ECKeyGenerator(Curve.P_256)
                        .keyID("local-" + LocalDate.now(ZoneOffset.UTC) + "-" + Long.toHexString(System.nanoTime()))
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.ES256)
                        .generate();
                if (file != null) {
                    Files.createDirectories(dataDirectory);
                    Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException e) {
                        // Not a POSIX file system: keep the default permissions.
                    }
                }
            }
            return new SigningKeys(key.toJSONString(), new JWKSet(key.toPublicJWK()).toString(),
                    cursorKey(dataDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the signing key", e);
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("Cannot create the signing key", e);
        }
    }
}
