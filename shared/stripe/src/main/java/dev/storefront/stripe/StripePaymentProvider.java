package dev.storefront.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.storefront.domain.Money;
import dev.storefront.domain.payment.PaymentProvider;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Stripe as the {@link PaymentProvider}: a PaymentIntent created and confirmed in one call per capture, a Refund
 * per refund, over Stripe's REST API with the JDK's {@link HttpClient} (no Stripe SDK, no other HTTP client).
 *
 * <p>A module of its own, like {@code storefront-dynamodb} for the repositories: an adapter of a domain port that
 * needs neither AWS nor Micronaut, so {@code storefront-runtime} only chooses and wires it, and its tests (an
 * in-process HTTP server, and stripe-mock) stay out of the runtime module.
 *
 * <p>Every request is form-encoded with {@code Authorization: Bearer <secret key>}, {@code Stripe-Version}
 * pinned to {@value #API_VERSION} and {@code Idempotency-Key} set to the caller's key, so a call repeated after a
 * timeout returns Stripe's first answer instead of charging or refunding twice. Outcomes:
 *
 * <ul>
 *   <li>PaymentIntent {@code succeeded}: captured, with the PaymentIntent's id as the provider payment id (the
 *       id refunds and webhook events name);</li>
 *   <li>402 {@code card_error}: declined with its {@code decline_code}, else its {@code code};
 *       {@code requires_action} (3-D Secure, which a server-side confirmation cannot complete): declined with
 *       {@code authentication_required}; other final states: declined with {@code payment_intent_<status>};
 *       a payment method Stripe does not know: declined with {@code invalid_token};</li>
 *   <li>no answer (connection failure, timeout), 409 (a request with the same key is in flight), 429, 5xx, and a
 *       PaymentIntent still {@code processing}: {@link ProviderUnavailableException} - the outcome is unknown,
 *       a retry with the same key is safe, and the webhook reports it once known;</li>
 *   <li>any other 4xx (bad key, invalid request): {@link IllegalStateException} naming the status, Stripe's
 *       error type, code, parameter and request id - never Stripe's message, which can quote the key or the
 *       token.</li>
 * </ul>
 *
 * <p>Neither the secret key nor a payment token is ever logged or put into an exception.
 */
public final class StripePaymentProvider implements PaymentProvider {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.stripe.com");
    /**
     * The API version every request asks for: the version of the OpenAPI specification that stripe-mock v0.203.0
     * validates against (its {@code -strict-version-check} refuses any other), so the request shapes tested there
     * are the ones Stripe receives.
     */
    public static final String API_VERSION = "2026-08-26.dahlia";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRET_KEY = Pattern.compile("(sk|rk)_[A-Za-z0-9_]{1,250}");
    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,100}");
    /** Parameters carrying the payment method: an error naming one of them means the shopper's token is bad. */
    private static final Set<String> PAYMENT_METHOD_PARAMS = Set.of("payment_method", "card", "card[token]", "token");
    private static final Set<String> TOKEN_ERROR_CODES = Set.of("token_already_used", "token_in_use");

    private final String secretKey;
    private final String baseUrl;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final HttpClient http;

    /** Against {@link #DEFAULT_BASE_URL} with the default timeouts. */
    public StripePaymentProvider(String secretKey) {
        this(secretKey, DEFAULT_BASE_URL, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /**
     * @param secretKey a secret ({@code sk_...}) or restricted ({@code rk_...}) API key
     * @param baseUrl where the API is, e.g. {@link #DEFAULT_BASE_URL} or a stripe-mock on loopback
     * @param connectTimeout longest wait for a connection
     * @param requestTimeout longest wait for a whole answer, after which the outcome is unknown
     */
    public StripePaymentProvider(String secretKey, URI baseUrl, Duration connectTimeout, Duration requestTimeout) {
        Objects.requireNonNull(secretKey, "secretKey");
        if (!SECRET_KEY.matcher(secretKey).matches()) {
            // The key itself stays out of the message.
            throw new IllegalArgumentException(
                    "the Stripe API key must be a secret key sk_... or a restricted key rk_...");
        }
        String scheme = Objects.requireNonNull(baseUrl, "baseUrl").getScheme();
        if (!("https".equals(scheme) || "http".equals(scheme)) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("the Stripe base URL must be an http(s) URL: " + baseUrl);
        }
        this.secretKey = secretKey;
        this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
        this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
        this.requestTimeout = requirePositive(requestTimeout, "requestTimeout");
        // HTTP/1.1: one small request per call, as Stripe's own Java library sends them.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(this.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public Charge capture(String idempotencyKey, Money amount, String token, String orderId, String paymentId) {
        String paymentMethod = token;
        if (token.startsWith("tok_")) {
            Response created = post("/v1/payment_methods", idempotencyKey + "-payment-method",
                    paymentMethodFromToken(token));
            if (created.status() != 200) {
                return declinedOrThrow(created, "creating the payment method of payment " + paymentId);
            }
            paymentMethod = requireId(created.body(), "pm_", created);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("amount", Long.toString(amount.amount()));
        form.put("currency", amount.currency().toLowerCase(Locale.ROOT));
        form.put("confirm", "true");
        form.put("payment_method", paymentMethod);
        // Cards only, and no redirect-based method: a confirmation without return_url needs one or the other
        // (automatic_payment_methods, the default otherwise, would ask for a return_url).
        form.put("payment_method_types[0]", "card");
        // A card that asks for 3-D Secure fails the attempt at once (a decline) instead of leaving a PaymentIntent
        // in requires_action that nobody could complete: its client secret never reaches a browser here.
        form.put("error_on_requires_action", "true");
        form.put("metadata[orderId]", orderId);
        if (paymentId != null) {
            form.put("metadata[paymentId]", paymentId);
        }
        Response response = post("/v1/payment_intents", idempotencyKey, form);
        if (response.status() != 200) {
            return declinedOrThrow(response, "capturing payment " + paymentId);
        }
        JsonNode intent = response.body();
        String status = intent.path("status").asText("");
        return switch (status) {
            case "succeeded" -> Charge.captured(requireId(intent, "pi_", response));
            case "processing" -> throw new ProviderUnavailableException("Stripe is still processing PaymentIntent "
                    + intent.path("id").asText() + " of payment " + paymentId
                    + "; its outcome arrives by webhook" + response.requestIdSuffix(), null);
            case "requires_action" -> Charge.declined("authentication_required");
            default -> Charge.declined(code(intent.path("last_payment_error"), "payment_intent_" + code(status)));
        };
    }

    @Override
    public String refund(String idempotencyKey, String providerPaymentId, Money amount) {
        if (providerPaymentId == null || !providerPaymentId.startsWith("pi_")) {
            throw new IllegalStateException("payment " + providerPaymentId + " is not a Stripe PaymentIntent: it was "
                    + "made with another provider and must be refunded there");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("payment_intent", providerPaymentId);
        form.put("amount", Long.toString(amount.amount()));
        Response response = post("/v1/refunds", idempotencyKey, form);
        if (response.status() != 200) {
            throw failure(response, "refunding " + providerPaymentId);
        }
        String status = response.body().path("status").asText("");
        if (status.equals("failed") || status.equals("canceled")) {
            throw new IllegalStateException("Stripe refund " + response.body().path("id").asText() + " of "
                    + providerPaymentId + " is " + status + " (" + response.body().path("failure_reason").asText("")
                    + ")" + response.requestIdSuffix());
        }
        return requireId(response.body(), "re_", response);
    }

    /**
     * Stripe API reference, "Create a PaymentMethod", parameter {@code card}: "For backwards compatibility, you can
     * alternatively provide a Stripe token (e.g., for Apple Pay, Amex Express Checkout, or legacy Checkout) into
     * the card hash with format {@code card: {token: "tok_visa"}}". The same hash inside a PaymentIntent's
     * {@code payment_method_data} is not in Stripe's public OpenAPI specification ({@code payment_method_data[type]}
     * does not list {@code card}) and stripe-mock refuses it, so a token becomes a PaymentMethod first. PaymentMethod
     * ids ({@code pm_...}, what Stripe.js and the mobile SDKs produce) go to the PaymentIntent directly.
     */
    private static Map<String, String> paymentMethodFromToken(String token) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "card");
        form.put("card[token]", token);
        return form;
    }

    /** A 4xx that is the card's or the token's fault is a decline; anything else is {@link #failure}. */
    private static Charge declinedOrThrow(Response response, String operation) {
        JsonNode error = response.error();
        String type = error.path("type").asText("");
        if (response.status() == 402 && type.equals("card_error")) {
            return Charge.declined(code(error, "card_declined"));
        }
        if ((response.status() == 400 || response.status() == 404) && type.equals("invalid_request_error")
                && (PAYMENT_METHOD_PARAMS.contains(error.path("param").asText(""))
                        || TOKEN_ERROR_CODES.contains(error.path("code").asText("")))) {
            return Charge.declined("invalid_token");
        }
        throw failure(response, operation);
    }

    private static RuntimeException failure(Response response, String operation) {
        int status = response.status();
        JsonNode error = response.error();
        String detail = "Stripe answered " + status + " " + error.path("type").asText("(no error type)")
                + field(error, "code") + field(error, "decline_code") + field(error, "param") + " when "
                + operation + response.requestIdSuffix();
        // idempotency_error: the key was first used with other parameters (an attempt resumed with another card).
        // The first call's outcome is unknown to us: never charge again under a new key - the payment stays
        // pending, and the provider's webhook completes or refunds it.
        if (status == 409 || status == 429 || status >= 500 || error.path("type").asText("").equals("idempotency_error")) {
            return new ProviderUnavailableException(detail, null);
        }
        return new IllegalStateException(detail);
    }

    private Response post(String path, String idempotencyKey, Map<String, String> form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + secretKey)
                .header("Stripe-Version", API_VERSION)
                .header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        // The request timeout of HttpRequest ends at the response headers; this deadline covers the body too.
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            response = call.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw noAnswer(path, "did not answer within " + requestTimeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw noAnswer(path, "call was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpConnectTimeoutException timeout) {
                throw noAnswer(path, "could not be reached within " + connectTimeout.toMillis() + " ms", timeout);
            }
            if (e.getCause() instanceof HttpTimeoutException timeout) {
                throw noAnswer(path, "did not answer within " + requestTimeout.toMillis() + " ms", timeout);
            }
            if (e.getCause() instanceof IOException io) {
                throw noAnswer(path, "could not be reached (" + io.getClass().getSimpleName() + ")", io);
            }
            throw new IllegalStateException("calling Stripe failed: POST " + path, e.getCause());
        }
        return new Response(response.statusCode(), parse(response.body()),
                response.headers().firstValue("Request-Id").orElse(null));
    }

    private static ProviderUnavailableException noAnswer(String path, String what, Throwable cause) {
        return new ProviderUnavailableException("Stripe " + what + ": POST " + path, cause);
    }

    private static String encode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((key, value) -> {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return body.toString();
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance(); // e.g. an HTML error page of a proxy: the status says enough
        }
    }

    private static String requireId(JsonNode object, String prefix, Response response) {
        String id = object.path("id").asText("");
        if (!id.startsWith(prefix)) {
            throw new IllegalStateException("Stripe answered without a " + prefix + " id" + response.requestIdSuffix());
        }
        return id;
    }

    /** A Stripe error's {@code decline_code}, else its {@code code}, else {@code fallback}. */
    private static String code(JsonNode error, String fallback) {
        for (String field : new String[] {"decline_code", "code"}) {
            String value = error.path(field).asText("");
            if (CODE.matcher(value).matches()) {
                return value;
            }
        }
        return fallback;
    }

    private static String code(String status) {
        return CODE.matcher(status).matches() ? status : "unknown";
    }

    private static String field(JsonNode error, String name) {
        String value = error.path(name).asText("");
        // Codes and parameter names only: bounded and printable, never a value the caller sent.
        return value.isEmpty() ? "" : " " + name + "=" + (value.length() > 100 || !value.matches("[\\x21-\\x7e]+")
                ? "(unprintable)" : value);
    }

    private static Duration requirePositive(Duration duration, String name) {
        if (Objects.requireNonNull(duration, name).isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return duration;
    }

    private record Response(int status, JsonNode body, String requestId) {

        JsonNode error() {
            return body.path("error");
        }

        String requestIdSuffix() {
            return requestId == null ? "" : " (Stripe request " + requestId + ")";
        }
    }
}
