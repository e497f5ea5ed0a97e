package dev.storefront.domain.auth;

/** One-way password hashing with a self-describing encoded form (e.g. a PHC string). */
public interface PasswordHasher {

    /** Hashes a password with a fresh random salt; the result encodes algorithm, parameters and salt. */
    String hash(String password);

    /** Checks a password against an encoded hash in constant time with respect to the hash bytes. */
    boolean verify(String password, String encodedHash);

    /**
     * Spends the same work as {@link #verify} without a stored hash, so that an unknown account and a
     * wrong password take the same time.
     */
    void verifyDummy(String password);
}
