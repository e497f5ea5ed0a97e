package dev.storefront.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.slf4j.event.EventRecordingLogger;
import org.slf4j.event.Level;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.SubstituteLogger;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/** The circuit breaker, driven by a fake clock; no Redis involved (commands never touch the client). */
class ResilientRedisTest {

    private static final Duration COOL_DOWN = Duration.ofSeconds(1);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Queue<SubstituteLoggingEvent> logEvents = new ConcurrentLinkedQueue<>();
    private final AtomicInteger clientLookups = new AtomicInteger();
    private final ResilientRedis redis = new ResilientRedis(() -> {
        clientLookups.incrementAndGet();
        return (UnifiedJedis) null;
    }, COOL_DOWN, now::get, new EventRecordingLogger(new SubstituteLogger("test", logEvents, false), logEvents));

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void call_shouldReturnTheResult_whenRedisAnswers() {
        // when
        Optional<String> result = redis.call("op", jedis -> "value");

        // then
        assertThat(result).contains("value");
        assertThat(redis.isAvailable()).isTrue();
    }

    @Test
    void call_shouldReturnEmpty_whenTheCommandReturnsNull() {
        assertThat(redis.call("op", jedis -> null)).isEmpty();
    }

    @Test
    void call_shouldDegradeAndOpen_whenTheConnectionFails() {
        // when
        Optional<String> result = redis.call("op", this::failWithConnectionError);

        // then
        assertThat(result).isEmpty();
        assertThat(redis.isAvailable()).isFalse();
    }

    @Test
    void call_shouldSkipRedis_duringTheCoolDown() {
        // given
        redis.call("op", this::failWithConnectionError);

        // when
        advance(COOL_DOWN.minusMillis(1));
        Optional<String> result = redis.call("op", this::countAndAnswer);

        // then
        assertThat(result).isEmpty();
        assertThat(attempts).hasValue(1);
    }

    @Test
    void call_shouldProbeAndClose_whenTheCoolDownIsOverAndRedisIsBack() {
        // given
        redis.call("op", this::failWithConnectionError);
        advance(COOL_DOWN);

        // when
        Optional<String> probe = redis.call("op", this::countAndAnswer);
        Optional<String> next = redis.call("op", this::countAndAnswer);

        // then
        assertThat(probe).contains("value");
        assertThat(next).contains("value");
        assertThat(attempts).hasValue(3);
        assertThat(redis.isAvailable()).isTrue();
    }

    @Test
    void call_shouldStartANewCoolDown_whenTheProbeFails() {
        // given
        redis.call("op", this::failWithConnectionError);
        advance(COOL_DOWN);

        // when
        redis.call("op", this::failWithConnectionError);
        advance(COOL_DOWN.minusMillis(1));
        Optional<String> during = redis.call("op", this::countAndAnswer);
        advance(Duration.ofMillis(1));
        Optional<String> after = redis.call("op", this::countAndAnswer);

        // then
        assertThat(during).isEmpty();
        assertThat(after).contains("value");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void call_shouldLetOnlyOneCallerProbe_afterTheCoolDown() {
        // given
        redis.call("op", this::failWithConnectionError);
        advance(COOL_DOWN);
        AtomicInteger nestedAttempts = new AtomicInteger();

        // when: a second caller arrives while the probe is still running
        Optional<Optional<String>> nested = redis.call("op", jedis -> redis.call("op", j -> {
            nestedAttempts.incrementAndGet();
            return "nested";
        }));

        // then
        assertThat(nested).contains(Optional.empty());
        assertThat(nestedAttempts).hasValue(0);
    }

    @Test
    void call_shouldNotOpen_whenRedisAnswersWithACommandError() {
        // when
        Optional<String> failed = redis.call("op", jedis -> {
            throw new JedisDataException("WRONGTYPE Operation against a key holding the wrong kind of value");
        });
        Optional<String> next = redis.call("op", this::countAndAnswer);

        // then
        assertThat(failed).isEmpty();
        assertThat(next).contains("value");
        assertThat(redis.isAvailable()).isTrue();
    }

    @Test
    void call_shouldDegradeAndOpen_whenTheClientCannotBeBuilt() {
        // given
        ResilientRedis unbuildable = new ResilientRedis(() -> {
            throw new JedisConnectionException("no cluster node reachable");
        }, COOL_DOWN, now::get);

        // when
        Optional<String> result = unbuildable.call("op", this::countAndAnswer);

        // then
        assertThat(result).isEmpty();
        assertThat(unbuildable.isAvailable()).isFalse();
        assertThat(attempts).hasValue(0);
    }

    @Test
    void call_shouldNotLookUpTheClient_whileOpen() {
        // given
        redis.call("op", this::failWithConnectionError);
        int lookups = clientLookups.get();

        // when
        redis.call("op", this::countAndAnswer);

        // then
        assertThat(clientLookups).hasValue(lookups);
    }

    @Test
    void call_shouldPropagate_errorsThatAreNotRedisErrors() {
        assertThatThrownBy(() -> redis.call("op", jedis -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void run_shouldReportWhetherTheCommandRan() {
        // when
        boolean ran = redis.run("op", jedis -> attempts.incrementAndGet());
        boolean failed = redis.run("op", jedis -> {
            throw new JedisConnectionException("down");
        });
        boolean skipped = redis.run("op", jedis -> attempts.incrementAndGet());

        // then
        assertThat(ran).isTrue();
        assertThat(failed).isFalse();
        assertThat(skipped).isFalse();
        assertThat(attempts).hasValue(1);
    }

    @Test
    void log_shouldWarnOncePerOutage_withoutServerMessage_andInfoOnRecovery() {
        // given: an outage with several failed probes within the warning interval
        for (int i = 0; i < 5; i++) {
            redis.call("login-throttle.status", jedis -> {
                throw new JedisConnectionException("secret-key-name in server message");
            });
            advance(COOL_DOWN);
        }

        // when
        redis.call("login-throttle.status", this::countAndAnswer);

        // then
        assertThat(logEvents).extracting(SubstituteLoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
        SubstituteLoggingEvent warning = logEvents.peek();
        assertThat(warning.getArgumentArray()).contains("login-throttle.status", JedisConnectionException.class.getName());
        assertThat(warning.getThrowable()).isNull();
        assertThat(String.valueOf(warning.getMessage()) + java.util.Arrays.toString(warning.getArgumentArray()))
                .doesNotContain("secret-key-name");
    }

    @Test
    void log_shouldWarnAgain_afterTheWarningInterval() {
        // given
        redis.call("op", this::failWithConnectionError);

        // when
        advance(Duration.ofSeconds(ResilientRedis.WARN_INTERVAL_SECONDS));
        redis.call("op", this::failWithConnectionError);

        // then
        assertThat(logEvents).extracting(SubstituteLoggingEvent::getLevel).containsExactly(Level.WARN, Level.WARN);
    }

    private String failWithConnectionError(UnifiedJedis jedis) {
        attempts.incrementAndGet();
        throw new JedisConnectionException("connection refused");
    }

    private String countAndAnswer(UnifiedJedis jedis) {
        attempts.incrementAndGet();
        return "value";
    }

    private void advance(Duration d) {
        now.addAndGet(TimeUnit.NANOSECONDS.convert(d));
    }
}
