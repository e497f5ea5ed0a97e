package dev.storefront.functions.deployhooks;

/**
 * A function whose deployments the hook checks.
 *
 * @param function        the hook's name for it, e.g. {@code SHIPMENT_CREATOR} (its probe's key)
 * @param deploymentGroup the CodeDeploy deployment group that shifts its {@code live} alias
 * @param version         the function's name qualified with the version being deployed, e.g.
 *                        {@code storefront-cart:7}
 */
public record Target(String function, String deploymentGroup, String version) {
}
