package dev.storefront.accounts;

import dev.storefront.platform.http.ApiHandler;
import dev.storefront.platform.http.RequestPipeline;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Lambda entry point of the accounts function: signup, login, refresh, logout, me and JWKS. */
public class AccountsHandler extends ApiHandler {

    @Inject
    RequestPipeline pipeline;

    public AccountsHandler() {
        super();
    }

    public AccountsHandler(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    protected RequestPipeline pipeline() {
        return pipeline;
    }
}
