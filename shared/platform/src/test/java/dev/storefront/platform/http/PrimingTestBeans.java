package dev.storefront.platform.http;

import dev.storefront.domain.ReservedKeys;
import dev.storefront.domain.auth.InvalidTokenException;
import dev.storefront.domain.error.NotFoundException;
import dev.storefront.platform.snapstart.SnapStartHook;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Beans of {@link ApiHandlerPrimingTest}'s handler: a small pipeline and two hooks, one used, one not. */
@Factory
class PrimingTestBeans {

    /** Tokens the verifier saw; it refuses every one. */
    static final List<String> TOKENS = new CopyOnWriteArrayList<>();
    static final AtomicInteger WRITES = new AtomicInteger();

    @Singleton
    RequestPipeline primingTestPipeline() {
        Routes routes = Routes.builder()
                .get("/things/{thingId}", Access.anonymous(), request -> {
                    if (ReservedKeys.ABSENT_ID.equals(request.pathParameter("thingId"))) {
                        throw new NotFoundException("thing-not-found", "No such thing.");
                    }
                    return ApiResponse.ok(Map.of());
                })
                .get("/broken", Access.anonymous(), request -> {
                    throw new IllegalStateException("a bug in the route");
                })
                .get("/mine", Access.signedIn(), request -> ApiResponse.ok(Map.of("caller", request.caller().userId())))
                .post("/things", Access.signedIn(), Idempotency.IGNORED, request -> {
                    WRITES.incrementAndGet();
                    return ApiResponse.created(Map.of());
                })
                .build();
        Authenticator authenticator = new Authenticator(token -> {
            TOKENS.add(token);
            throw new InvalidTokenException("The access token is invalid or expired.");
        });
        return RequestPipeline.withoutIdempotency(routes, authenticator, new ErrorMapper());
    }

    @Singleton
    UsedHook usedHook() {
        return new UsedHook();
    }

    @Singleton
    UnusedHook unusedHook() {
        return new UnusedHook();
    }

    static final class UsedHook implements SnapStartHook {
        final AtomicInteger before = new AtomicInteger();
        final AtomicInteger after = new AtomicInteger();

        @Override
        public void beforeCheckpoint() {
            before.incrementAndGet();
        }

        @Override
        public void afterRestore() {
            after.incrementAndGet();
        }
    }

    static final class UnusedHook implements SnapStartHook {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Override
        public void beforeCheckpoint() {
            CALLS.incrementAndGet();
        }

        @Override
        public void afterRestore() {
            CALLS.incrementAndGet();
        }
    }
}
