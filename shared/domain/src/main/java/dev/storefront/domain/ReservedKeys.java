package dev.storefront.domain;

/**
 * Keys that no stored item can ever have. Reading them always finds nothing, which is what SnapStart priming
 * needs: the real request path runs once before the snapshot without touching anybody's data.
 */
public final class ReservedKeys {

    /**
     * An id the {@link IdGenerator} never produces (its ids are 26 upper-case Crockford base32 characters; this
     * one has lower case and a hyphen), yet a well-formed path parameter, so lookups really reach the store.
     */
    public static final String ABSENT_ID = "prime-00000000";

    /**
     * An email no account can have: {@link dev.storefront.domain.account.AccountRules} refuses it (its domain has
     * no dot), so signup and admin provisioning can never register it, while login still looks it up.
     */
    public static final String ABSENT_EMAIL = "prime@invalid";

    private ReservedKeys() {
    }
}
