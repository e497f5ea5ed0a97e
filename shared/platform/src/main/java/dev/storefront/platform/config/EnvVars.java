package dev.storefront.platform.config;

/** Every environment variable the functions read, in one place (template.yaml sets them). */
public final class EnvVars {

    public static final String USERS_TABLE = "STOREFRONT_USERS_TABLE";
    public static final String SESSIONS_TABLE = "STOREFRONT_SESSIONS_TABLE";
    public static final String IDEMPOTENCY_TABLE = "STOREFRONT_IDEMPOTENCY_TABLE";
    public static final String PRODUCTS_TABLE = "STOREFRONT_PRODUCTS_TABLE";
    public static final String CARTS_TABLE = "STOREFRONT_CARTS_TABLE";
    public static final String PAYMENTS_TABLE = "STOREFRONT_PAYMENTS_TABLE";
    public static final String SHIPMENTS_TABLE = "STOREFRONT_SHIPMENTS_TABLE";
    /** Secrets Manager secret: the payment webhook signing secret (at least 16 bytes). */
    public static final String PAYMENT_WEBHOOK_SECRET_ARN = "STOREFRONT_PAYMENT_WEBHOOK_SECRET_ARN";
    /** Local runs only: the payment webhook signing secret itself. */
    public static final String PAYMENT_WEBHOOK_SECRET = "STOREFRONT_PAYMENT_WEBHOOK_SECRET";
    /** The card processor: {@code simulated} (default) or {@code stripe}. */
    public static final String PAYMENT_PROVIDER = "STOREFRONT_PAYMENT_PROVIDER";
    /** Secrets Manager secret: the Stripe secret ({@code sk_...}) or restricted ({@code rk_...}) API key. */
    public static final String STRIPE_SECRET_ARN = "STOREFRONT_STRIPE_SECRET_ARN";
    /** Local runs and tests only: the Stripe API key itself (instead of {@link #STRIPE_SECRET_ARN}). */
    public static final String STRIPE_API_KEY = "STOREFRONT_STRIPE_API_KEY";
    /** Local runs and tests only: the Stripe API's base URL, e.g. a stripe-mock (default https://api.stripe.com). */
    public static final String STRIPE_API_BASE = "STOREFRONT_STRIPE_API_BASE";
    public static final String ORDERS_TABLE = "STOREFRONT_ORDERS_TABLE";
    /** Seconds an unpaid order holds its stock (default 900). */
    public static final String RESERVATION_TTL_SECONDS = "STOREFRONT_RESERVATION_TTL_SECONDS";
    /** Subtotal (minor units) from which standard shipping is free (default 5000). */
    public static final String FREE_SHIPPING_THRESHOLD = "STOREFRONT_FREE_SHIPPING_THRESHOLD";
    /** ISO 3166-1 alpha-2 country the store ships from (default US): its shipping zone is domestic. */
    public static final String STORE_COUNTRY = "STOREFRONT_STORE_COUNTRY";
    public static final String REDIS_URL = "STOREFRONT_REDIS_URL";
    public static final String REDIS_CLUSTER = "STOREFRONT_REDIS_CLUSTER";
    public static final String REDIS_AUTH_SECRET_ARN = "STOREFRONT_REDIS_AUTH_SECRET_ARN";
    public static final String JWT_ISSUER = "STOREFRONT_JWT_ISSUER";
    public static final String JWT_AUDIENCE = "STOREFRONT_JWT_AUDIENCE";
    public static final String JWT_PUBLIC_JWKS = "STOREFRONT_JWT_PUBLIC_JWKS";
    public static final String JWT_SIGNING_KEY_SECRET_ARN = "STOREFRONT_JWT_SIGNING_KEY_SECRET_ARN";
    /** Local runs only: the private signing JWK itself. */
    public static final String JWT_SIGNING_JWK = "STOREFRONT_JWT_SIGNING_JWK";
    /** Secrets Manager secret (a random string of at least 32 bytes) keying the page cursors (search, orders). */
    public static final String CURSOR_SECRET_ARN = "STOREFRONT_CURSOR_SECRET_ARN";
    /** Local runs only: the page cursor key itself. */
    public static final String CURSOR_KEY = "STOREFRONT_CURSOR_KEY";
    /** How often a search instance reads the catalog change feed at most (ms, default 1000). */
    public static final String SEARCH_SYNC_INTERVAL_MILLIS = "STOREFRONT_SEARCH_SYNC_INTERVAL_MILLIS";
    /** How often a search instance rebuilds its index from the products table anyway (s, default 3600). */
    public static final String SEARCH_FULL_REBUILD_SECONDS = "STOREFRONT_SEARCH_FULL_REBUILD_SECONDS";
    /** Lifetime of cached search answers (s, default 60; 0 switches the cache off). */
    public static final String SEARCH_RESULT_CACHE_SECONDS = "STOREFRONT_SEARCH_RESULT_CACHE_SECONDS";
    /** Most viewed products the cache warmer puts into the cache (default 100). */
    public static final String CACHE_WARM_PRODUCTS = "STOREFRONT_CACHE_WARM_PRODUCTS";
    public static final String CURRENCY = "STOREFRONT_CURRENCY";
    public static final String LOG_LEVEL = "STOREFRONT_LOG_LEVEL";
    /** Log lines: {@code json} (the default, and always in Lambda) or {@code text} (the local runner's default). */
    public static final String LOG_FORMAT = "STOREFRONT_LOG_FORMAT";
    /** With text logs: the name the lines give the function (default: {@link #FUNCTION_NAME}). */
    public static final String LOG_LABEL = "STOREFRONT_LOG_LABEL";
    /** Set by the Lambda runtime (and by {@code sam local}), never by the local runner. */
    public static final String LAMBDA_RUNTIME_API = "AWS_LAMBDA_RUNTIME_API";
    public static final String AWS_REGION = "AWS_REGION";
    /** Local runs and LocalStack: endpoint of DynamoDB (and other AWS APIs). */
    public static final String AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";
    public static final String FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";
    /** Set by Lambda: the version the instance runs ({@code $LATEST} or a number). */
    public static final String FUNCTION_VERSION = "AWS_LAMBDA_FUNCTION_VERSION";

    private EnvVars() {
    }
}
