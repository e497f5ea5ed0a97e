package dev.storefront.platform.snapstart;

/**
 * Something built during init that must act around a SnapStart snapshot: close what must not be in the
 * snapshot before the checkpoint, re-open or renew what a restored environment needs after the restore.
 *
 * <p>Beans of this type that were created during init (those the function uses) are called by the function's
 * handler, after its priming. Both methods must be quick and must not throw for an expected outage: a failing
 * hook is logged and the next one runs.
 */
public interface SnapStartHook {

    /** Before the snapshot, after the function's priming. */
    default void beforeCheckpoint() {
    }

    /** In a restored environment, before its first request. */
    default void afterRestore() {
    }
}
