package dev.storefront.auth;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * Access-token signing keys as JWKs: EC P-256 keys for ES256, each with a key id ({@code kid}).
 *
 * <p>The private JWK (a secret) signs; the public JWK Set (published at {@code /.well-known/jwks.json} and
 * given to every function) verifies and may hold several keys during a rotation. Errors name the problem
 * but never echo key material.
 */
public final class SigningKeys {

    private SigningKeys() {
    }

    /**
     * Parses the private signing JWK.
     *
     * @throws IllegalArgumentException unless it is an EC P-256 JWK with its private part and a {@code kid},
     *     meant for signatures with ES256 (when {@code use}/{@code alg} are given)
     */
    public static ECKey parsePrivateJwk(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("signing JWK is empty");
        }
        JWK jwk;
        try {
            jwk = JWK.parse(json);
        } catch (ParseException e) {
            // No cause: parser messages may quote the input, which holds the private key.
            throw new IllegalArgumentException("signing JWK is not valid JWK JSON");
        }
        ECKey key = requireEs256Key(jwk, "signing JWK");
        if (!key.isPrivate()) {
            throw new IllegalArgumentException("signing JWK has no private part (\"d\")");
        }
        return key;
    }

    /**
     * Parses the public JWK Set used for verification.
     *
     * @throws IllegalArgumentException if it is not a JWK Set, is empty, holds any private key material, a
     *     key that is not EC P-256 for ES256, a key without {@code kid}, or two keys with the same {@code kid}
     */
    public static JWKSet parsePublicJwkSet(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("public JWK Set is empty");
        }
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("public JWK Set is not valid JWK Set JSON");
        }
        if (set.getKeys().isEmpty()) {
            throw new IllegalArgumentException("public JWK Set has no keys");
        }
        Set<String> kids = new HashSet<>();
        for (JWK jwk : set.getKeys()) {
            if (jwk.isPrivate()) {
                throw new IllegalArgumentException("public JWK Set holds private key material: publish public keys only");
            }
            ECKey key = requireEs256Key(jwk, "public JWK Set key");
            if (!kids.add(key.getKeyID())) {
                throw new IllegalArgumentException("public JWK Set has two keys with the same kid");
            }
        }
        return set;
    }

    /** Generates a new P-256 signing key whose {@code kid} is its RFC 7638 thumbprint. */
    public static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an EC P-256 key", e);
        }
    }

    /** The public JWK Set JSON of these keys (private parts are dropped), for the JWKS endpoint. */
    public static String publicJwkSetJson(List<ECKey> keys) {
        List<JWK> publicKeys = new ArrayList<>();
        for (ECKey key : keys) {
            publicKeys.add(requireEs256Key(key, "key").toPublicJWK());
        }
        return new JWKSet(publicKeys).toString(true);
    }

    /** The public JWK Set JSON of these keys; see {@link #publicJwkSetJson(List)}. */
    public static String publicJwkSetJson(ECKey... keys) {
        return publicJwkSetJson(List.of(keys));
    }

    static ECKey requireEs256Key(JWK jwk, String what) {
        if (!(jwk instanceof ECKey key) || !Curve.P_256.equals(key.getCurve())) {
            throw new IllegalArgumentException(what + " must be an EC key on curve P-256");
        }
        if (key.getKeyID() == null || key.getKeyID().isBlank()) {
            throw new IllegalArgumentException(what + " has no kid");
        }
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            throw new IllegalArgumentException(what + " is not for signatures (use must be \"sig\")");
        }
        if (key.getAlgorithm() != null && !JWSAlgorithm.ES256.equals(key.getAlgorithm())) {
            throw new IllegalArgumentException(what + " is for another algorithm (alg must be ES256)");
        }
        return key;
    }
}
