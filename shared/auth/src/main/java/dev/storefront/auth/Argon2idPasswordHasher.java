package dev.storefront.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import dev.storefront.domain.auth.PasswordHasher;

/**
 * Argon2id password hashing (BouncyCastle) in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (unpadded standard Base64).
 *
 * <p>Defaults are OWASP's minimum for Argon2id: 19 MiB of memory, 2 passes, 1 lane, 16-byte random salt,
 * 32-byte hash. {@link #verify} reads the parameters from the stored string, so they can be raised later
 * and old hashes still verify; {@link #needsRehash} tells when a stored hash uses other parameters.
 *
 * <p>Passwords are normalized to Unicode NFKC (as NIST SP 800-63B advises) and encoded as UTF-8, so the
 * same password typed as composed or decomposed characters verifies. Thread-safe.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {

    /** OWASP minimum memory cost, in KiB. */
    public static final int DEFAULT_MEMORY_KIB = 19_456;
    /** OWASP minimum number of passes. */
    public static final int DEFAULT_ITERATIONS = 2;
    /** Lanes. */
    public static final int DEFAULT_PARALLELISM = 1;

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    /* Bounds for parameters read from a stored string, so that a corrupt record cannot cost minutes or GiBs. */
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_ITERATIONS = 16;
    private static final int MAX_PARALLELISM = 16;
    private static final int MIN_SALT_BYTES = 8;
    private static final int MAX_SALT_BYTES = 64;
    private static final int MIN_HASH_BYTES = 16;
    private static final int MAX_HASH_BYTES = 64;

    private static final String PREFIX = "$argon2id$v=19$";
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    /** A hasher with the OWASP defaults. */
    public Argon2idPasswordHasher() {
        this(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    /** A hasher producing new hashes with these parameters (verification always uses the stored ones). */
    public Argon2idPasswordHasher(int memoryKiB, int iterations, int parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM || iterations < 1 || iterations > MAX_ITERATIONS
                || memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2id parameters out of range");
        }
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
        // Salt and hash are arbitrary: verifyDummy only needs the same work as a real verify.
        this.dummyHash = encode(memoryKiB, iterations, parallelism, new byte[SALT_BYTES], new byte[HASH_BYTES]);
    }

    @Override
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, memoryKiB, iterations, parallelism, HASH_BYTES);
        return encode(memoryKiB, iterations, parallelism, salt, hash);
    }

    @Override
    public boolean verify(String password, String encodedHash) {
        if (password == null || encodedHash == null) {
            return false;
        }
        Phc phc = Phc.parse(encodedHash);
        if (phc == null) {
            return false;
        }
        byte[] actual = argon2(password, phc.salt, phc.memoryKiB, phc.iterations, phc.parallelism, phc.hash.length);
        return MessageDigest.isEqual(actual, phc.hash);
    }

    @Override
    public void verifyDummy(String password) {
        verify(password == null ? "" : password, dummyHash);
    }

    /** True when the stored hash is malformed or uses other parameters than new hashes would. */
    public boolean needsRehash(String encodedHash) {
        Phc phc = encodedHash == null ? null : Phc.parse(encodedHash);
        return phc == null || phc.memoryKiB != memoryKiB || phc.iterations != iterations
                || phc.parallelism != parallelism || phc.salt.length != SALT_BYTES || phc.hash.length != HASH_BYTES;
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] passwordBytes = Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(passwordBytes, out);
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
        return out;
    }

    private static String encode(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {
        return PREFIX + "m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    /** A parsed PHC string; {@link #parse} returns {@code null} for anything malformed or out of bounds. */
    private static final class Phc {
        final int memoryKiB;
        final int iterations;
        final int parallelism;
        final byte[] salt;
        final byte[] hash;

        private Phc(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {
            this.memoryKiB = memoryKiB;
            this.iterations = iterations;
            this.parallelism = parallelism;
            this.salt = salt;
            this.hash = hash;
        }

        static Phc parse(String encoded) {
            if (!encoded.startsWith(PREFIX) || encoded.length() > 512) {
                return null;
            }
            String[] parts = encoded.substring(PREFIX.length()).split("\\$", -1);
            if (parts.length != 3) {
                return null;
            }
            String[] params = parts[0].split(",", -1);
            if (params.length != 3) {
                return null;
            }
            int m = param(params[0], "m=");
            int t = param(params[1], "t=");
            int p = param(params[2], "p=");
            if (p < 1 || p > MAX_PARALLELISM || t < 1 || t > MAX_ITERATIONS || m < 8 * p || m > MAX_MEMORY_KIB) {
                return null;
            }
            byte[] salt = base64(parts[1]);
            byte[] hash = base64(parts[2]);
            if (salt == null || hash == null || salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES
                    || hash.length < MIN_HASH_BYTES || hash.length > MAX_HASH_BYTES) {
                return null;
            }
            return new Phc(m, t, p, salt, hash);
        }

        private static int param(String text, String name) {
            if (!text.startsWith(name)) {
                return -1;
            }
            String digits = text.substring(name.length());
            if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return -1;
            }
            return Integer.parseInt(digits);
        }

        private static byte[] base64(String text) {
            // PHC: standard alphabet, no padding.
            if (text.isEmpty() || text.indexOf('=') >= 0) {
                return null;
            }
            try {
                return B64_DECODER.decode(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
