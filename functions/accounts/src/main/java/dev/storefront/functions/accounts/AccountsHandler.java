package dev.storefront.functions.accounts;

import dev.storefront.auth.JwtAccessTokenIssuer;
import dev.storefront.platform.http.ApiHandler;
import dev.storefront.platform.http.PrimingRequest;
import dev.storefront.platform.http.RequestPipeline;
import dev.storefront.platform.snapstart.PrimingStep;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;

/** Lambda entry point of the accounts function: signup, login, refresh, logout, me and JWKS. */
public class AccountsHandler extends ApiHandler {

    @Inject
    RequestPipeline pipeline;

    @Inject
    JwtAccessTokenIssuer tokens;

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

    @Override
    protected List<PrimingRequest> primingRequests() {
        return AccountsApi.primingRequests();
    }

    /**
     * Only a successful login signs a token, and priming never logs anybody in: sign one nobody accepts. (The
     * login request already runs the password check once; more runs before the snapshot were measured to gain
     * nothing, docs/benchmarks.md.)
     */
    @Override
    protected List<PrimingStep> primingSteps() {
        return List.of(new PrimingStep("access token signing (throwaway)", tokens::signThrowaway));
    }
}
