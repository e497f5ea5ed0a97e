package dev.storefront.functions.deployhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The functions the hook checks, read from its environment: one variable per function,
 * {@code STOREFRONT_PRE_TRAFFIC_<FUNCTION>=<deployment group name> <function name>:<version>}. The template sets
 * them from the function's {@code <Function>DeploymentGroup} and {@code <Function>.Version}, so that CloudFormation
 * updates the hook (with the new version) before it updates the alias whose deployment calls the hook. Names, not
 * ARNs: the hook's environment (4 KB in all) also carries the variables every function gets from the Globals.
 */
public final class Targets {

    /** Prefix of the variables; the rest of the name is the function's key, e.g. {@code CART}. */
    public static final String PREFIX = "STOREFRONT_PRE_TRAFFIC_";

    private static final Pattern QUALIFIED = Pattern.compile("[^\\s:]+:[0-9]+");

    private final Map<String, Target> byDeploymentGroup;

    private Targets(Map<String, Target> byDeploymentGroup) {
        this.byDeploymentGroup = Map.copyOf(byDeploymentGroup);
    }

    /**
     * Reads the targets from environment variables; other variables are ignored.
     *
     * @throws IllegalArgumentException naming the variable whose value is not "group function:version"
     */
    public static Targets fromEnvironment(Map<String, String> variables) {
        Map<String, Target> targets = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            if (!name.startsWith(PREFIX)) {
                return;
            }
            String[] parts = value.strip().split("\\s+");
            if (parts.length != 2 || !QUALIFIED.matcher(parts[1]).matches()) {
                throw new IllegalArgumentException(name + " must be \"<deployment group> <function>:<version>\" but is \""
                        + value + "\"");
            }
            targets.put(parts[0], new Target(name.substring(PREFIX.length()), parts[0], parts[1]));
        });
        return new Targets(targets);
    }

    /** The function that the deployment group deploys. */
    public Optional<Target> forDeploymentGroup(String deploymentGroup) {
        return Optional.ofNullable(byDeploymentGroup.get(deploymentGroup));
    }

    public int size() {
        return byDeploymentGroup.size();
    }
}
