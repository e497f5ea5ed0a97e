package dev.storefront.functions.deployhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void fromEnvironment_shouldMapDeploymentGroupsToFunctions_andIgnoreOtherVariables() {
        Targets targets = Targets.fromEnvironment(Map.of(
                "STOREFRONT_PRE_TRAFFIC_ORDER_EXPIRY", " grp-expiry  s-order-expiry:4 ",
                "STOREFRONT_JWT_ISSUER", "https://storefront.example/auth",
                "AWS_REGION", "eu-west-1"));

        assertThat(targets.size()).isEqualTo(1);
        assertThat(targets.forDeploymentGroup("grp-expiry")).contains(
                new Target("ORDER_EXPIRY", "grp-expiry", "s-order-expiry:4"));
        assertThat(targets.forDeploymentGroup("grp-other")).isEmpty();
    }

    @Test
    void fromEnvironment_shouldNameTheVariable_whenItsValueIsNotGroupAndArn() {
        assertThatThrownBy(() -> Targets.fromEnvironment(Map.of("STOREFRONT_PRE_TRAFFIC_CART", "grp-cart")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STOREFRONT_PRE_TRAFFIC_CART");
        assertThatThrownBy(() -> Targets.fromEnvironment(Map.of("STOREFRONT_PRE_TRAFFIC_CART", "grp-cart storefront-cart:live")))
                .hasMessageContaining("STOREFRONT_PRE_TRAFFIC_CART");
    }
}
