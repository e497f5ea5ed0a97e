package dev.storefront.localcloud;

import java.util.Locale;
import java.util.Optional;

/**
 * Local values for common {@code Fn::GetAtt} attributes: cache endpoints point at the local Redis on
 * 127.0.0.1, {@code Arn}/{@code StreamArn} are well-formed fake ARNs, {@code Name} is the logical id.
 */
public final class LocalAttributes implements AttributeProvider {

    private final String region;
    private final String accountId;
    private final int redisPort;

    /**
     * @param redisPort the port the local Redis listens on (reported as every cache endpoint's port)
     */
    public LocalAttributes(String region, String accountId, int redisPort) {
        this.region = region;
        this.accountId = accountId;
        this.redisPort = redisPort;
    }

    @Override
    public Optional<Object> attribute(CloudFormationTemplate.Resource resource, String attribute) {
        String id = resource.logicalId();
        if (attribute.endsWith("Endpoint.Address") || attribute.equals("RedisEndpoint.Address")) {
            return Optional.of("127.0.0.1");
        }
        if (attribute.endsWith("Endpoint.Port") || attribute.equals("RedisEndpoint.Port")) {
            return Optional.of(String.valueOf(redisPort));
        }
        if (resource.type().equals("AWS::DynamoDB::Table")) {
            String table = "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + id;
            return switch (attribute) {
                case "Arn" -> Optional.of(table);
                case "StreamArn" -> Optional.of(table + "/stream/local");
                default -> Optional.empty();
            };
        }
        if (attribute.equals("Arn")) {
            String[] type = resource.type().split("::");
            String service = type.length > 1 ? type[1].toLowerCase(Locale.ROOT) : "unknown";
            return Optional.of("arn:aws:" + service + ":" + region + ":" + accountId + ":" + id);
        }
        if (attribute.equals("Name")) {
            return Optional.of(id);
        }
        return Optional.empty();
    }
}
