package dev.storefront.domain.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrackingNumbersTest {

    private final TrackingNumbers numbers = new TrackingNumbers(new SplittableRandom(42));

    @Test
    void isValid_shouldAcceptUpsPublishedSample_andRejectItWithAnyDigitChanged() {
        String sample = "1Z999AA10123456784";
        assertThat(TrackingNumbers.isValid(sample)).isTrue();
        for (int i = 2; i < sample.length(); i++) {
            if (Character.isDigit(sample.charAt(i))) {
                char changed = (char) ('0' + (sample.charAt(i) - '0' + 1) % 10);
                String typo = sample.substring(0, i) + changed + sample.substring(i + 1);
                assertThat(TrackingNumbers.isValid(typo)).as(typo).isFalse();
            }
        }
    }

    @Test
    void next_shouldMakeValidUpsNumbers_withTheServiceCodeOfTheMethod() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String ground = numbers.next("UPS Ground", false);
            String express = numbers.next("UPS Next Day Air", true);
            assertThat(ground).matches("1Z" + TrackingNumbers.UPS_SHIPPER + "03[0-9]{8}");
            assertThat(express).matches("1Z" + TrackingNumbers.UPS_SHIPPER + "01[0-9]{8}");
            assertThat(TrackingNumbers.isValid(ground)).isTrue();
            assertThat(TrackingNumbers.isValid(express)).isTrue();
            seen.add(ground);
        }
        assertThat(seen).hasSizeGreaterThan(990);
    }

    @Test
    void next_shouldMakeValidDhlWaybills_mod7() {
        for (int i = 0; i < 1000; i++) {
            String waybill = numbers.next("DHL Express Worldwide", true);
            assertThat(waybill).matches("[0-9]{10}");
            assertThat(Long.parseLong(waybill.substring(0, 9)) % 7).isEqualTo(waybill.charAt(9) - '0');
            assertThat(TrackingNumbers.isValid(waybill)).isTrue();
        }
        assertThat(TrackingNumbers.isValid("1234567890")).isFalse(); // 123456789 % 7 = 1
        assertThat(TrackingNumbers.isValid("1234567891")).isTrue();
    }

    @Test
    void next_shouldRefuseACarrierWithoutAKnownFormat() {
        assertThatThrownBy(() -> numbers.next("Pony Express", false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TrackingNumbers.isValid(null)).isFalse();
        assertThat(TrackingNumbers.isValid("1Z999AA1012345678")).isFalse();
    }
}
