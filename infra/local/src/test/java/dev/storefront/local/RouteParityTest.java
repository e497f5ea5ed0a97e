package dev.storefront.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.localcloud.CloudFormationTemplate;
import dev.storefront.localcloud.IntrinsicResolver;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every route of {@code template.yaml} is documented in {@code docs/openapi.yaml} and every documented operation
 * is a route of the template; the comparison itself is checked on small inputs, so the parity check can fail.
 */
class RouteParityTest {

    private static final Path TEMPLATE = Path.of("../../template.yaml");
    private static final Path DOCUMENT = Path.of("../../docs/openapi.yaml");

    private static final String TEMPLATE_TEXT = """
            Resources:
              Accounts:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: a.Handler
                  CodeUri: a.zip
                  Events:
                    Me:
                      Type: HttpApi
                      Properties:
                        Method: GET
                        Path: /me
                    Product:
                      Type: HttpApi
                      Properties:
                        Method: get
                        Path: /products/{productId}
                    Default:
                      Type: HttpApi
                      Properties: {}
                    Stream:
                      Type: DynamoDB
                      Properties:
                        Stream: !GetAtt Table.StreamArn
              Table:
                Type: AWS::DynamoDB::Table
            """;

    private static List<HttpRoute> templateRoutes(String yaml) {
        return TemplateFunctions.httpRoutes(IntrinsicResolver.builder(CloudFormationTemplate.parse(yaml)).build());
    }

    private static List<ApiDocument.Operation> operations(String paths) {
        return ApiDocument.parse("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n" + paths).operations();
    }

    @Test
    void templateAndDocument_shouldHaveTheSameRoutes() {
        // given
        List<HttpRoute> routes = TemplateFunctions.httpRoutes(IntrinsicResolver.builder(CloudFormationTemplate.load(TEMPLATE)).build());
        List<ApiDocument.Operation> operations = ApiDocument.load(DOCUMENT).operations();

        // when
        RouteParity parity = RouteParity.compare(routes, operations, LocalApiDocs.ROUTE_KEYS);

        // then
        assertThat(parity.differences()).as("routes of template.yaml vs operations of docs/openapi.yaml").isEmpty();
        assertThat(routes).as("the template's routes were read").hasSizeGreaterThan(20);
    }

    @Test
    void httpRoutes_shouldReadEveryHttpApiEvent_withMethodInUpperCase_andTheDefaultRoute() {
        List<HttpRoute> routes = templateRoutes(TEMPLATE_TEXT);

        assertThat(routes).extracting(HttpRoute::routeKey)
                .containsExactlyInAnyOrder("GET /me", "GET /products/{productId}", HttpRoute.DEFAULT);
    }

    @Test
    void compare_shouldMatch_whenEveryRouteIsDocumented_ignoringTheDefaultRoute() {
        RouteParity parity = RouteParity.compare(templateRoutes(TEMPLATE_TEXT), operations("""
                  /me:
                    get: {responses: {"200": {description: ok}}}
                  /products/{productId}:
                    parameters: [{name: productId, in: path, required: true, schema: {type: string}}]
                    get: {responses: {"200": {description: ok}}}
                """), Set.of());

        assertThat(parity.matches()).as("%s", parity.differences()).isTrue();
    }

    @Test
    void compare_shouldNameTheRoute_whenAFunctionRouteIsNotDocumented() {
        RouteParity parity = RouteParity.compare(templateRoutes(TEMPLATE_TEXT), operations("""
                  /me:
                    get: {responses: {"200": {description: ok}}}
                """), Set.of());

        assertThat(parity.matches()).isFalse();
        assertThat(parity.undocumented()).containsExactly("GET /products/{productId}");
        assertThat(parity.unrouted()).isEmpty();
        assertThat(parity.differences()).singleElement().asString()
                .contains("GET /products/{productId}", "does not document");
    }

    @Test
    void compare_shouldNameTheOperation_whenNoRouteServesIt_orTheMethodDiffers_orTheParameterIsNamedDifferently() {
        RouteParity parity = RouteParity.compare(templateRoutes(TEMPLATE_TEXT), operations("""
                  /me:
                    post: {responses: {"200": {description: ok}}}
                  /products/{id}:
                    get: {responses: {"200": {description: ok}}}
                  /orders:
                    get: {responses: {"200": {description: ok}}}
                """), Set.of());

        assertThat(parity.undocumented()).containsExactly("GET /me", "GET /products/{productId}");
        assertThat(parity.unrouted()).containsExactly("GET /orders", "GET /products/{id}", "POST /me");
    }

    @Test
    void compare_shouldExcludeTheLocalOnlyRoutes_andNothingElse() {
        RouteParity parity = RouteParity.compare(templateRoutes(TEMPLATE_TEXT), operations("""
                  /me:
                    get: {responses: {"200": {description: ok}}}
                  /products/{productId}:
                    get: {responses: {"200": {description: ok}}}
                  /docs:
                    get: {responses: {"200": {description: ok}}}
                  /openapi.json:
                    get: {responses: {"200": {description: ok}}}
                    post: {responses: {"200": {description: ok}}}
                """), LocalApiDocs.ROUTE_KEYS);

        assertThat(parity.undocumented()).isEmpty();
        assertThat(parity.unrouted()).containsExactly("POST /openapi.json");
    }
}
