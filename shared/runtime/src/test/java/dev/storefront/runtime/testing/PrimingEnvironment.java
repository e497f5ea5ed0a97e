package dev.storefront.runtime.testing;

import com.nimbusds.jose.jwk.ECKey;
import dev.storefront.auth.SigningKeys;
import dev.storefront.localcloud.FunctionTestEnvironment;
import dev.storefront.localcloud.RedisServer;
import dev.storefront.localcloud.StoreSnapshot;
import dev.storefront.platform.snapstart.PrimingResult;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every function's SnapStart priming test ({@code *PrimingIT}) shares, as a JUnit extension: a
 * {@link FunctionTestEnvironment} (moto with the template's tables, a real Redis) started before the test
 * class and closed after it, with the function's variables plus the access-token settings every function verifies
 * with; and {@link #prime}, which runs a handler's priming between two {@link StoreSnapshot}s, so that the test can
 * state what the priming answered and what it left behind. CRaC cannot checkpoint a normal JDK: {@code prime()} is
 * what the handlers' {@code beforeCheckpoint} runs.
 *
 * <p>A test registers it on a static field, {@code @RegisterExtension static final PrimingEnvironment environment =
 * PrimingEnvironment.of(Map.of("STOREFRONT_CARTS_TABLE", "CartsTable", ...))}, from a module under
 * {@code functions/} (whose template is {@code ../../template.yaml}).
 */
public final class PrimingEnvironment implements BeforeAllCallback, AfterAllCallback {

    private static final Path TEMPLATE = Path.of("../../template.yaml");

    private final Map<String, String> variables;
    private FunctionTestEnvironment environment;

    private PrimingEnvironment(Map<String, String> variables) {
        this.variables = variables;
    }

    /** The function's own variables (tables, currency...), with a new key's public JWK Set to verify tokens. */
    public static PrimingEnvironment of(Map<String, String> variables) {
        return of(SigningKeys.generate(), variables);
    }

    /** As {@link #of(Map)}, verifying with this key's public JWK Set (for a function that also signs with it). */
    public static PrimingEnvironment of(ECKey signingKey, Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(variables);
        all.put("STOREFRONT_JWT_ISSUER", "https://storefront.test/auth");
        all.put("STOREFRONT_JWT_AUDIENCE", "storefront-api");
        all.put("STOREFRONT_JWT_PUBLIC_JWKS", SigningKeys.publicJwkSetJson(signingKey));
        return new PrimingEnvironment(Map.copyOf(all));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        environment = FunctionTestEnvironment.start(TEMPLATE, context.getRequiredTestClass(), variables);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (environment != null) {
            environment.close();
            environment = null;
        }
    }

    /** The Redis server, for a test that works on it directly (stops and restarts it...). */
    public RedisServer redis() {
        return environment.redis();
    }

    /** Both stores as they are now. */
    public StoreSnapshot snapshot() {
        return StoreSnapshot.of(environment);
    }

    /**
     * Runs the priming between two snapshots of both stores. Build the handler before: its init is not priming,
     * and what init writes must not count as written by the priming.
     */
    public Primed prime(Supplier<List<PrimingResult>> priming) {
        StoreSnapshot before = snapshot();
        List<PrimingResult> results = priming.get();
        return new Primed(results, before, snapshot());
    }

    /** What a priming answered, and the stores just before and just after it. */
    public record Primed(List<PrimingResult> results, StoreSnapshot before, StoreSnapshot after) {

        /** Items the priming added, changed or removed (see {@link StoreSnapshot#itemChangesSince}). */
        public List<String> itemChanges() {
            return after.itemChangesSince(before);
        }

        /** Redis keys the priming added, with their PTTL in milliseconds. */
        public Map<String, Long> redisKeysAdded() {
            return after.redisKeysAddedSince(before);
        }
    }
}
