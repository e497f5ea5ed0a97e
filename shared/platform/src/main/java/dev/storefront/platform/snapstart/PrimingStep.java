package dev.storefront.platform.snapstart;

import java.util.Objects;

/**
 * A priming step that calls a service or repository directly, for paths no synthetic request can take (event
 * functions, whose real work writes). It must only read keys that cannot exist
 * ({@link dev.storefront.domain.ReservedKeys}); it throws when the outcome is not the expected one.
 *
 * @param name   for the log, e.g. {@code order read (absent id)}
 * @param action the read; returns normally when the outcome is the expected one
 */
public record PrimingStep(String name, Runnable action) {

    public PrimingStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
    }

    /** A step whose expected outcome is the given exception (e.g. a not-found of an absent key). */
    public static PrimingStep expecting(String name, Class<? extends RuntimeException> expected, Runnable action) {
        return new PrimingStep(name, () -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                if (expected.isInstance(e)) {
                    return;
                }
                throw e;
            }
            throw new IllegalStateException("expected " + expected.getSimpleName());
        });
    }

    /** Runs the step; never throws. */
    public PrimingResult run() {
        long started = System.nanoTime();
        String outcome;
        boolean expected;
        try {
            action.run();
            outcome = "ok";
            expected = true;
        } catch (RuntimeException e) {
            outcome = e.getClass().getSimpleName();
            expected = false;
        }
        return new PrimingResult(name, outcome, expected, (System.nanoTime() - started) / 1_000_000);
    }
}
