package dev.storefront.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Delivers EventBridge "Scheduled Event"s (or the configured Input) to functions with {@code Schedule} /
 * {@code ScheduleV2} events: {@code rate(...)} expressions run once as the gateway starts (as right after a
 * deploy) and then at their rate; {@code cron(...)} expressions are only run on demand through {@link #trigger}.
 */
final class ScheduleRunner implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ScheduleRunner.class.getName());
    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");

    private final List<ScheduleSource> schedules;
    private final FunctionRuntime runtime;
    private final ObjectMapper mapper;
    private final String region;
    private final String accountId;
    private final ScheduledExecutorService executor;

    ScheduleRunner(List<ScheduleSource> schedules, FunctionRuntime runtime, ObjectMapper mapper, String region, String accountId) {
        this.schedules = List.copyOf(schedules);
        this.runtime = runtime;
        this.mapper = mapper;
        this.region = region;
        this.accountId = accountId;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "schedules");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        for (ScheduleSource schedule : schedules) {
            if (!schedule.enabled()) {
                continue;
            }
            Optional<Duration> rate = rate(schedule.expression());
            if (rate.isPresent()) {
                long millis = rate.get().toMillis();
                // Once at start (as right after a deploy), then at the rate.
                executor.scheduleAtFixedRate(() -> deliver(schedule), 0, millis, TimeUnit.MILLISECONDS);
            } else {
                LOG.log(System.Logger.Level.INFO, "{0}.{1}: {2} is not run automatically locally; trigger it on demand",
                        schedule.function(), schedule.eventName(), schedule.expression());
            }
        }
    }

    /** Parses {@code rate(N unit)}. */
    static Optional<Duration> rate(String expression) {
        Matcher matcher = RATE.matcher(expression.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        ChronoUnit unit = switch (matcher.group(2)) {
            case "minute", "minutes" -> ChronoUnit.MINUTES;
            case "hour", "hours" -> ChronoUnit.HOURS;
            default -> ChronoUnit.DAYS;
        };
        return Optional.of(Duration.of(amount, unit));
    }

    List<ScheduleSource> schedules() {
        return schedules;
    }

    /** Delivers one event of a schedule now and returns the function's output. */
    byte[] trigger(String function, String eventName) throws FunctionException {
        ScheduleSource schedule = schedules.stream()
                .filter(s -> s.function().equals(function) && (eventName == null || s.eventName().equals(eventName)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No schedule " + function + "." + eventName));
        return runtime.invoke(function, payload(schedule), UUID.randomUUID().toString());
    }

    private void deliver(ScheduleSource schedule) {
        try {
            runtime.invoke(schedule.function(), payload(schedule), UUID.randomUUID().toString());
        } catch (FunctionException e) {
            LOG.log(System.Logger.Level.WARNING, "{0}.{1}: scheduled invocation failed: {2}",
                    schedule.function(), schedule.eventName(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Scheduled invocation failed", e);
        }
    }

    private byte[] payload(ScheduleSource schedule) {
        if (schedule.input() != null) {
            return schedule.input().getBytes(StandardCharsets.UTF_8);
        }
        ObjectNode event = mapper.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", accountId);
        event.put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.putArray("resources").add("arn:aws:events:" + region + ":" + accountId + ":rule/"
                + schedule.function() + "-" + schedule.eventName());
        event.putObject("detail");
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
