package dev.storefront.domain.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ShippingMethodTest {

    @Test
    void fromWireName_shouldFindEachMethodByItsWireName() {
        for (ShippingMethod method : ShippingMethod.values()) {
            assertThat(ShippingMethod.fromWireName(method.wireName())).contains(method);
        }
        assertThat(ShippingMethod.STANDARD.wireName()).isEqualTo("standard");
        assertThat(ShippingMethod.EXPRESS.wireName()).isEqualTo("express");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"STANDARD", "Standard", "EXPRESS", " express", "express ", "overnight", "std"})
    void fromWireName_shouldFindNothing_forAnythingButTheExactLowerCaseName(String wireName) {
        assertThat(ShippingMethod.fromWireName(wireName)).isEmpty();
    }
}
