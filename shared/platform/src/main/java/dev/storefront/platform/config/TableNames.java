package dev.storefront.platform.config;

import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The DynamoDB table names ({@code STOREFRONT_<NAME>_TABLE}; template.yaml sets those a function uses). Each
 * accessor fails naming its variable when the table is not configured, so a function fails its init when it wires
 * a table it was not given.
 */
@ConfigurationProperties("storefront")
public final class TableNames {

    private final String users;
    private final String sessions;
    private final String idempotency;
    private final String products;
    private final String carts;
    private final String orders;
    private final String payments;
    private final String shipments;

    @ConfigurationInject
    public TableNames(@Nullable String usersTable, @Nullable String sessionsTable, @Nullable String idempotencyTable,
            @Nullable String productsTable, @Nullable String cartsTable, @Nullable String ordersTable,
            @Nullable String paymentsTable, @Nullable String shipmentsTable) {
        this.users = usersTable;
        this.sessions = sessionsTable;
        this.idempotency = idempotencyTable;
        this.products = productsTable;
        this.carts = cartsTable;
        this.orders = ordersTable;
        this.payments = paymentsTable;
        this.shipments = shipmentsTable;
    }

    public String users() {
        return Setting.required(users, EnvVars.USERS_TABLE);
    }

    public String sessions() {
        return Setting.required(sessions, EnvVars.SESSIONS_TABLE);
    }

    public String idempotency() {
        return Setting.required(idempotency, EnvVars.IDEMPOTENCY_TABLE);
    }

    public String products() {
        return Setting.required(products, EnvVars.PRODUCTS_TABLE);
    }

    public String carts() {
        return Setting.required(carts, EnvVars.CARTS_TABLE);
    }

    public String orders() {
        return Setting.required(orders, EnvVars.ORDERS_TABLE);
    }

    public String payments() {
        return Setting.required(payments, EnvVars.PAYMENTS_TABLE);
    }

    public String shipments() {
        return Setting.required(shipments, EnvVars.SHIPMENTS_TABLE);
    }
}
