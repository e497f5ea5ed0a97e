package dev.storefront.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.platform.function.FunctionContexts;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypedConfigurationTest {

    @Test
    void tableNames_shouldBindTheFunctionsVariables() {
        // given
        try (ApplicationContext context = start(Map.of(EnvVars.USERS_TABLE, "Users-1", EnvVars.ORDERS_TABLE,
                " Orders-1 "))) {
            // when
            TableNames tables = context.getBean(TableNames.class);

            // then
            assertThat(tables.users()).isEqualTo("Users-1");
            assertThat(tables.orders()).isEqualTo("Orders-1");
        }
    }

    @Test
    void tableNames_shouldNameTheVariable_whenATableIsMissing() {
        // given
        try (ApplicationContext context = start(Map.of(EnvVars.CARTS_TABLE, " "))) {
            TableNames tables = context.getBean(TableNames.class);

            // when / then
            assertThatThrownBy(tables::carts).isInstanceOf(Setting.MissingSettingException.class)
                    .hasMessage("missing required environment variable STOREFRONT_CARTS_TABLE");
        }
    }

    @Test
    void storeConfiguration_shouldApplyDefaults_andBindNumbers() {
        // given
        try (ApplicationContext defaults = start(Map.of());
                ApplicationContext configured = start(Map.of(EnvVars.CURRENCY, "EUR", EnvVars.STORE_COUNTRY, "DE",
                        EnvVars.FREE_SHIPPING_THRESHOLD, "7500", EnvVars.RESERVATION_TTL_SECONDS, "60"))) {
            // when
            StoreConfiguration plain = defaults.getBean(StoreConfiguration.class);
            StoreConfiguration store = configured.getBean(StoreConfiguration.class);

            // then
            assertThat(plain).isEqualTo(new StoreConfiguration("USD", "US", 5000L, 900L));
            assertThat(store).isEqualTo(new StoreConfiguration("EUR", "DE", 7500L, 60L));
        }
    }

    @Test
    void storeConfiguration_shouldNameTheVariable_whenANumberIsOutOfRange() {
        // given
        try (ApplicationContext context = start(Map.of(EnvVars.RESERVATION_TTL_SECONDS, "0"))) {
            // when / then
            assertThatThrownBy(() -> context.getBean(StoreConfiguration.class))
                    .hasRootCauseInstanceOf(Setting.InvalidSettingException.class)
                    .rootCause().hasMessage("environment variable STOREFRONT_RESERVATION_TTL_SECONDS must be at least 1");
        }
    }

    /** A context as a handler gets it, with {@code variables} as the function's environment. */
    static ApplicationContext start(Map<String, String> variables) {
        return FunctionContexts.builder(variables).start();
    }
}
