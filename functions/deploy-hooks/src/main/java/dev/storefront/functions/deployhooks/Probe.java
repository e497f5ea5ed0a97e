package dev.storefront.functions.deployhooks;

import java.time.Instant;

/**
 * One synthetic request to a new function version and what its answer must look like. Probes only read: a
 * request without credentials, a lookup of something that does not exist, an empty batch, or a run of a job
 * that the schedule repeats every minute anyway.
 */
public sealed interface Probe permits HttpProbe, EventProbe {

    /** What is sent, for the hook's log and the test names. */
    String description();

    /** The event, as JSON. */
    String event(String requestId, Instant now);

    /** Whether the answer shows a healthy version. */
    Verdict judge(Invocation invocation, String requestId);
}
