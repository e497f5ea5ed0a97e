package dev.storefront.functions.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.Money;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stream records of the products table (DynamoDB JSON, as Lambda delivers them) to published product images. */
class CatalogChangeHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path STREAM_EVENT = Path.of("../../events/search/products-stream.json");
    private static final Instant CREATED = Instant.parse("2026-11-22T10:15:30.123Z");
    private static final Instant UPDATED = Instant.parse("2026-11-22T11:00:00Z");

    @Test
    void changed_shouldTurnAnInsertOfAProductImage_intoTheProduct() throws IOException {
        // given
        JsonNode record = record("INSERT", lampImage(1), null);

        // when
        Optional<Product> product = CatalogChangeHandler.changed(record);

        // then
        assertThat(product).contains(new Product("01JD3LAMP0000000000000000A", "LUMEN-DL-01", "Desk lamp",
                "Bright, warm light.", "Lighting", "Lumen", Money.of(1_999, "USD"), 12, 850,
                List.of("https://img.example/lamp/front.jpg", "https://img.example/lamp/side.jpg"),
                Map.of("colour", "red", "bulb", "E27"), ProductStatus.ACTIVE, CREATED, UPDATED, 1));
    }

    @Test
    void changed_shouldReadTheSampleStreamEvent() throws IOException {
        // given: events/search/products-stream.json, the fixture of sam local invoke and of SearchHandlerIT
        JsonNode event = JSON.readTree(STREAM_EVENT.toFile());

        // when
        Optional<Product> product = CatalogChangeHandler.changed(event.get("Records").get(0));

        // then
        assertThat(product).hasValueSatisfying(p -> {
            assertThat(p.productId()).isEqualTo("01JD3A7K2M9P4R6T8V0X2Z4B6D");
            assertThat(p.name()).isEqualTo("Heron Watering Can, 5 l");
            assertThat(p.category()).isEqualTo("Garden");
            assertThat(p.price()).isEqualTo(Money.of(3_450, "USD"));
            assertThat(p.images()).hasSize(2);
            assertThat(p.attributes()).containsEntry("capacity", "5 l");
            assertThat(p.status()).isEqualTo(ProductStatus.ACTIVE);
            assertThat(p.version()).isEqualTo(1);
        });
    }

    @Test
    void changed_shouldTurnAModify_intoTheNewImage() throws IOException {
        // given: archived, version 1 -> 2
        ObjectNode archived = lampImage(2);
        archived.set("status", JSON.readTree("{\"S\": \"ARCHIVED\"}"));
        JsonNode record = record("MODIFY", archived, lampImage(1));

        // when
        Optional<Product> product = CatalogChangeHandler.changed(record);

        // then
        assertThat(product).hasValueSatisfying(p -> {
            assertThat(p.status()).isEqualTo(ProductStatus.ARCHIVED);
            assertThat(p.version()).isEqualTo(2);
        });
    }

    @Test
    void changed_shouldIgnoreASkuClaim() throws IOException {
        // given: the uniqueness claim written in the same transaction as the product
        ObjectNode claim = (ObjectNode) JSON.readTree("""
                {"pk": {"S": "SKU#LUMEN-DL-01"}, "productId": {"S": "01JD3LAMP0000000000000000A"}}""");
        JsonNode record = record("INSERT", claim, null);

        // when / then
        assertThat(CatalogChangeHandler.changed(record)).isEmpty();
    }

    @Test
    void changed_shouldTurnARemove_intoAnArchivedProduct_withTheHighestVersion() throws IOException {
        // given: an operator deleted the item by hand; only the old image is left
        JsonNode record = record("REMOVE", null, lampImage(4));

        // when
        Optional<Product> product = CatalogChangeHandler.changed(record);

        // then
        assertThat(product).hasValueSatisfying(p -> {
            assertThat(p.productId()).isEqualTo("01JD3LAMP0000000000000000A");
            assertThat(p.status()).isEqualTo(ProductStatus.ARCHIVED);
            assertThat(p.version()).isEqualTo(Long.MAX_VALUE);
            assertThat(p.name()).isEqualTo("Desk lamp");
        });
    }

    @Test
    void changed_shouldIgnoreARecordWithoutTheImageItNeeds() throws IOException {
        // given: keys only (no NewImage), e.g. a stream of another view type
        JsonNode record = record("INSERT", null, null);

        // when / then
        assertThat(CatalogChangeHandler.changed(record)).isEmpty();
    }

    @Test
    void changed_shouldTreatAnEmptyImageAsAbsent() throws IOException {
        // given: LocalStack's shape: an empty NewImage on REMOVE and an empty OldImage on INSERT
        JsonNode empty = JSON.createObjectNode();
        JsonNode insert = record("INSERT", lampImage(1), empty);
        JsonNode remove = record("REMOVE", empty, lampImage(4));
        JsonNode emptyInsert = record("INSERT", empty, empty);

        // when / then
        assertThat(CatalogChangeHandler.changed(insert)).hasValueSatisfying(p -> assertThat(p.version()).isEqualTo(1));
        assertThat(CatalogChangeHandler.changed(remove)).hasValueSatisfying(
                p -> assertThat(p.status()).isEqualTo(ProductStatus.ARCHIVED));
        assertThat(CatalogChangeHandler.changed(emptyInsert)).isEmpty();
    }

    @Test
    void changed_shouldIgnoreAttributesTheProductDoesNotHave() throws IOException {
        // given: an attribute a later version of the table may add
        ObjectNode image = lampImage(1);
        image.set("featured", JSON.readTree("{\"BOOL\": true}"));
        image.set("discontinuedAt", JSON.readTree("{\"NULL\": true}"));

        // when
        Optional<Product> product = CatalogChangeHandler.changed(record("INSERT", image, null));

        // then
        assertThat(product).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Desk lamp"));
    }

    @Test
    void changed_shouldFail_onAnUnknownAttributeType() throws IOException {
        // given
        ObjectNode image = lampImage(1);
        image.set("name", JSON.readTree("{\"X\": \"Desk lamp\"}"));

        // when / then: the batch fails (and is delivered again) rather than publishing a wrong product
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CatalogChangeHandler.changed(record("INSERT", image, null)))
                .withMessageContaining("unknown DynamoDB type X");
    }

    @Test
    void value_shouldConvertEveryDynamoDbType() throws IOException {
        assertThat(value("{\"S\": \"text\"}")).isEqualTo(AttributeValue.fromS("text"));
        assertThat(value("{\"N\": \"-12.50\"}")).isEqualTo(AttributeValue.fromN("-12.50"));
        assertThat(value("{\"B\": \"aGVsbG8=\"}"))
                .isEqualTo(AttributeValue.fromB(SdkBytes.fromString("hello", StandardCharsets.UTF_8)));
        assertThat(value("{\"BOOL\": false}")).isEqualTo(AttributeValue.fromBool(false));
        assertThat(value("{\"BOOL\": true}")).isEqualTo(AttributeValue.fromBool(true));
        assertThat(value("{\"NULL\": true}")).isEqualTo(AttributeValue.fromNul(true));
        assertThat(value("{\"SS\": [\"a\", \"b\"]}")).isEqualTo(AttributeValue.fromSs(List.of("a", "b")));
        assertThat(value("{\"NS\": [\"1\", \"2.5\"]}")).isEqualTo(AttributeValue.fromNs(List.of("1", "2.5")));
        assertThat(value("{\"BS\": [\"aGVsbG8=\"]}"))
                .isEqualTo(AttributeValue.fromBs(List.of(SdkBytes.fromString("hello", StandardCharsets.UTF_8))));
        assertThat(value("{\"L\": [{\"S\": \"a\"}, {\"N\": \"1\"}, {\"L\": []}]}")).isEqualTo(AttributeValue.fromL(
                List.of(AttributeValue.fromS("a"), AttributeValue.fromN("1"), AttributeValue.fromL(List.of()))));
        assertThat(value("{\"M\": {\"k\": {\"M\": {\"n\": {\"N\": \"7\"}}}}}")).isEqualTo(AttributeValue.fromM(
                Map.of("k", AttributeValue.fromM(Map.of("n", AttributeValue.fromN("7"))))));
    }

    @Test
    void value_shouldRefuseAnythingButOneTypedValue() throws IOException {
        assertThatIllegalArgumentException().isThrownBy(() -> value("{\"S\": \"a\", \"N\": \"1\"}"))
                .withMessage("not a DynamoDB attribute value");
        assertThatIllegalArgumentException().isThrownBy(() -> value("\"plain text\""))
                .withMessage("not a DynamoDB attribute value");
        assertThatIllegalArgumentException().isThrownBy(() -> value("{}"))
                .withMessage("not a DynamoDB attribute value");
        assertThatIllegalArgumentException().isThrownBy(() -> value("{\"L\": [{\"Q\": 1}]}"))
                .withMessageContaining("unknown DynamoDB type Q");
    }

    private static AttributeValue value(String typed) throws IOException {
        return StreamImages.value(JSON.readTree(typed));
    }

    /** A products-table item image, as DynamoDB Streams renders what {@code DynamoDbProductRepository} writes. */
    private static ObjectNode lampImage(long version) throws IOException {
        return (ObjectNode) JSON.readTree("""
                {
                  "pk": {"S": "PRODUCT#01JD3LAMP0000000000000000A"},
                  "productId": {"S": "01JD3LAMP0000000000000000A"},
                  "sku": {"S": "LUMEN-DL-01"},
                  "name": {"S": "Desk lamp"},
                  "description": {"S": "Bright, warm light."},
                  "category": {"S": "Lighting"},
                  "brand": {"S": "Lumen"},
                  "priceAmount": {"N": "1999"},
                  "currency": {"S": "USD"},
                  "available": {"N": "12"},
                  "weightGrams": {"N": "850"},
                  "images": {"L": [{"S": "https://img.example/lamp/front.jpg"}, {"S": "https://img.example/lamp/side.jpg"}]},
                  "attributes": {"M": {"colour": {"S": "red"}, "bulb": {"S": "E27"}}},
                  "status": {"S": "ACTIVE"},
                  "createdAt": {"S": "2026-11-22T10:15:30.123Z"},
                  "updatedAt": {"S": "2026-11-22T11:00:00Z"},
                  "version": {"N": "%d"}
                }""".formatted(version));
    }

    private static JsonNode record(String eventName, JsonNode newImage, JsonNode oldImage) throws IOException {
        ObjectNode record = (ObjectNode) JSON.readTree("""
                {
                  "eventID": "1",
                  "eventName": "%s",
                  "eventVersion": "1.1",
                  "eventSource": "aws:dynamodb",
                  "awsRegion": "us-east-1",
                  "dynamodb": {
                    "ApproximateCreationDateTime": 1795342560,
                    "Keys": {"pk": {"S": "PRODUCT#01JD3LAMP0000000000000000A"}},
                    "SequenceNumber": "4421584500000000017450439091",
                    "SizeBytes": 400,
                    "StreamViewType": "NEW_AND_OLD_IMAGES"
                  },
                  "eventSourceARN": "arn:aws:dynamodb:us-east-1:123456789012:table/Products/stream/2026-11-01T00:00:00.000"
                }""".formatted(eventName));
        ObjectNode dynamodb = (ObjectNode) record.get("dynamodb");
        if (newImage != null) {
            dynamodb.set("NewImage", newImage);
        }
        if (oldImage != null) {
            dynamodb.set("OldImage", oldImage);
        }
        return record;
    }
}
