package dev.storefront.redis;

import java.security.SecureRandom;

/**
 * Random spreads of expiry times. Not {@link java.util.concurrent.ThreadLocalRandom}: its per-thread seeds derive
 * from a static seeder that a SnapStart snapshot captures, so every environment restored from one snapshot would
 * draw the same sequence, and entries cached together by them would expire together again. {@link SecureRandom}
 * stays unique after a restore (AWS Lambda, "Handling uniqueness with Lambda SnapStart").
 */
final class Jitter {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Jitter() {
    }

    /** A value from 0 (inclusive) to {@code bound} (exclusive). */
    static long nextLong(long bound) {
        return RANDOM.nextLong(bound);
    }
}
