package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Shop.PASSWORD;
import static dev.storefront.local.e2e.Shop.assertProblem;
import static dev.storefront.local.e2e.Shop.await;
import static dev.storefront.local.e2e.Shop.productBody;
import static dev.storefront.local.e2e.Shop.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.local.e2e.Http.Response;
import dev.storefront.local.e2e.Shop.Account;
import dev.storefront.localcloud.RedisServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The shop while its cache (Redis) is stopped, and after it restarts empty: accounts and the catalog keep
 * answering, the throttle and the product cache work again, the cache warmer refills the favourites.
 *
 * <p>On a stack of its own, not the shared one: after a restart every function instance trips once over a pooled
 * connection to the old server before it reconnects, which a test of cache hits in another class would take for
 * a defect; and the warmer also runs on its own as a stack starts and then every minute ({@code rate(1 minute)}),
 * so the test that needs to be the one that warms runs within the first minute of its stack.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CacheOutageE2EIT {

    private static Stack stack;

    @BeforeAll
    static void startAStackOfItsOwn() {
        stack = Stack.start(Map.of());
    }

    @AfterAll
    static void stopIt() {
        if (stack != null) {
            stack.close();
        }
    }

    /** First, so that it runs long before the warmer's first scheduled run after the stack's start. */
    @Test
    @Order(1)
    void cacheWarmer_shouldCacheTheMostViewedProducts_afterTheCacheLostEverything() {
        // given: a product shoppers look at, one nobody looks at, and a warmer run that saved the favourites
        String viewed = stack.createProduct(1999, 12, "Desk lamp");
        String ignored = stack.createProduct(1999, 12, "Desk lamp");
        for (int i = 0; i < 5; i++) {
            assertThat(stack.http().get("/products/" + viewed).status()).isEqualTo(200);
        }
        stack.runSchedule("CacheWarmerFunction");

        // when: the cache restarts empty (no persistence), then the scheduled warmer runs
        stack.storefront().redis().stop();
        stack.storefront().redis().start();
        // The warmer's first command may find its old connection broken and skip the cache for a second,
        // reporting "not warmed"; the schedule runs it again (here: until warmed, for at most 15 s).
        JsonNode outcome = await(Duration.ofSeconds(15), () -> stack.runSchedule("CacheWarmerFunction"),
                run -> run.path("warmed").asBoolean());

        // then: the favourite is served from the cache before anyone asked for it, the other one is not
        assertThat(outcome.path("warmed").asBoolean()).as("%s", outcome).isTrue();
        assertThat(outcome.path("productsCached").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(stack.cached(viewed)).as("the favourite is cached before anyone asked").isTrue();
        assertThat(stack.cached(ignored)).as("a product nobody viewed is not").isFalse();

        // and: the next run finds the cache warm and leaves it alone
        JsonNode again = stack.runSchedule("CacheWarmerFunction");
        assertThat(again.path("warmed").asBoolean()).isFalse();
    }

    @Test
    @Order(2)
    void catalog_shouldKeepAnswering_whileRedisIsStopped_andUseTheCacheAgain_afterARestart() {
        // given
        String id = stack.createProduct(1999, 12, "Desk lamp");
        stack.http().get("/products/" + id);

        try {
            // when
            stack.storefront().redis().stop();

            // then
            for (int i = 0; i < 3; i++) {
                Response read = stack.http().get("/products/" + id);
                assertThat(read.status()).isEqualTo(200);
                assertThat(read.field("productId")).isEqualTo(id);
            }
            Response created = stack.postProduct(productBody("Desk lamp", 1999, 12, 850));
            assertThat(created.status()).isEqualTo(201);
            assertThat(stack.http().get("/products/" + created.field("productId")).status()).isEqualTo(200);
            Response stock = stack.setStock(id, 3);
            assertThat(stock.status()).isEqualTo(200);
            assertThat(stack.http().get("/products/" + id).json().path("stock").path("available").asInt()).isEqualTo(3);
        } finally {
            stack.storefront().redis().start();
        }

        // then: after the restart, reads are cached again
        String later = stack.createProduct(1999, 12, "Desk lamp");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        stack.http().get("/products/" + later);
        while (!stack.cached(later)) {
            assertThat(System.nanoTime()).as("cache in use again within 15 s").isLessThan(deadline);
            later = stack.createProduct(1999, 12, "Desk lamp");
            stack.http().get("/products/" + later);
        }
    }

    @Test
    @Order(3)
    void accounts_shouldKeepWorking_whenTheCacheIsDown_andThrottleAgainWhenItIsBack() {
        Account account = stack.newAccount();
        RedisServer redis = stack.storefront().redis();
        redis.stop();
        try {
            String email = uniqueEmail("outage");
            Response signup = stack.signup(email, PASSWORD, "During Outage");
            Response login = stack.login(account.email(), PASSWORD);
            int statusAfterFiveFailures = loginAfterFiveFailures(account);

            assertThat(signup.status()).isEqualTo(201);
            assertThat(login.status()).isEqualTo(200);
            assertThat(statusAfterFiveFailures).as("without the cache the throttle is open").isEqualTo(200);
        } finally {
            if (!redis.isRunning()) {
                redis.start();
            }
        }

        int recovered = await(Duration.ofSeconds(20), () -> loginAfterFiveFailures(account), status -> status == 429);

        assertThat(recovered).as("the throttle works again once the cache is back").isEqualTo(429);
    }

    /** Five wrong passwords, then the right one: the status of that last attempt. */
    private static int loginAfterFiveFailures(Account account) {
        for (int i = 0; i < 5; i++) {
            Response failure = stack.login(account.email(), "wrong password " + i);
            if (failure.status() == 429) {
                return 429;
            }
            assertProblem(failure, 401);
        }
        return stack.login(account.email(), PASSWORD).status();
    }
}
