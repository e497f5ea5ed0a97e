package dev.storefront.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Emulates a Lambda DynamoDB event source mapping: polls the table's stream (moto's, or another endpoint's) every 250 ms,
 * delivers batches of up to BatchSize records in order per shard as the Lambda DynamoDB event, retries a
 * failed batch up to MaximumRetryAttempts (bisecting it when configured), then reports it as sent to the
 * on-failure destination and moves on.
 */
final class StreamPoller implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StreamPoller.class.getName());
    private static final long POLL_MILLIS = 250;
    private static final long DISCOVER_MILLIS = 2000;

    private final StreamSource source;
    private final String tableName;
    private final DynamoDbStreamsClient streams;
    private final FunctionRuntime runtime;
    private final ObjectMapper mapper;
    private final String region;
    private final List<JsonNode> filters = new ArrayList<>();
    private final String streamArn;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    /** Sequence number of the last record read from each shard (delivered or filtered out). */
    private final Map<String, String> lastSequenceNumbers = new LinkedHashMap<>();
    private final Set<String> knownShards = new HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;

    StreamPoller(StreamSource source, String tableName, DynamoDbClient dynamoDb, DynamoDbStreamsClient streams,
                 FunctionRuntime runtime, ObjectMapper mapper, String region) {
        this.source = source;
        this.tableName = tableName;
        this.streams = streams;
        this.runtime = runtime;
        this.mapper = mapper;
        this.region = region;
        for (String pattern : source.filterPatterns()) {
            try {
                filters.add(mapper.readTree(pattern));
            } catch (Exception e) {
                throw new IllegalArgumentException(source.function() + "." + source.eventName() + ": invalid filter " + pattern, e);
            }
        }
        this.streamArn = dynamoDb.describeTable(b -> b.tableName(tableName)).table().latestStreamArn();
        if (streamArn == null) {
            throw new IllegalStateException(source.function() + "." + source.eventName() + ": table " + tableName
                    + " has no stream (StreamSpecification missing)");
        }
        discoverShards(ShardIteratorType.fromValue(source.startingPosition()));
        this.thread = new Thread(this::run, "stream-" + source.function() + "-" + source.table());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void discoverShards(ShardIteratorType initialPosition) {
        String lastShard = null;
        List<Shard> shards = new ArrayList<>();
        do {
            String exclusiveStart = lastShard;
            var description = streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(exclusiveStart))
                    .streamDescription();
            shards.addAll(description.shards());
            lastShard = description.lastEvaluatedShardId();
        } while (lastShard != null);
        for (Shard shard : shards) {
            if (!knownShards.add(shard.shardId())) {
                continue;
            }
            boolean open = shard.sequenceNumberRange() == null || shard.sequenceNumberRange().endingSequenceNumber() == null;
            // Closed shards only matter when reading from the trim horizon; shards found later are new: read them fully.
            ShardIteratorType position = initialPosition == ShardIteratorType.LATEST && !open
                    ? null : initialPosition;
            if (position == null) {
                continue;
            }
            String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(position)).shardIterator();
            if (iterator != null) {
                iterators.put(shard.shardId(), iterator);
            }
        }
    }

    private void run() {
        long lastDiscovery = System.currentTimeMillis();
        while (running) {
            try {
                boolean delivered = pollOnce();
                if (System.currentTimeMillis() - lastDiscovery > DISCOVER_MILLIS) {
                    discoverShards(ShardIteratorType.TRIM_HORIZON);
                    lastDiscovery = System.currentTimeMillis();
                }
                if (!delivered) {
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "Polling the stream of " + tableName + " failed", e);
                sleepQuietly(1000);
            }
        }
    }

    /** Reads each shard once; true when records were delivered (so poll again at once). */
    private boolean pollOnce() throws InterruptedException {
        boolean delivered = false;
        for (String shardId : new ArrayList<>(iterators.keySet())) {
            String iterator = iterators.get(shardId);
            GetRecordsResponse result;
            try {
                result = streams.getRecords(b -> b.shardIterator(iterator).limit(Math.min(1000, source.batchSize())));
            } catch (TrimmedDataAccessException e) {
                // An iterator the engine no longer honours (trimmed, or taken on a shard that was empty then, whose
                // first record may lie past it): resume after the last record read.
                iterators.put(shardId, resumeIterator(shardId));
                continue;
            }
            if (!result.records().isEmpty()) {
                lastSequenceNumbers.put(shardId,
                        result.records().get(result.records().size() - 1).dynamodb().sequenceNumber());
            }
            if (result.nextShardIterator() == null) {
                iterators.remove(shardId);
            } else {
                iterators.put(shardId, result.nextShardIterator());
            }
            List<ObjectNode> records = new ArrayList<>();
            for (Record record : result.records()) {
                ObjectNode json = toJson(record);
                if (filters.isEmpty() || filters.stream().anyMatch(f -> EventPattern.matches(f, json))) {
                    records.add(json);
                }
            }
            if (!records.isEmpty()) {
                deliver(records, shardId);
                delivered = true;
            }
        }
        return delivered;
    }

    /** An iterator after the last record read from the shard, or at its oldest record when none was read. */
    private String resumeIterator(String shardId) {
        String last = lastSequenceNumbers.get(shardId);
        return streams.getShardIterator(b -> {
            b.streamArn(streamArn).shardId(shardId);
            if (last == null) {
                b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            } else {
                b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(last);
            }
        }).shardIterator();
    }

    private void deliver(List<ObjectNode> records, String shardId) throws InterruptedException {
        int attempt = 0;
        long backoff = 100;
        while (running) {
            if (invoke(records)) {
                return;
            }
            if (source.bisectOnError() && records.size() > 1) {
                int half = records.size() / 2;
                deliver(records.subList(0, half), shardId);
                deliver(records.subList(half, records.size()), shardId);
                return;
            }
            attempt++;
            if (source.maximumRetryAttempts() >= 0 && attempt > source.maximumRetryAttempts()) {
                LOG.log(System.Logger.Level.ERROR, "{0}: batch of {1} record(s) from {2} shard {3} (sequence {4}..{5}) failed {6} time(s);"
                                + " discarded and sent to the on-failure destination",
                        source.function(), records.size(), tableName, shardId,
                        records.get(0).path("dynamodb").path("SequenceNumber").asText(),
                        records.get(records.size() - 1).path("dynamodb").path("SequenceNumber").asText(), attempt);
                return;
            }
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, 5000);
        }
    }

    private boolean invoke(List<ObjectNode> records) {
        ObjectNode event = mapper.createObjectNode();
        ArrayNode array = event.putArray("Records");
        records.forEach(array::add);
        String requestId = java.util.UUID.randomUUID().toString();
        try {
            runtime.invoke(source.function(), mapper.writeValueAsBytes(event), requestId);
            return true;
        } catch (FunctionException e) {
            LOG.log(System.Logger.Level.WARNING, "{0}: stream batch failed: {1}", source.function(), e.getMessage());
            return false;
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot build stream event", e);
            return false;
        }
    }

    private ObjectNode toJson(Record record) {
        ObjectNode json = mapper.createObjectNode();
        json.put("eventID", record.eventID());
        json.put("eventName", record.eventNameAsString());
        // The record format version AWS streams carry (moto says 1.0 for the same shape).
        json.put("eventVersion", "1.1");
        json.put("eventSource", "aws:dynamodb");
        json.put("awsRegion", region);
        StreamRecord data = record.dynamodb();
        ObjectNode dynamodb = json.putObject("dynamodb");
        if (data.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", data.approximateCreationDateTime().getEpochSecond());
        }
        if (data.hasKeys()) {
            dynamodb.set("Keys", image(data.keys()));
        }
        // An empty image is an absent one (LocalStack sends an empty OldImage on INSERT and NewImage on REMOVE).
        if (data.hasNewImage() && !data.newImage().isEmpty()) {
            dynamodb.set("NewImage", image(data.newImage()));
        }
        if (data.hasOldImage() && !data.oldImage().isEmpty()) {
            dynamodb.set("OldImage", image(data.oldImage()));
        }
        dynamodb.put("SequenceNumber", data.sequenceNumber());
        if (data.sizeBytes() != null) {
            dynamodb.put("SizeBytes", data.sizeBytes());
        }
        dynamodb.put("StreamViewType", data.streamViewTypeAsString());
        if (record.userIdentity() != null) {
            ObjectNode identity = json.putObject("userIdentity");
            identity.put("type", record.userIdentity().type());
            identity.put("principalId", record.userIdentity().principalId());
        }
        json.put("eventSourceARN", streamArn);
        return json;
    }

    private ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode node = mapper.createObjectNode();
        item.forEach((name, value) -> node.set(name, attribute(value)));
        return node;
    }

    private JsonNode attribute(AttributeValue value) {
        ObjectNode node = mapper.createObjectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case B -> node.put("B", base64(value.b()));
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case SS -> value.ss().forEach(node.putArray("SS")::add);
            case NS -> value.ns().forEach(node.putArray("NS")::add);
            case BS -> {
                ArrayNode set = node.putArray("BS");
                value.bs().forEach(b -> set.add(base64(b)));
            }
            case M -> node.set("M", image(value.m()));
            case L -> {
                ArrayNode list = node.putArray("L");
                value.l().forEach(v -> list.add(attribute(v)));
            }
            default -> node.put("S", String.valueOf(value));
        }
        return node;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
