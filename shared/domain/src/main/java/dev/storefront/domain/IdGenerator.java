package dev.storefront.domain;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Generates opaque, URL-safe ids that sort by creation time: 48 bits of milliseconds and 80 random
 * bits in Crockford base32 (the ULID layout), 26 characters.
 */
public final class IdGenerator {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final Clock clock;
    private final SecureRandom random;

    public IdGenerator(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public static IdGenerator systemDefault() {
        return new IdGenerator(Clock.systemUTC(), new SecureRandom());
    }

    /** A new id; ids made in a later millisecond sort after earlier ones. */
    public String next() {
        long time = clock.millis();
        byte[] entropy = new byte[10];
        random.nextBytes(entropy);
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        long hi = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (entropy[i] & 0xff);
        }
        long lo = 0;
        for (int i = 5; i < 10; i++) {
            lo = (lo << 8) | (entropy[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new String(out);
    }
}
