package dev.storefront.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.domain.account.AccountRules;
import dev.storefront.domain.catalog.ProductRules;
import dev.storefront.domain.error.FieldError;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ReservedKeysTest {

    @Test
    void absentId_shouldNeverBeGenerated_butBeAWellFormedId() {
        IdGenerator ids = new IdGenerator(Clock.systemUTC(), new SecureRandom());
        String generatedShape = "[0-9A-HJKMNP-TV-Z]{26}";

        assertThat(ids.next()).matches(generatedShape);
        assertThat(ReservedKeys.ABSENT_ID).doesNotMatch(generatedShape);
        // Well formed, so that lookups really go to the store instead of being refused up front.
        assertThat(ProductRules.isProductId(ReservedKeys.ABSENT_ID)).isTrue();
    }

    @Test
    void absentEmail_shouldBeRefusedBySignup() {
        assertThat(AccountRules.checkSignup(ReservedKeys.ABSENT_EMAIL, "correct horse battery", "Prime"))
                .extracting(FieldError::field).containsExactly("email");
        assertThat(AccountRules.normalizeEmail(ReservedKeys.ABSENT_EMAIL)).isEqualTo(ReservedKeys.ABSENT_EMAIL);
    }
}
