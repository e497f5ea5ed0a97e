package dev.storefront.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Scans as the local server pages them (from a view of the table kept while the data stays the same): every item
 * exactly once, across parallel segments and small pages, with numeric sort keys, filters, and writes between
 * pages.
 */
class MotoScanIT {

    private static final String TABLE = "Scanned";
    private static final int PARTITIONS = 700;
    private static final int PER_PARTITION = 3;

    private static MotoServer server;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        server = MotoServer.startInMemory();
        client = LocalAwsClients.dynamoDb(server.endpoint());
        client.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk").keyType("RANGE")));
        List<WriteRequest> batch = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            for (int s = 0; s < PER_PARTITION; s++) {
                // sort keys 9 and 10 and 100: numeric order differs from text order
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                        "pk", AttributeValue.fromS("P#" + p), "sk", AttributeValue.fromN(String.valueOf(new int[] {9, 10, 100}[s])),
                        "price", AttributeValue.fromN(String.valueOf(p % 50)))).build()).build());
                if (batch.size() == 25) {
                    List<WriteRequest> requests = List.copyOf(batch);
                    client.batchWriteItem(b -> b.requestItems(Map.of(TABLE, requests)));
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            client.batchWriteItem(b -> b.requestItems(Map.of(TABLE, List.copyOf(batch))));
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void parallelScan_shouldReturnEveryItemOnce_inSmallPages() {
        Map<String, Integer> seen = new HashMap<>();
        for (int segment = 0; segment < 4; segment++) {
            int current = segment;
            scanAll(b -> b.segment(current).totalSegments(4).limit(37), false)
                    .stream().filter(key -> key.startsWith("P#")) // not what another test wrote
                    .forEach(key -> seen.merge(key, 1, Integer::sum));
        }

        assertThat(seen).hasSize(PARTITIONS * PER_PARTITION);
        assertThat(seen.values()).containsOnly(1);
    }

    @Test
    void scan_shouldApplyTheFilterPageByPage_andMissNothing() {
        List<String> cheap = scanAll(b -> b.limit(50).filterExpression("price < :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromN("10"))), false);

        assertThat(cheap).doesNotHaveDuplicates().hasSize(PARTITIONS / 50 * 10 * PER_PARTITION);
    }

    @Test
    void scan_shouldStillReturnEveryItemOnce_whenItemsAreWrittenBetweenPages() {
        List<String> keys = scanAll(b -> b.limit(100), true);

        assertThat(keys).doesNotHaveDuplicates();
        assertThat(keys.stream().filter(key -> !key.startsWith("new#"))).hasSize(PARTITIONS * PER_PARTITION);
    }

    private static List<String> scanAll(java.util.function.Consumer<software.amazon.awssdk.services.dynamodb.model.ScanRequest.Builder> request,
                                        boolean writeBetweenPages) {
        List<String> keys = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int page = 0;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse response = client.scan(b -> {
                b.tableName(TABLE).consistentRead(true);
                request.accept(b);
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            });
            response.items().forEach(item -> keys.add(item.get("pk").s() + "/" + item.get("sk").n()));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
            if (writeBetweenPages) {
                int n = page++;
                client.updateItem(b -> b.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("P#" + n),
                        "sk", AttributeValue.fromN("9"))).updateExpression("SET touched = :t")
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromN(String.valueOf(n)))));
                client.putItem(b -> b.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS("new#" + n),
                        "sk", AttributeValue.fromN("1"))));
            }
        } while (start != null);
        return keys;
    }
}
