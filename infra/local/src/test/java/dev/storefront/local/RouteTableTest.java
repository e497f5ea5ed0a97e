package dev.storefront.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable table = new RouteTable(List.of(
            new HttpRoute("GET", "/items/{id}", "param"),
            new HttpRoute("GET", "/items/special", "exact"),
            new HttpRoute("ANY", "/items/{proxy+}", "greedy"),
            new HttpRoute("ANY", "/orders/{id}", "any"),
            new HttpRoute("POST", "/orders/{id}", "post"),
            new HttpRoute("GET", "/", "root"),
            HttpRoute.defaultRoute("fallback")));

    private String match(String method, String path) {
        return table.match(method, path).map(m -> m.route().function()).orElse("none");
    }

    @Test
    void match_shouldPreferExactThenParamThenGreedy() {
        assertThat(match("GET", "/items/special")).isEqualTo("exact");
        assertThat(match("GET", "/items/42")).isEqualTo("param");
        assertThat(match("GET", "/items/42/parts")).isEqualTo("greedy");
        assertThat(match("DELETE", "/items/42")).isEqualTo("greedy");
    }

    @Test
    void match_shouldPreferExactMethodOverAny() {
        assertThat(match("POST", "/orders/1")).isEqualTo("post");
        assertThat(match("PUT", "/orders/1")).isEqualTo("any");
    }

    @Test
    void match_shouldCapturePathParameters_decoded() {
        RouteTable.Match param = table.match("GET", "/items/a%2Fb").orElseThrow();
        RouteTable.Match greedy = table.match("GET", "/items/a/b%20c").orElseThrow();

        assertThat(param.pathParameters()).isEqualTo(Map.of("id", "a/b"));
        assertThat(greedy.pathParameters()).isEqualTo(Map.of("proxy", "a/b c"));
    }

    @Test
    void match_shouldUseDefaultRoute_whenNothingMatches() {
        assertThat(match("GET", "/unknown")).isEqualTo("fallback");
        assertThat(match("GET", "/items")).isEqualTo("fallback");
        assertThat(match("GET", "/")).isEqualTo("root");
        assertThat(table.match("GET", "/unknown").orElseThrow().route().routeKey()).isEqualTo("$default");
    }

    @Test
    void match_shouldBeEmpty_withoutDefaultRoute() {
        RouteTable noDefault = new RouteTable(List.of(new HttpRoute("GET", "/a", "a")));

        assertThat(noDefault.match("GET", "/b")).isEmpty();
        assertThat(noDefault.match("POST", "/a")).isEmpty();
    }

    @Test
    void match_shouldSendAMethodThePathDoesNotDeclare_toTheDefaultRoute_likeAnyUnmatchedRequest() {
        // API Gateway HTTP APIs have no 405: TRACE, or any method name, on a path without that method is unmatched.
        assertThat(match("TRACE", "/items/special")).isEqualTo("greedy");
        assertThat(match("TRACE", "/")).isEqualTo("fallback");
        assertThat(match("BREW", "/items/42")).isEqualTo("greedy");
        assertThat(match("BREW", "/")).isEqualTo("fallback");
        assertThat(match("TRACE", "/orders/1")).isEqualTo("any");
        assertThat(table.match("TRACE", "/").orElseThrow().route().routeKey()).isEqualTo("$default");
    }

    @Test
    void match_shouldBeEmpty_forAMethodThePathDoesNotDeclare_withoutDefaultRoute() {
        RouteTable noDefault = new RouteTable(List.of(new HttpRoute("GET", "/a", "a"), new HttpRoute("POST", "/a", "a")));

        assertThat(noDefault.match("TRACE", "/a")).isEmpty();
        assertThat(noDefault.match("DELETE", "/a")).isEmpty();
        assertThat(noDefault.match("BREW", "/a")).isEmpty();
    }
}
