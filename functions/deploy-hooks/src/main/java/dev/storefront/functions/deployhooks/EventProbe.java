package dev.storefront.functions.deployhooks;

import java.time.Instant;

/**
 * An event for a function behind a stream or a schedule, and a check of its JSON result.
 *
 * @param description what is sent, in words
 * @param payload     the event, as JSON
 * @param result      what the function's result must satisfy
 */
public record EventProbe(String description, String payload, ResultCheck result) implements Probe {

    /** A stream batch with no records: the consumer starts, reads nothing and writes nothing. */
    public static EventProbe emptyBatch(ResultCheck result) {
        return new EventProbe("an empty stream batch {\"Records\":[]}", "{\"Records\":[]}", result);
    }

    /**
     * The event EventBridge sends on a schedule. The job runs for real: these jobs run every minute, are
     * idempotent, and their handlers ignore the event's content.
     */
    public static EventProbe scheduled(ResultCheck result) {
        return new EventProbe("a scheduled event (one run of the job)", null, result);
    }

    @Override
    public String event(String requestId, Instant now) {
        if (payload != null) {
            return payload;
        }
        var event = Results.JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", requestId);
        event.put("detail-type", "Scheduled Event");
        event.put("source", "storefront.pre-traffic-hook");
        event.put("time", now.toString());
        event.putArray("resources");
        event.putObject("detail");
        return event.toString();
    }

    @Override
    public Verdict judge(Invocation invocation, String requestId) {
        Results.Outcome outcome = Results.parse(invocation);
        if (!outcome.ok()) {
            return Verdict.failed(outcome.failure());
        }
        return result.problem(outcome.result()).map(problem -> Verdict.failed("unexpected result: " + problem))
                .orElseGet(() -> Verdict.succeeded(description));
    }
}
