package dev.storefront.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2idPasswordHasherTest {

    /** Produced by the reference implementation: {@code echo -n "correct horse battery staple" | argon2 storefrontsalt16 -id -t 2 -k 19456 -p 1 -l 32 -e}. */
    private static final String REFERENCE_OWASP =
            "$argon2id$v=19$m=19456,t=2,p=1$c3RvcmVmcm9udHNhbHQxNg$xLTyi834HbmWdy3Fb7Z1jEwk89LhrweRHqn/jMTHzBw";

    /** Same tool, UTF-8 password "pässwörd 🔐 密码" (NFC), {@code -t 1 -k 8192 -p 1 -l 32}. */
    private static final String REFERENCE_UNICODE_LOW_COST =
            "$argon2id$v=19$m=8192,t=1,p=1$c3RvcmVmcm9udHNhbHQxNg$DWYex4lP7C3tdRNjj1O9rN0nmHNIkoWGd+ZheWKHi48";

    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher();

    @Test
    void hash_shouldProduceAPhcString_withOwaspParameters_saltAndHashLengths() {
        // when
        String encoded = hasher.hash("correct horse battery staple");

        // then
        assertThat(encoded).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("=$").doesNotEndWith("=");
        String[] parts = encoded.split("\\$");
        assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
    }

    @Test
    void verify_shouldAccept_theSamePassword() {
        // given
        String encoded = hasher.hash("correct horse battery staple");

        // when / then
        assertThat(hasher.verify("correct horse battery staple", encoded)).isTrue();
    }

    @Test
    void verify_shouldReject_aWrongPassword() {
        // given
        String encoded = hasher.hash("correct horse battery staple");

        // when / then
        assertThat(hasher.verify("correct horse battery stapler", encoded)).isFalse();
        assertThat(hasher.verify("", encoded)).isFalse();
        assertThat(hasher.verify(null, encoded)).isFalse();
    }

    @Test
    void hash_shouldUseAFreshSalt_eachTime() {
        // when
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            hashes.add(hasher.hash("same password"));
        }

        // then
        assertThat(hashes).hasSize(3);
    }

    @Test
    void verify_shouldMatch_theReferenceImplementation() {
        assertThat(hasher.verify("correct horse battery staple", REFERENCE_OWASP)).isTrue();
        assertThat(hasher.verify("Correct horse battery staple", REFERENCE_OWASP)).isFalse();
    }

    @Test
    void verify_shouldUseTheParametersOfTheStoredString() {
        // given: a hash made by the reference tool with other (lower) parameters
        // when / then
        assertThat(hasher.verify("pässwörd 🔐 密码", REFERENCE_UNICODE_LOW_COST)).isTrue();
        assertThat(hasher.needsRehash(REFERENCE_UNICODE_LOW_COST)).isTrue();
        assertThat(hasher.needsRehash(REFERENCE_OWASP)).isFalse();
    }

    @Test
    void verify_shouldAccept_hashesMadeWithRaisedParameters() {
        // given: parameters raised later
        Argon2idPasswordHasher stronger = new Argon2idPasswordHasher(24_576, 3, 1);
        String encoded = stronger.hash("long enough password");

        // when / then
        assertThat(encoded).contains("$m=24576,t=3,p=1$");
        assertThat(hasher.verify("long enough password", encoded)).isTrue();
        assertThat(hasher.needsRehash(encoded)).isTrue();
        assertThat(stronger.needsRehash(encoded)).isFalse();
    }

    @Test
    void verify_shouldHandleAnyUnicode_asUtf8() {
        // given
        String password = "Ünïcødé — пароль — 密码 — 🔐🙂 — \u0000 and tab\t";
        String encoded = hasher.hash(password);

        // when / then
        assertThat(hasher.verify(password, encoded)).isTrue();
        assertThat(hasher.verify("Unicode — пароль — 密码 — 🔐🙂 — \u0000 and tab\t", encoded)).isFalse();
    }

    @Test
    void verify_shouldAccept_composedAndDecomposedFormsOfThePassword() {
        // given: "é" as one code point, then as "e" + combining acute accent
        String encoded = hasher.hash("caf\u00e9 au lait, merci");

        // when / then
        assertThat(hasher.verify("cafe\u0301 au lait, merci", encoded)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "garbage",
        "$argon2id$",
        "$argon2i$v=19$m=19456,t=2,p=1$c3RvcmVmcm9udHNhbHQxNg$xLTyi834HbmWdy3Fb7Z1jEwk89LhrweRHqn/jMTHzBw",
        "$argon2d$v=19$m=19456,t=2,p=1$c3RvcmVmcm9udHNhbHQxNg$xLTyi834HbmWdy3Fb7Z1jEwk89LhrweRHqn/jMTHzBw",
        "$argon2id$v=16$m=19456,t=2,p=1$c3RvcmVmcm9udHNhbHQxNg$xLTyi834HbmWdy3Fb7Z1jEwk89LhrweRHqn/jMTHzBw",
        "$argon2id$m=19456,t=2,p=1$c3RvcmVmcm9udHNhbHQxNg$xLTyi834HbmWdy3Fb7Z1jEwk89LhrweRHqn/jMTHzBw",
        "$argon2id$v=19$t=2,m=19456,p=1$c3RvcmVmcm9udHNhbHQxNg$xLTyi834HbmWdy3Fb7Z1jEwk89LhrweRHqn/jMTHzBw",
        "$argon2id$v=19$m=19456,t=2$c3RvcmVmcm9udHNhbHQxNg$xLTyi834HbmWdy3Fb7Z1jEwk89LhrweRHqn/jMTHzBw",
        "$argon2id$v=19$m=19456,t=0,p=1$c3RvcmVmcm9udHNhbHQxNg$xLTyi834HbmWdy3Fb7Z1jEwk89LhrweRHqn/jMTHzBw",
        "$argon2id$v=19$m=99999999,t=2,p=1$c3RvcmVmcm9udHNhbHQxNg$xLTyi834HbmWdy3Fb7Z1jEwk89LhrweRHqn/jMTHzBw",
        "$argon2id$v=19$m=19456,t=-2,p=1$c3RvcmVmcm9udHNhbHQxNg$xLTyi834HbmWdy3Fb7Z1jEwk89LhrweRHqn/jMTHzBw",
        "$argon2id$v=19$m=19456,t=2,p=x$c3RvcmVmcm9udHNhbHQxNg$xLTyi834HbmWdy3Fb7Z1jEwk89LhrweRHqn/jMTHzBw",
        "$argon2id$v=19$m=19456,t=2,p=1$$xLTyi834HbmWdy3Fb7Z1jEwk89LhrweRHqn/jMTHzBw",
        "$argon2id$v=19$m=19456,t=2,p=1$c3RvcmVmcm9udHNhbHQxNg$",
        "$argon2id$v=19$m=19456,t=2,p=1$c3RvcmVmcm9udHNhbHQxNg$not*base64!",
        "$argon2id$v=19$m=19456,t=2,p=1$c3RvcmVmcm9udHNhbHQxNg==$xLTyi834HbmWdy3Fb7Z1jEwk89LhrweRHqn/jMTHzBw",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$xLTyi834HbmWdy3Fb7Z1jEwk89LhrweRHqn/jMTHzBw",
        "$argon2id$v=19$m=19456,t=2,p=1$c3RvcmVmcm9udHNhbHQxNg$xLTyi834HbmWdy3Fb7Z1jEwk89LhrweRHqn/jMTHzBw$extra",
        "$argon2id$v=19$m=19456,t=2,p=1$c3RvcmVmcm9udHNhbHQxNg$xLTyi834HbmWdy3Fb7Z1jEwk89LhrweRHqn/jMTHzBw ",
    })
    void verify_shouldReturnFalse_forMalformedEncodings(String encoded) {
        // when / then: never an exception
        assertThat(hasher.verify("correct horse battery staple", encoded)).isFalse();
        assertThat(hasher.needsRehash(encoded)).isTrue();
    }

    @Test
    void verify_shouldReturnFalse_forANullEncoding() {
        assertThat(hasher.verify("correct horse battery staple", null)).isFalse();
    }

    @Test
    void verifyDummy_shouldDoTheWork_withoutThrowing() {
        assertThatCode(() -> {
            hasher.verifyDummy("any password");
            hasher.verifyDummy(null);
        }).doesNotThrowAnyException();
    }

    @Test
    void hash_timing_isReported() {
        // given: a warm JIT
        for (int i = 0; i < 5; i++) {
            hasher.hash("warm-up password " + i);
        }

        // when
        int runs = 10;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            hasher.hash("measured password " + i);
        }
        long hashMicros = (System.nanoTime() - start) / runs / 1_000;
        start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            hasher.verifyDummy("measured password " + i);
        }
        long dummyMicros = (System.nanoTime() - start) / runs / 1_000;

        // then: reported only; timing depends on the machine
        System.out.printf("Argon2id m=19456 t=2 p=1, warm: hash %.1f ms, verifyDummy %.1f ms (mean of %d, %d CPUs)%n",
                hashMicros / 1000.0, dummyMicros / 1000.0, runs, Runtime.getRuntime().availableProcessors());
        assertThat(hashMicros).isPositive();
    }
}
