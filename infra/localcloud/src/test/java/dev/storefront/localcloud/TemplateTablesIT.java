package dev.storefront.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TemplateTablesIT {

    private static MotoServer server;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        server = MotoServer.startInMemory();
        client = LocalAwsClients.dynamoDb(server.endpoint());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void createAll_shouldCreateTablesWithIndexesStreamAndTtl_andBeIdempotent() {
        IntrinsicResolver resolver = IntrinsicResolver.builder(FixtureTemplates.load()).build();
        TemplateTables tables = new TemplateTables(resolver);

        Map<String, String> names = tables.createAll(client);
        Map<String, String> again = tables.createAll(client);

        assertThat(names).containsExactly(Map.entry("OrdersTable", "OrdersTable"),
                Map.entry("NamedTable", "storefront-local-named-dev"));
        assertThat(again).isEqualTo(names);
        assertThat(client.listTables().tableNames()).containsExactlyInAnyOrder("OrdersTable", "storefront-local-named-dev");

        TableDescription orders = client.describeTable(b -> b.tableName("OrdersTable")).table();
        assertThat(orders.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                .containsExactly("pk:HASH", "sk:RANGE");
        assertThat(orders.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(orders.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
            assertThat(gsi.indexName()).isEqualTo("gsi1");
            assertThat(gsi.projection().projectionTypeAsString()).isEqualTo("KEYS_ONLY");
        });
        assertThat(orders.localSecondaryIndexes()).singleElement().satisfies(lsi -> assertThat(lsi.indexName()).isEqualTo("lsi1"));
        assertThat(orders.streamSpecification().streamEnabled()).isTrue();
        assertThat(orders.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(orders.latestStreamArn()).isNotBlank();
        var ttl = client.describeTimeToLive(b -> b.tableName("OrdersTable")).timeToLiveDescription();
        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(ttl.attributeName()).isEqualTo("expiresAt");
    }
}
