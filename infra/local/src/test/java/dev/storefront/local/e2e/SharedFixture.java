package dev.storefront.local.e2e;

import java.util.function.Supplier;

/**
 * A fixture made once per JVM, on first use, for every test class that asks for it. A failure to make it is
 * remembered and reported to every later user, so that a stack that cannot start fails each class at once instead
 * of being started again for each.
 */
final class SharedFixture<T> {

    private final Supplier<T> make;
    private T value;
    private Throwable failure;

    SharedFixture(Supplier<T> make) {
        this.make = make;
    }

    synchronized T get() {
        if (failure != null) {
            throw new IllegalStateException("the shared fixture failed to start", failure);
        }
        if (value == null) {
            try {
                value = make.get();
            } catch (RuntimeException | AssertionError e) {
                failure = e;
                throw e;
            }
        }
        return value;
    }
}
