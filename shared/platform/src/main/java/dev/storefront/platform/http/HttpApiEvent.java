package dev.storefront.platform.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The parts of an API Gateway HTTP API payload format 2.0 event that the functions use. */
@JsonIgnoreProperties(ignoreUnknown = true)
record HttpApiEvent(
        String version,
        String routeKey,
        String rawPath,
        String rawQueryString,
        List<String> cookies,
        Map<String, String> headers,
        Map<String, String> queryStringParameters,
        Map<String, String> pathParameters,
        RequestContext requestContext,
        String body,
        @JsonProperty("isBase64Encoded") boolean base64Encoded) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RequestContext(String requestId, String routeKey, Http http) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Http(String method, String path, String sourceIp) {
    }
}
