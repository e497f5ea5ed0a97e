package dev.storefront.functions.deployhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Results of invoked functions, as Lambda returns them to the hook. */
final class Responses {

    private Responses() {
    }

    /** An API function's payload-2.0 result, run successfully (Lambda status 200, no function error). */
    static Invocation http(int status, Map<String, String> headers, String body) {
        ObjectNode result = Results.JSON.createObjectNode();
        result.put("statusCode", status);
        ObjectNode headerNode = result.putObject("headers");
        headers.forEach(headerNode::put);
        result.put("body", body);
        result.put("isBase64Encoded", false);
        return new Invocation(200, null, result.toString());
    }

    /** The 401 a storefront function answers to an anonymous request for a shopper's data. */
    static Invocation unauthorized(String requestId) {
        return http(401, Map.of("Content-Type", "application/problem+json", "X-Request-Id", requestId,
                        "WWW-Authenticate", "Bearer realm=\"storefront\""),
                problem(401, requestId));
    }

    static String problem(int status, String requestId) {
        return "{\"type\":\"https://storefront.example/problems/x\",\"title\":\"t\",\"status\":" + status
                + ",\"detail\":\"d\",\"instance\":\"/x\",\"requestId\":\"" + requestId + "\"}";
    }

    static Invocation json(String requestId, int status, String body) {
        return http(status, Map.of("Content-Type", "application/json", "X-Request-Id", requestId), body);
    }

    /** A stream or schedule function's result. */
    static Invocation result(String json) {
        return new Invocation(200, null, json);
    }
}
