package dev.storefront.functions.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.domain.Money;
import dev.storefront.domain.error.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefundRequestTest {

    @ParameterizedTest(name = "currency \"{0}\"")
    @ValueSource(strings = {"", "usd", "US", "USDD", "US1", " USD"})
    void validate_shouldNameTheCurrency_whenItIsNotAnIso4217Code(String currency) {
        // given: found by schemathesis - {"amount": {"amount": 0, "currency": ""}} was a 500
        RefundRequest request = new RefundRequest(new RefundRequest.Amount(0L, currency), null);

        // when / then
        assertThat(request.validate()).extracting(FieldError::field).containsExactly("amount.currency");
    }

    @Test
    void validate_shouldAcceptAnAmount_andMakeMoneyOfIt() {
        RefundRequest request = new RefundRequest(new RefundRequest.Amount(250L, "USD"), "damaged");

        assertThat(request.validate()).isEmpty();
        assertThat(request.money()).isEqualTo(Money.of(250, "USD"));
    }

    @Test
    void validate_shouldAcceptNoAmount_meaningAllThatIsLeft() {
        RefundRequest request = new RefundRequest(null, null);

        assertThat(request.validate()).isEmpty();
        assertThat(request.money()).isNull();
    }
}
