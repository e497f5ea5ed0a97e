package dev.storefront.functions.deployhooks;

import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;

/** {@link Deployments} over the CodeDeploy API ({@code GetDeployment}, {@code PutLifecycleEventHookExecutionStatus}). */
final class CodeDeployDeployments implements Deployments {

    private final CodeDeployClient codeDeploy;

    CodeDeployDeployments(CodeDeployClient codeDeploy) {
        this.codeDeploy = codeDeploy;
    }

    @Override
    public String deploymentGroup(String deploymentId) {
        return codeDeploy.getDeployment(request -> request.deploymentId(deploymentId))
                .deploymentInfo().deploymentGroupName();
    }

    @Override
    public void report(String deploymentId, String lifecycleEventHookExecutionId, boolean succeeded) {
        codeDeploy.putLifecycleEventHookExecutionStatus(request -> request
                .deploymentId(deploymentId)
                .lifecycleEventHookExecutionId(lifecycleEventHookExecutionId)
                .status(succeeded ? LifecycleEventStatus.SUCCEEDED : LifecycleEventStatus.FAILED));
    }
}
