package dev.storefront.functions.accounts;

import dev.storefront.auth.JwtAccessTokenIssuer;
import dev.storefront.domain.auth.PasswordHasher;
import dev.storefront.platform.http.ApiHandler;
import dev.storefront.platform.http.PrimingRequest;
import dev.storefront.platform.http.RequestPipeline;
import dev.storefront.platform.snapstart.PrimingStep;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;

/** Lambda entry point of the accounts function: signup, login, refresh, logout, me and JWKS. */
public class AccountsHandler extends ApiHandler {

    static final int PASSWORD_PRIMING_RUNS = 4;

    @Inject
    RequestPipeline pipeline;

    @Inject
    JwtAccessTokenIssuer tokens;

    @Inject
    PasswordHasher passwords;

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
     * Only a successful login signs a token, and priming never logs anybody in: sign one nobody accepts. The login
     * request primes the password check once, which leaves Argon2id's block function interpreted or in C1 code;
     * {@value #PASSWORD_PRIMING_RUNS} more runs of the same work get it compiled by C2 before the snapshot, so
     * that the first login of a restored environment does not pay for that.
     */
    @Override
    protected List<PrimingStep> primingSteps() {
        return List.of(new PrimingStep("access token signing (throwaway)", tokens::signThrowaway),
                new PrimingStep("password verification x" + PASSWORD_PRIMING_RUNS + " (compiled)", () -> {
                    for (int i = 0; i < PASSWORD_PRIMING_RUNS; i++) {
                        passwords.verifyDummy("prime-password-0000");
                    }
                }));
    }
}
