package dev.storefront.functions.deployhooks;

/** The CodeDeploy side of a pre-traffic hook: which deployment group a deployment belongs to, and the verdict. */
public interface Deployments {

    /** The name of the deployment group that runs the deployment {@code deploymentId}. */
    String deploymentGroup(String deploymentId);

    /** Tells CodeDeploy whether the lifecycle hook succeeded; a failure stops the deployment and rolls it back. */
    void report(String deploymentId, String lifecycleEventHookExecutionId, boolean succeeded);
}
