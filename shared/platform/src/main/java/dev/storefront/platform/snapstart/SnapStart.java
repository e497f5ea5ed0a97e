package dev.storefront.platform.snapstart;

import java.security.Security;
import org.crac.Core;
import org.crac.Resource;

/**
 * How a handler takes part in Lambda SnapStart: whether this initialisation can end in a snapshot, the JVM
 * settings a snapshot needs, and registration of the handler's CRaC hooks.
 */
public final class SnapStart {

    /** Set by Lambda to {@code on-demand}, {@code provisioned-concurrency} or {@code snap-start}. */
    public static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    private SnapStart() {
    }

    /**
     * Whether this initialisation may be snapshotted: not when Lambda says it is an on-demand or provisioned
     * initialisation (then the hooks would never run, and registering them costs start-up time); yes when it says
     * {@code snap-start} and when it says nothing (local runs and tests, where registering is harmless).
     */
    public static boolean mayCheckpoint(String initializationType) {
        return !"on-demand".equals(initializationType) && !"provisioned-concurrency".equals(initializationType);
    }

    /**
     * JVM settings for an initialisation that ends in a snapshot; to be called before any logger or network use.
     * The JVM's own DNS cache is turned off, as Lambda's SnapStart guide asks ("Avoid using Java DNS cache":
     * Lambda caches DNS answers already, and addresses cached in the snapshot can be stale after a restore).
     * Only under {@code snap-start}: the property is JVM-wide, and local runs host many functions in one JVM.
     */
    public static void configureJvm(String initializationType) {
        if ("snap-start".equals(initializationType)) {
            Security.setProperty("networkaddress.cache.ttl", "0");
        }
    }

    /**
     * Registers the resource's {@code beforeCheckpoint}/{@code afterRestore} with the CRaC global context (a
     * no-op on a JVM without CRaC). The context holds resources weakly: the caller keeps the reference (a handler
     * registers itself, and Lambda holds the handler).
     */
    public static void register(Resource resource) {
        Core.getGlobalContext().register(resource);
    }
}
