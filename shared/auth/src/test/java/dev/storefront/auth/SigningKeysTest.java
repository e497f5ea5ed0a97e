package dev.storefront.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

class SigningKeysTest {

    private static final ECKey KEY = SigningKeys.generate();

    @Test
    void generate_shouldCreateAP256SigningKey_withItsThumbprintAsKid() throws Exception {
        assertThat(KEY.getCurve()).isEqualTo(Curve.P_256);
        assertThat(KEY.isPrivate()).isTrue();
        assertThat(KEY.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(KEY.getKeyID()).isEqualTo(KEY.computeThumbprint().toString());
    }

    @Test
    void parsePrivateJwk_shouldReadBackAGeneratedKey() {
        // when
        ECKey parsed = SigningKeys.parsePrivateJwk(KEY.toJSONString());

        // then
        assertThat(parsed).isEqualTo(KEY);
    }

    @Test
    void parsePrivateJwk_shouldReject_aPublicOnlyKey() {
        assertThatThrownBy(() -> SigningKeys.parsePrivateJwk(KEY.toPublicJWK().toJSONString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("private");
    }

    @Test
    void parsePrivateJwk_shouldReject_anRsaKey() throws Exception {
        String rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate().toJSONString();
        assertThatThrownBy(() -> SigningKeys.parsePrivateJwk(rsa))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P-256");
    }

    @Test
    void parsePrivateJwk_shouldReject_anotherCurve() throws Exception {
        String p384 = new ECKeyGenerator(Curve.P_384).keyID("ec-384").generate().toJSONString();
        assertThatThrownBy(() -> SigningKeys.parsePrivateJwk(p384))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P-256");
    }

    @Test
    void parsePrivateJwk_shouldReject_aKeyWithoutKid() throws Exception {
        String noKid = new ECKeyGenerator(Curve.P_256).generate().toJSONString();
        assertThatThrownBy(() -> SigningKeys.parsePrivateJwk(noKid))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kid");
    }

    @Test
    void parsePrivateJwk_shouldReject_garbage_withoutEchoingIt() {
        String secretLooking = "{\"kty\":\"EC\",\"d\":\"" + UUID.randomUUID() + "\"";
        assertThatThrownBy(() -> SigningKeys.parsePrivateJwk(secretLooking))
                .isInstanceOf(IllegalArgumentException.class)
                .hasNoCause()
                .message().doesNotContain(secretLooking.substring(20));
        assertThatThrownBy(() -> SigningKeys.parsePrivateJwk(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publicJwkSetJson_shouldHoldNoPrivatePart() {
        // when
        String json = SigningKeys.publicJwkSetJson(KEY);

        // then
        assertThat(json).contains("\"keys\"").contains(KEY.getKeyID()).doesNotContain("\"d\"");
    }

    @Test
    void parsePublicJwkSet_shouldReadSeveralKeys() {
        // given
        ECKey second = SigningKeys.generate();

        // when
        JWKSet set = SigningKeys.parsePublicJwkSet(SigningKeys.publicJwkSetJson(KEY, second));

        // then
        assertThat(set.getKeys()).hasSize(2);
        assertThat(set.getKeyByKeyId(second.getKeyID())).isNotNull();
    }

    @Test
    void parsePublicJwkSet_shouldReject_privateKeyMaterial() {
        String withPrivate = new JWKSet(KEY).toString(false);
        assertThat(withPrivate).contains("\"d\"");
        assertThatThrownBy(() -> SigningKeys.parsePublicJwkSet(withPrivate))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("private");
    }

    @Test
    void parsePublicJwkSet_shouldReject_emptyDuplicateOrMalformedSets() {
        assertThatThrownBy(() -> SigningKeys.parsePublicJwkSet("{\"keys\":[]}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKeys.parsePublicJwkSet("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKeys.parsePublicJwkSet(null)).isInstanceOf(IllegalArgumentException.class);
        String duplicate = SigningKeys.publicJwkSetJson(KEY, KEY);
        assertThatThrownBy(() -> SigningKeys.parsePublicJwkSet(duplicate))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same kid");
    }
}
