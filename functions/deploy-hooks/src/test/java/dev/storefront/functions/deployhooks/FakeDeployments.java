package dev.storefront.functions.deployhooks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** CodeDeploy in memory: deployment groups by deployment id, and the statuses reported. */
final class FakeDeployments implements Deployments {

    record Report(String deploymentId, String executionId, boolean succeeded) {
    }

    final Map<String, String> groups = new HashMap<>();
    final List<Report> reports = new ArrayList<>();

    @Override
    public String deploymentGroup(String deploymentId) {
        String group = groups.get(deploymentId);
        if (group == null) {
            throw new IllegalArgumentException("DeploymentDoesNotExistException: " + deploymentId);
        }
        return group;
    }

    @Override
    public void report(String deploymentId, String lifecycleEventHookExecutionId, boolean succeeded) {
        reports.add(new Report(deploymentId, lifecycleEventHookExecutionId, succeeded));
    }
}
