package dev.storefront.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ApiReferencePageTest {

    private static final URI SERVER = URI.create("http://127.0.0.1:4321");

    private static final ApiDocument DOCUMENT = ApiDocument.parse("""
            openapi: 3.1.0
            info:
              title: Shop <API>
              version: "2"
              description: |
                Uses `Bearer` tokens.

                - one
                - two
            servers:
              - url: https://api.example.com
            tags:
              - name: Things
                description: All the **things**.
              - name: Unused
            paths:
              /things/{thingId}:
                parameters:
                  - name: thingId
                    in: path
                    required: true
                    schema: {type: string}
                get:
                  tags: [Things]
                  operationId: getThing
                  summary: One thing.
                  description: Says <script>alert(1)</script> safely.
                  security: [{bearer: []}]
                  responses:
                    "200":
                      description: The thing.
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Thing"}
                    "404":
                      description: No such thing.
              /health:
                get:
                  responses:
                    "200": {description: ok}
            components:
              schemas:
                Thing:
                  type: object
                  required: [id, price]
                  properties:
                    id: {type: string, examples: [t-1]}
                    price:
                      type: integer
                      minimum: 1
                    createdAt: {type: string, format: date-time}
                    self: {$ref: "#/components/schemas/Thing"}
            """);

    @Test
    void servedFrom_shouldNameOnlyTheGateway_andLeaveTheDocumentAlone() {
        var served = DOCUMENT.servedFrom(SERVER);

        assertThat(served.path("servers")).hasSize(1);
        assertThat(served.path("servers").path(0).path("url").asText()).isEqualTo("http://127.0.0.1:4321");
        assertThat(DOCUMENT.tree().path("servers").path(0).path("url").asText()).isEqualTo("https://api.example.com");
    }

    @Test
    void operations_shouldListEveryMethodOfEveryPath_withTheirRouteKeys() {
        assertThat(DOCUMENT.operations()).extracting(ApiDocument.Operation::routeKey)
                .containsExactly("GET /things/{thingId}", "GET /health");
        assertThat(DOCUMENT.version()).isEqualTo("3.1.0");
    }

    @Test
    void parse_shouldRefuseWhatIsNotAnOpenApiDocument() {
        assertThatThrownBy(() -> ApiDocument.parse("title: not an API")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void render_shouldGroupOperationsByTag_withPathParameters_schemaLinks_andExamples() {
        String html = ApiReferencePage.render(DOCUMENT, SERVER);

        assertThat(html).contains("<h2 class=\"tag\">Things</h2>", "<h2 class=\"tag\">Other</h2>")
                .doesNotContain(">Unused<");
        assertThat(html.indexOf("op-getThing")).isLessThan(html.indexOf("GET</span>/health"));
        assertThat(html).contains("<code>thingId</code> <span class=\"req\">required</span>");
        assertThat(html).contains("<a href=\"#schema-Thing\">Thing</a>", "id=\"schema-Thing\"");
        assertThat(html).contains("bearer token", "public");
        assertThat(html).contains("&quot;id&quot; : &quot;t-1&quot;", "&quot;createdAt&quot; : &quot;2026-11-22T10:15:30Z&quot;");
        assertThat(html).contains("<li>one</li>", "<code>Bearer</code>", "<strong>things</strong>", "at least 1");
        assertThat(html).contains("http://127.0.0.1:4321");
    }

    @Test
    void render_shouldEscapeTheDocumentsText_andLoadNothing() {
        String html = ApiReferencePage.render(DOCUMENT, SERVER);

        assertThat(html).contains("Shop &lt;API&gt;", "Says &lt;script&gt;alert(1)&lt;/script&gt; safely.");
        assertThat(html).doesNotContainPattern("(?i)<script|<link|<img|<iframe|@import|url\\(|\\ssrc=");
    }
}
