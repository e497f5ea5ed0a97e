package dev.storefront.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrinsicResolverTest {

    private final CloudFormationTemplate template = FixtureTemplates.load();

    private Map<String, Object> environment(IntrinsicResolver resolver) {
        Map<String, Object> fn = template.resources().get("Fn").properties();
        Object variables = CloudFormationTemplate.asMap(fn.get("Environment")).get("Variables");
        return CloudFormationTemplate.asMap(resolver.resolve(variables, "Fn.Properties.Environment.Variables"));
    }

    private IntrinsicResolver.Builder resolver() {
        return IntrinsicResolver.builder(template).attributes(new LocalAttributes("us-east-1", "123456789012", 6390));
    }

    @Test
    void resolve_shouldResolveEveryIntrinsicForLocalUse() {
        Map<String, Object> env = environment(resolver().build());

        assertThat(env).containsEntry("TABLE", "OrdersTable")
                .containsEntry("NAMED", "storefront-local-named-dev")
                .containsEntry("REDIS", "rediss://127.0.0.1:6390")
                .containsEntry("REGION", "us-east-1")
                .containsEntry("ACCOUNT", "123456789012/aws/amazonaws.com")
                .containsEntry("MODE", "development")
                .containsEntry("JOINED", "a,dev,c")
                .containsEntry("SELECTED", "one")
                .containsEntry("SPLIT", "c")
                .containsEntry("LITERAL", "${NotAVariable}-dev")
                .containsEntry("SUBLIST", "hello, dev")
                .containsEntry("STREAM", "arn:aws:dynamodb:us-east-1:123456789012:table/OrdersTable/stream/local")
                .containsEntry("LONGFORM", "arn:aws:dynamodb:us-east-1:123456789012:table/OrdersTable")
                .containsEntry("ISSUER", "https://storefront.example/auth")
                .containsEntry("BASE64", "aGk=")
                .containsEntry("BOTH", "yes-both")
                .containsEntry("EITHER", "no-either")
                .doesNotContainKey("MISSING");
    }

    @Test
    void resolve_shouldUseParameterOverridesAndConditions() {
        IntrinsicResolver resolver = resolver().parameter("Stage", "prod").stackName("shop").build();

        Map<String, Object> env = environment(resolver);

        assertThat(env).containsEntry("MODE", "production").containsEntry("MISSING", "x")
                .containsEntry("NAMED", "shop-named-prod");
        assertThat(resolver.condition("IsProd")).isTrue();
        assertThat(resolver.condition("IsNotProd")).isFalse();
    }

    @Test
    void resolve_shouldFailNamingResourceAndProperty_whenAttributeUnknown() {
        IntrinsicResolver resolver = IntrinsicResolver.builder(template).build();

        assertThatThrownBy(() -> environment(resolver))
                .isInstanceOf(UnresolvableIntrinsicException.class)
                .hasMessageContaining("Fn.Properties.Environment.Variables.REDIS")
                .hasMessageContaining("Cache.Endpoint.Address");
    }

    @Test
    void resolve_shouldFail_whenParameterHasNoValue() {
        IntrinsicResolver resolver = resolver().build();

        assertThatThrownBy(() -> resolver.resolve(Map.of("Ref", "NoDefault"), "X.Properties.Y"))
                .isInstanceOf(UnresolvableIntrinsicException.class)
                .hasMessageContaining("X.Properties.Y").hasMessageContaining("NoDefault");
        assertThat(resolver().parameter("NoDefault", "given").build().resolve(Map.of("Ref", "NoDefault"), "x"))
                .isEqualTo("given");
    }

    @Test
    void resolve_shouldFail_forImportValue() {
        assertThatThrownBy(() -> resolver().build().resolve(Map.of("Fn::ImportValue", "x"), "R.Properties.P"))
                .isInstanceOf(UnresolvableIntrinsicException.class).hasMessageContaining("R.Properties.P");
    }
}
