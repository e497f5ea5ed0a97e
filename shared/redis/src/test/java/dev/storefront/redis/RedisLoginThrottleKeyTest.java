package dev.storefront.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisLoginThrottleKeyTest {

    @Test
    void key_shouldBePrefixPlusSha256Hex_ofTheIdentifier() {
        // given: the SHA-256 of "shopper@example.com", computed with sha256sum
        String expected = "login:fail:a85e9ca18f34935ab9b0381b25bfad2455444112b0149270fd88e3da172fe196";

        // when
        String key = RedisLoginThrottle.key("shopper@example.com");

        // then
        assertThat(key).isEqualTo(expected);
    }

    @Test
    void key_shouldNeverContainTheIdentifierInClear() {
        // when
        String key = RedisLoginThrottle.key("shopper@example.com");

        // then
        assertThat(key).doesNotContain("shopper").doesNotContain("example").matches("login:fail:[0-9a-f]{64}");
    }

    @Test
    void key_shouldDiffer_forDifferentIdentifiers_andHashUnicodeAsUtf8() {
        // when
        String ascii = RedisLoginThrottle.key("jose@example.com");
        String accented = RedisLoginThrottle.key("josé@example.com");

        // then: "josé@example.com" in UTF-8, hashed with sha256sum
        assertThat(ascii).isNotEqualTo(accented);
        assertThat(accented)
                .isEqualTo("login:fail:b0a53cf19e34d05b57bced7365c6b00ddbe38d62957e863de2a66a56c3b42cea");
    }
}
