package dev.storefront.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The engine-level guarantee every stock, payment and refund test stands on: moto, as the storefront serves it,
 * applies conditional transactions atomically under concurrency. moto's own threaded server does not (it sold 23
 * of a stock of 20 in this race); served one request at a time it must sell exactly the stock, every round, and
 * never answer 5xx.
 */
class MotoAtomicityIT {

    private static final int STOCK = 20;
    private static final int RACERS = 200;
    private static final int ROUNDS = 5;
    private static final String PRODUCTS = "Products";
    private static final String ORDERS = "Orders";
    private static final String STREAMED = "StreamedOrders";

    private static MotoServer server;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        server = MotoServer.startInMemory();
        // No retries: each racer's one answer is what is counted, 5xx included.
        client = DynamoDbClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(120))
                        .connectionTimeout(Duration.ofSeconds(60)).build())
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()))
                .build();
        for (String table : List.of(PRODUCTS, ORDERS, STREAMED)) {
            client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType("HASH"))
                    .streamSpecification(STREAMED.equals(table)
                            ? StreamSpecification.builder().streamEnabled(true)
                                    .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build()
                            : null));
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void racingConditionalTransactions_shouldSellExactlyTheStock_everyRound() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            for (int r = 1; r <= ROUNDS; r++) {
                int round = r;
                String product = "product-" + round;
                client.putItem(b -> b.tableName(PRODUCTS).item(Map.of(
                        "id", AttributeValue.fromS(product), "available", AttributeValue.fromN(String.valueOf(STOCK)))));

                List<String> outcomes = race(pool, product, round);

                assertThat(outcomes).as("round %d", round).doesNotContain("5xx").doesNotContain("other");
                assertThat(outcomes.stream().filter("sold"::equals).count()).as("sold in round %d", round).isEqualTo(STOCK);
                assertThat(outcomes.stream().filter("cancelled"::equals).count()).isEqualTo(RACERS - STOCK);
                assertThat(client.getItem(b -> b.tableName(PRODUCTS).consistentRead(true)
                        .key(Map.of("id", AttributeValue.fromS(product)))).item().get("available").n()).isEqualTo("0");
                int orders = client.scanPaginator(b -> b.tableName(ORDERS).consistentRead(true)
                                .filterExpression("begins_with(id, :round)")
                                .expressionAttributeValues(Map.of(":round", AttributeValue.fromS("r" + round + "-"))))
                        .stream().mapToInt(page -> page.count()).sum();
                assertThat(orders).as("orders written in round %d", round).isEqualTo(STOCK);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cancelledTransaction_shouldLeaveNoItemAndNoStreamRecord_ofItsFirstWrites() {
        // given: one product with 5 units, the orders table streamed
        String product = "rollback-product";
        client.putItem(b -> b.tableName(PRODUCTS).item(Map.of(
                "id", AttributeValue.fromS(product), "available", AttributeValue.fromN("5"))));
        int recordsBefore = streamRecords(STREAMED);

        // when: the stock update and two writes pass, the last condition fails
        boolean cancelled = false;
        try {
            client.transactWriteItems(b -> b.transactItems(
                    takeOneUnit(product),
                    TransactWriteItem.builder().put(p -> p.tableName(STREAMED)
                            .item(Map.of("id", AttributeValue.fromS("rollback-order")))).build(),
                    TransactWriteItem.builder().update(u -> u.tableName(STREAMED)
                            .key(Map.of("id", AttributeValue.fromS("rollback-other")))
                            .updateExpression("SET touched = :yes")
                            .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true)))).build(),
                    TransactWriteItem.builder().conditionCheck(c -> c.tableName(PRODUCTS)
                            .key(Map.of("id", AttributeValue.fromS("no-such-product")))
                            .conditionExpression("attribute_exists(id)")).build()));
        } catch (TransactionCanceledException e) {
            cancelled = true;
        }

        // then: nothing of it is left, in the tables or in the stream
        assertThat(cancelled).isTrue();
        assertThat(client.getItem(b -> b.tableName(PRODUCTS).consistentRead(true)
                .key(Map.of("id", AttributeValue.fromS(product)))).item().get("available").n()).isEqualTo("5");
        assertThat(client.getItem(b -> b.tableName(STREAMED).consistentRead(true)
                .key(Map.of("id", AttributeValue.fromS("rollback-order")))).hasItem()).isFalse();
        assertThat(client.getItem(b -> b.tableName(STREAMED).consistentRead(true)
                .key(Map.of("id", AttributeValue.fromS("rollback-other")))).hasItem()).isFalse();
        assertThat(streamRecords(STREAMED)).isEqualTo(recordsBefore);
    }

    private static int streamRecords(String table) {
        String arn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        try (DynamoDbStreamsClient streams = LocalAwsClients.dynamoDbStreams(server.endpoint())) {
            int count = 0;
            for (var shard : streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()) {
                String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                while (iterator != null) {
                    String current = iterator;
                    var page = streams.getRecords(b -> b.shardIterator(current).limit(1000));
                    count += page.records().size();
                    iterator = page.records().isEmpty() ? null : page.nextShardIterator();
                }
            }
            return count;
        }
    }

    /** Every racer takes one unit and writes its order in one transaction, all released at once. */
    private static List<String> race(ExecutorService pool, String product, int round) throws Exception {
        CountDownLatch ready = new CountDownLatch(RACERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> futures = new ArrayList<>();
        for (int racer = 0; racer < RACERS; racer++) {
            String order = "r" + round + "-" + racer;
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return buy(product, order);
            }));
        }
        ready.await();
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> future : futures) {
            outcomes.add(future.get());
        }
        return outcomes;
    }

    /** One unit of the product's stock, taken only while there is one. */
    private static TransactWriteItem takeOneUnit(String product) {
        return TransactWriteItem.builder().update(u -> u.tableName(PRODUCTS)
                .key(Map.of("id", AttributeValue.fromS(product)))
                .updateExpression("SET available = available - :one")
                .conditionExpression("available >= :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).build();
    }

    private static String buy(String product, String order) {
        try {
            client.transactWriteItems(b -> b.transactItems(
                    takeOneUnit(product),
                    TransactWriteItem.builder().put(p -> p.tableName(ORDERS)
                            .item(Map.of("id", AttributeValue.fromS(order), "product", AttributeValue.fromS(product)))
                            .conditionExpression("attribute_not_exists(id)")).build()));
            return "sold";
        } catch (TransactionCanceledException e) {
            return "cancelled";
        } catch (SdkServiceException e) {
            return e.statusCode() >= 500 ? "5xx" : "other";
        }
    }
}
