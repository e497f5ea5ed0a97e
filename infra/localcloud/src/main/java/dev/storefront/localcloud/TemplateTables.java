package dev.storefront.localcloud;

import static dev.storefront.localcloud.CloudFormationTemplate.asList;
import static dev.storefront.localcloud.CloudFormationTemplate.asMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * Creates every {@code AWS::DynamoDB::Table} of a template in a DynamoDB endpoint (normally moto, the
 * local DynamoDB): keys, attribute definitions, billing mode, global and local secondary indexes, stream and
 * time-to-live. Existing tables are left alone, so a persistent data directory survives restarts.
 */
public final class TemplateTables {

    private static final System.Logger LOG = System.getLogger(TemplateTables.class.getName());
    private static final String TABLE_TYPE = "AWS::DynamoDB::Table";

    private final IntrinsicResolver resolver;

    public TemplateTables(IntrinsicResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * Creates the missing tables.
     *
     * @return table name by logical id, for every table of the template (created or already there)
     */
    public Map<String, String> createAll(DynamoDbClient dynamoDb) {
        Map<String, String> names = new LinkedHashMap<>();
        for (CloudFormationTemplate.Resource resource : resolver.template().resourcesOfType(TABLE_TYPE)) {
            if (resource.condition() != null && !resolver.condition(resource.condition())) {
                continue;
            }
            String name = resolver.physicalId(resource);
            names.put(resource.logicalId(), name);
            if (exists(dynamoDb, name)) {
                LOG.log(System.Logger.Level.DEBUG, "Table {0} exists", name);
                continue;
            }
            Map<String, Object> props = asMap(resolver.resolve(resource.properties(), resource.logicalId() + ".Properties"));
            dynamoDb.createTable(createRequest(name, props));
            timeToLive(dynamoDb, name, props);
        }
        return names;
    }

    private static boolean exists(DynamoDbClient dynamoDb, String name) {
        try {
            dynamoDb.describeTable(b -> b.tableName(name));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    static CreateTableRequest createRequest(String name, Map<String, Object> props) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .keySchema(keySchema(props.get("KeySchema")))
                .attributeDefinitions(asList(props.get("AttributeDefinitions")).stream().map(a -> {
                    Map<String, Object> attribute = asMap(a);
                    return AttributeDefinition.builder()
                            .attributeName(str(attribute.get("AttributeName")))
                            .attributeType(str(attribute.get("AttributeType"))).build();
                }).toList());
        boolean provisioned = "PROVISIONED".equals(props.get("BillingMode"))
                || props.get("BillingMode") == null && props.get("ProvisionedThroughput") != null;
        request.billingMode(provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST);
        if (provisioned) {
            request.provisionedThroughput(throughput(props.get("ProvisionedThroughput")));
        }
        if (props.get("GlobalSecondaryIndexes") != null) {
            List<GlobalSecondaryIndex> indexes = new ArrayList<>();
            for (Object raw : asList(props.get("GlobalSecondaryIndexes"))) {
                Map<String, Object> index = asMap(raw);
                GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                        .indexName(str(index.get("IndexName")))
                        .keySchema(keySchema(index.get("KeySchema")))
                        .projection(projection(index.get("Projection")));
                if (provisioned) {
                    gsi.provisionedThroughput(throughput(index.get("ProvisionedThroughput")));
                }
                indexes.add(gsi.build());
            }
            request.globalSecondaryIndexes(indexes);
        }
        if (props.get("LocalSecondaryIndexes") != null) {
            request.localSecondaryIndexes(asList(props.get("LocalSecondaryIndexes")).stream().map(raw -> {
                Map<String, Object> index = asMap(raw);
                return LocalSecondaryIndex.builder()
                        .indexName(str(index.get("IndexName")))
                        .keySchema(keySchema(index.get("KeySchema")))
                        .projection(projection(index.get("Projection"))).build();
            }).toList());
        }
        if (props.get("StreamSpecification") != null) {
            Object viewType = asMap(props.get("StreamSpecification")).get("StreamViewType");
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true).streamViewType(str(viewType)).build());
        }
        return request.build();
    }

    private static void timeToLive(DynamoDbClient dynamoDb, String name, Map<String, Object> props) {
        if (props.get("TimeToLiveSpecification") == null) {
            return;
        }
        Map<String, Object> ttl = asMap(props.get("TimeToLiveSpecification"));
        if (!Boolean.parseBoolean(String.valueOf(ttl.get("Enabled")))) {
            return;
        }
        dynamoDb.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(
                s -> s.enabled(true).attributeName(str(ttl.get("AttributeName")))));
    }

    private static List<KeySchemaElement> keySchema(Object raw) {
        return asList(raw).stream().map(k -> {
            Map<String, Object> key = asMap(k);
            return KeySchemaElement.builder()
                    .attributeName(str(key.get("AttributeName"))).keyType(str(key.get("KeyType"))).build();
        }).toList();
    }

    private static Projection projection(Object raw) {
        if (raw == null) {
            return Projection.builder().projectionType("ALL").build();
        }
        Map<String, Object> projection = asMap(raw);
        Projection.Builder builder = Projection.builder()
                .projectionType(projection.get("ProjectionType") == null ? "ALL" : str(projection.get("ProjectionType")));
        if (projection.get("NonKeyAttributes") != null) {
            builder.nonKeyAttributes(asList(projection.get("NonKeyAttributes")).stream().map(String::valueOf).toList());
        }
        return builder.build();
    }

    private static ProvisionedThroughput throughput(Object raw) {
        Map<String, Object> t = raw == null ? Map.of() : asMap(raw);
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Long.parseLong(String.valueOf(t.getOrDefault("ReadCapacityUnits", 5))))
                .writeCapacityUnits(Long.parseLong(String.valueOf(t.getOrDefault("WriteCapacityUnits", 5))))
                .build();
    }

    private static String str(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("Missing required table property");
        }
        return String.valueOf(value);
    }
}
