package dev.storefront.functions.accounts;

import dev.storefront.domain.ReservedKeys;
import dev.storefront.domain.account.AccountService;
import dev.storefront.domain.account.TokenPair;
import dev.storefront.domain.account.User;
import dev.storefront.domain.auth.Principal;
import dev.storefront.domain.auth.Role;
import dev.storefront.platform.http.Access;
import dev.storefront.platform.http.ApiRequest;
import dev.storefront.platform.http.ApiResponse;
import dev.storefront.platform.http.Idempotency;
import dev.storefront.platform.http.PrimingRequest;
import dev.storefront.platform.http.Routes;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The accounts routes: each parses its DTO, calls the {@link AccountService} once and maps the result.
 *
 * <p>Login, refresh and logout ignore {@code Idempotency-Key}: their responses carry credentials,
 * which must never be stored or handed out twice (a replayed refresh response would defeat token
 * rotation). Signup honours it.
 */
public final class AccountsApi {

    private final AccountService accounts;
    private final String publicJwks;

    public AccountsApi(AccountService accounts, String publicJwks) {
        this.accounts = accounts;
        this.publicJwks = publicJwks;
    }

    public Routes routes() {
        return Routes.builder()
                .post("/auth/signup", Access.anonymous(), Idempotency.HONOURED, this::signup)
                .post("/auth/login", Access.anonymous(), Idempotency.IGNORED, this::login)
                .post("/auth/refresh", Access.anonymous(), Idempotency.IGNORED, this::refresh)
                .post("/auth/logout", Access.anonymous(), Idempotency.IGNORED, this::logout)
                .get("/me", Access.signedIn(), this::me)
                .get("/.well-known/jwks.json", Access.anonymous(), this::jwks)
                .build();
    }

    /**
     * What primes these routes before a SnapStart snapshot (see {@code ApiHandler}); each reads only keys no data
     * can have and writes nothing durable:
     * <ul>
     *   <li>login of {@link ReservedKeys#ABSENT_EMAIL}: the throttle's status (Redis), the email lookup (DynamoDB),
     *       Argon2id on the dummy hash, the failure count - kept for seconds only for that email - and the 401;</li>
     *   <li>refresh and logout of a token that was never issued: the session lookup (401, 204);</li>
     *   <li>signup of a body signup refuses (400) - a valid signup would create an account;</li>
     *   <li>{@code GET /me} of an absent user (404) and the JWKS.</li>
     * </ul>
     */
    static List<PrimingRequest> primingRequests() {
        Principal absentUser = new Principal(ReservedKeys.ABSENT_ID, Set.of(Role.SHOPPER));
        String absentToken = "{\"refreshToken\":\"" + ReservedKeys.ABSENT_ID + "\"}";
        return List.of(
                PrimingRequest.route("POST /auth/login").jsonBody("{\"email\":\"" + ReservedKeys.ABSENT_EMAIL
                        + "\",\"password\":\"prime-password-0000\"}").expect(401),
                PrimingRequest.route("POST /auth/refresh").jsonBody(absentToken).expect(401),
                PrimingRequest.route("POST /auth/logout").jsonBody(absentToken).expect(204),
                PrimingRequest.route("POST /auth/signup").jsonBody("{\"email\":\"" + ReservedKeys.ABSENT_EMAIL
                        + "\",\"password\":\"short\",\"name\":\"Prime\"}").expect(400),
                PrimingRequest.route("GET /me").as(absentUser).expect(404),
                PrimingRequest.route("GET /.well-known/jwks.json"));
    }

    private ApiResponse signup(ApiRequest request) {
        SignupRequest body = request.bodyAs(SignupRequest.class);
        User user = accounts.signup(body.email(), body.password(), body.name());
        return ApiResponse.created(new AccountResponse(user.userId(), user.email(), user.name(),
                user.createdAt().toString()));
    }

    private ApiResponse login(ApiRequest request) {
        LoginRequest body = request.bodyAs(LoginRequest.class);
        return tokens(accounts.login(body.email(), body.password()));
    }

    private ApiResponse refresh(ApiRequest request) {
        RefreshRequest body = request.bodyAs(RefreshRequest.class);
        return tokens(accounts.refresh(body.refreshToken()));
    }

    private ApiResponse logout(ApiRequest request) {
        RefreshRequest body = request.bodyAs(RefreshRequest.class);
        accounts.logout(body.refreshToken());
        return ApiResponse.noContent();
    }

    private ApiResponse me(ApiRequest request) {
        User user = accounts.me(request.caller());
        return ApiResponse.ok(new MeResponse(user.userId(), user.email(), user.name(),
                user.roles().stream().map(Role::wireName).sorted().toList()));
    }

    private ApiResponse jwks(ApiRequest request) {
        return new ApiResponse(200, Map.of("Content-Type", "application/jwk-set+json",
                "Cache-Control", "public, max-age=300"), publicJwks);
    }

    private static ApiResponse tokens(TokenPair pair) {
        return ApiResponse.ok(new TokenResponse(pair.accessToken(), "Bearer", pair.expiresInSeconds(),
                pair.refreshToken()));
    }
}
