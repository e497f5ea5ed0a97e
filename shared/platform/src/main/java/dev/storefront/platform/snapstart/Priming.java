package dev.storefront.platform.snapstart;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanRegistration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every handler does around a SnapStart snapshot, in one place: before the checkpoint, prime (run the
 * function's real request path on keys that cannot exist) and then let the {@link SnapStartHook}s close what must
 * not be snapshotted; after the restore, let them re-open it. Priming never fails the snapshot: an unexpected
 * answer is logged as a warning, because a function that primed badly still works, only slower at first.
 *
 * <p>Logs name steps and statuses only, never keys, callers or bodies.
 */
public final class Priming {

    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

    private Priming() {
    }

    /** Runs the priming, then the hooks' {@code beforeCheckpoint}; returns what priming did. */
    public static List<PrimingResult> beforeCheckpoint(String function, Supplier<List<PrimingResult>> priming,
            ApplicationContext context) {
        long started = System.nanoTime();
        List<PrimingResult> results;
        try {
            results = priming.get();
        } catch (RuntimeException e) {
            LOG.warn("SnapStart priming of {} stopped by {}", function, e.getClass().getName());
            results = List.of();
        }
        long primedNanos = System.nanoTime() - started;
        for (SnapStartHook hook : activeHooks(context)) {
            try {
                hook.beforeCheckpoint();
            } catch (RuntimeException e) {
                LOG.warn("SnapStart hook {} failed before the checkpoint ({})", hook.getClass().getSimpleName(),
                        e.getClass().getName());
            }
        }
        long unexpected = results.stream().filter(r -> !r.expected()).count();
        if (unexpected > 0) {
            LOG.warn("SnapStart priming of {}: {} of {} step(s) not as expected in {} ms: {}", function, unexpected,
                    results.size(), primedNanos / 1_000_000, results);
        } else {
            LOG.info("SnapStart priming of {}: {} step(s) in {} ms (hooks {} ms): {}", function, results.size(),
                    primedNanos / 1_000_000, (System.nanoTime() - started - primedNanos) / 1_000_000, results);
        }
        return results;
    }

    /** Runs the hooks' {@code afterRestore}, then the function's own. */
    public static void afterRestore(String function, ApplicationContext context, Runnable functionHook) {
        long started = System.nanoTime();
        for (SnapStartHook hook : activeHooks(context)) {
            try {
                hook.afterRestore();
            } catch (RuntimeException e) {
                LOG.warn("SnapStart hook {} failed after the restore ({})", hook.getClass().getSimpleName(),
                        e.getClass().getName());
            }
        }
        try {
            functionHook.run();
        } catch (RuntimeException e) {
            LOG.warn("SnapStart restore hook of {} failed ({})", function, e.getClass().getName());
        }
        LOG.info("SnapStart restore hooks of {} ran in {} ms", function, (System.nanoTime() - started) / 1_000_000);
    }

    /** Runs direct steps one after the other. */
    public static List<PrimingResult> run(List<PrimingStep> steps) {
        List<PrimingResult> results = new ArrayList<>(steps.size());
        for (PrimingStep step : steps) {
            results.add(step.run());
        }
        return results;
    }

    /** The hooks among the beans created so far: only what the function uses is closed and re-opened. */
    static List<SnapStartHook> activeHooks(ApplicationContext context) {
        List<SnapStartHook> hooks = new ArrayList<>();
        for (BeanRegistration<SnapStartHook> registration : context.getActiveBeanRegistrations(SnapStartHook.class)) {
            hooks.add(registration.bean());
        }
        return hooks;
    }
}
