package dev.storefront.functions.deployhooks;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The hook's decision: find the function a deployment deploys, send its probe to the new version, judge the
 * answer, and report the verdict to CodeDeploy - always, also when something on the way fails, so that a broken
 * check fails the deployment at once instead of leaving it waiting for the hook's timeout.
 */
public final class PreTrafficCheck {

    private final Deployments deployments;
    private final FunctionInvoker invoker;
    private final Supplier<Targets> targets;
    private final Clock clock;

    /**
     * @param targets read when a deployment is checked, so that a malformed hook environment fails that deployment
     *     (with the reason) instead of the hook's start, which CodeDeploy would only notice at its timeout
     */
    public PreTrafficCheck(Deployments deployments, FunctionInvoker invoker, Supplier<Targets> targets, Clock clock) {
        this.deployments = Objects.requireNonNull(deployments, "deployments");
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Checks the deployment's new version and reports the verdict; returns it too. */
    public Verdict run(String deploymentId, String lifecycleEventHookExecutionId) {
        Verdict verdict;
        try {
            verdict = check(deploymentId);
        } catch (RuntimeException e) {
            verdict = Verdict.failed("the check could not run: " + e);
        }
        deployments.report(deploymentId, lifecycleEventHookExecutionId, verdict.succeeded());
        return verdict;
    }

    private Verdict check(String deploymentId) {
        Targets known = targets.get();
        String group = deployments.deploymentGroup(deploymentId);
        Target target = known.forDeploymentGroup(group).orElse(null);
        if (target == null) {
            return Verdict.failed("deployment group " + group + " is not one the hook knows (" + known.size()
                    + " known): add its STOREFRONT_PRE_TRAFFIC_ variable to the hook");
        }
        Probe probe = Probes.forFunction(target.function()).orElse(null);
        if (probe == null) {
            return Verdict.failed("no probe for function " + target.function());
        }
        String requestId = "pre-traffic-" + deploymentId;
        Invocation invocation = invoker.invoke(target.version(), probe.event(requestId, clock.instant()));
        Verdict verdict = probe.judge(invocation, requestId);
        String subject = target.function() + " " + target.version() + ": ";
        return new Verdict(verdict.succeeded(), subject + verdict.reason());
    }
}
