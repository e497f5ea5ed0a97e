package dev.storefront.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.Money;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductStatus;
import dev.storefront.domain.catalog.SkuTakenException;
import dev.storefront.domain.error.NotFoundException;
import dev.storefront.domain.error.PreconditionFailedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbProductRepositoryIT {

    private static final Instant CREATED = Instant.parse("2026-11-22T10:15:30.123Z");

    final LocalTables local = tables();

    /** The DynamoDB these tests run against; {@code *LocalStackIT} runs them again on LocalStack. */
    LocalTables tables() {
        return LocalTables.get();
    }
    private final DynamoDbProductRepository repository =
            new DynamoDbProductRepository(local.enhanced, local.table("ProductsTable"));

    @Test
    void create_shouldStoreTheProduct_withEveryFieldIntact() {
        // given
        Product product = product(id(), sku(), 1);

        // when
        repository.create(product);

        // then
        assertThat(repository.findById(product.productId())).contains(product);
        assertThat(repository.findById("absent")).isEmpty();
    }

    @Test
    void find_shouldAnswerNothing_forIdsDynamoDbCannotTakeAsKeys() {
        // given: a stored product, and ids over the key size in bytes (DynamoDB refuses the request itself)
        Product stored = product(id(), sku(), 1);
        repository.create(stored);
        java.util.List<String> overLong = java.util.List.of("A".repeat(3000), "\u3000".repeat(700), "\u00e9".repeat(1100), "");

        // when / then
        overLong.forEach(id -> assertThat(repository.findById(id)).as("findById").isEmpty());
        java.util.List<String> ids = new java.util.ArrayList<>(overLong);
        ids.add(stored.productId());
        assertThat(repository.findAll(ids)).containsOnlyKeys(stored.productId());
    }

    @Test
    void create_shouldStoreMoneyAsTwoAttributes_ofIntegerMinorUnits() {
        Product product = product(id(), sku(), 1);

        repository.create(product);

        Map<String, AttributeValue> raw = local.client.getItem(request -> request
                .tableName(local.table("ProductsTable"))
                .key(Map.of("pk", AttributeValue.fromS("PRODUCT#" + product.productId())))).item();
        assertThat(raw.get("priceAmount").n()).isEqualTo("1999");
        assertThat(raw.get("currency").s()).isEqualTo("USD");
        assertThat(raw.get("version").n()).isEqualTo("1");
    }

    @Test
    void create_shouldRefuseASecondProduct_withTheSameSku() {
        String sku = sku();
        repository.create(product(id(), sku, 1));

        Product second = product(id(), sku, 1);
        assertThatThrownBy(() -> repository.create(second)).isInstanceOf(SkuTakenException.class);
        assertThat(repository.findById(second.productId())).isEmpty();
    }

    @Test
    void create_shouldLetExactlyOneOfManyConcurrentCreatesOfOneSkuWin() throws Exception {
        String sku = sku();
        AtomicInteger n = new AtomicInteger();

        List<Object> results = Race.run(10, () -> {
            Product product = product("race-" + n.incrementAndGet() + "-" + UUID.randomUUID(), sku, 1);
            repository.create(product);
            return product;
        });

        assertThat(results).filteredOn(Product.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(SkuTakenException.class::isInstance).hasSize(9);
    }

    @Test
    void replace_shouldStoreTheNewVersion_whenTheExpectedVersionMatches() {
        Product product = product(id(), sku(), 1);
        repository.create(product);

        Product renamed = withVersion(product, product.sku(), 2, "Renamed");
        repository.replace(renamed, 1);

        assertThat(repository.findById(product.productId())).contains(renamed);
    }

    @Test
    void replace_shouldFailThePrecondition_whenTheVersionDiffers_andChangeNothing() {
        Product product = product(id(), sku(), 1);
        repository.create(product);
        repository.replace(withVersion(product, product.sku(), 2, "Second"), 1);

        assertThatThrownBy(() -> repository.replace(withVersion(product, product.sku(), 2, "Stale"), 1))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(repository.findById(product.productId()).orElseThrow().name()).isEqualTo("Second");
    }

    @Test
    void replace_shouldAnswerNotFound_forAnUnknownProduct() {
        Product ghost = product(id(), sku(), 2);

        assertThatThrownBy(() -> repository.replace(ghost, 1)).isInstanceOf(NotFoundException.class);
        assertThat(repository.findById(ghost.productId())).isEmpty();
    }

    @Test
    void replace_shouldMoveTheSkuClaim_soTheOldSkuBecomesFree() {
        // given
        Product product = product(id(), sku(), 1);
        repository.create(product);
        String newSku = sku();

        // when
        repository.replace(withVersion(product, newSku, 2, product.name()), 1);

        // then: the old SKU can be used by another product, the new one cannot
        repository.create(product(id(), product.sku(), 1));
        assertThatThrownBy(() -> repository.create(product(id(), newSku, 1))).isInstanceOf(SkuTakenException.class);
    }

    @Test
    void replace_shouldRefuse_whenTheNewSkuBelongsToAnotherProduct_andChangeNothing() {
        Product first = product(id(), sku(), 1);
        Product second = product(id(), sku(), 1);
        repository.create(first);
        repository.create(second);

        assertThatThrownBy(() -> repository.replace(withVersion(second, first.sku(), 2, "Clash"), 1))
                .isInstanceOf(SkuTakenException.class);
        assertThat(repository.findById(second.productId())).contains(second);
        // the second product still owns its SKU
        assertThatThrownBy(() -> repository.create(product(id(), second.sku(), 1)))
                .isInstanceOf(SkuTakenException.class);
    }

    @Test
    void replace_shouldLetExactlyOneOfTenConcurrentReplacesWin_andFailTheOthersWith412() throws Exception {
        // given
        Product product = product(id(), sku(), 1);
        repository.create(product);
        AtomicInteger n = new AtomicInteger();

        // when
        List<Object> results = Race.run(10, () -> {
            Product replacement = withVersion(product, product.sku(), 2, "Writer " + n.incrementAndGet());
            repository.replace(replacement, 1);
            return replacement;
        });

        // then
        assertThat(results).filteredOn(Product.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(PreconditionFailedException.class::isInstance).hasSize(9);
        Product winner = (Product) results.stream().filter(Product.class::isInstance).findFirst().orElseThrow();
        assertThat(repository.findById(product.productId())).contains(winner);
    }

    @Test
    void replace_withSkuChanges_shouldLetExactlyOneConcurrentWriterWin() throws Exception {
        Product product = product(id(), sku(), 1);
        repository.create(product);

        List<Object> results = Race.run(6, () -> {
            Product replacement = withVersion(product, sku(), 2, product.name());
            repository.replace(replacement, 1);
            return replacement;
        });

        assertThat(results).filteredOn(Product.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(PreconditionFailedException.class::isInstance).hasSize(5);
    }

    @Test
    void forEach_shouldVisitEveryProductOnce_andNoSkuClaim() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Product product = product(id(), sku(), 1);
            repository.create(product);
            created.add(product.productId());
        }
        repository.replace(new Product(created.get(0), "SKU-" + UUID.randomUUID(), "Archived", "", "Cat", "Brand",
                Money.of(1, "USD"), 0, 1, List.of(), Map.of(), ProductStatus.ARCHIVED, CREATED, CREATED, 2), 1);

        List<Product> visited = java.util.Collections.synchronizedList(new ArrayList<>());
        repository.forEach(visited::add); // from the scan segments' threads

        assertThat(visited).extracting(Product::productId).containsAll(created).doesNotHaveDuplicates();
        assertThat(visited).filteredOn(p -> p.productId().equals(created.get(0)))
                .singleElement().extracting(Product::status).isEqualTo(ProductStatus.ARCHIVED);
    }

    @Test
    void importNew_shouldStoreEveryProductWithItsSkuClaim_andRefuseAReimport() {
        List<Product> imported = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            imported.add(product(id(), sku(), 1));
        }

        repository.importNew(imported);

        assertThat(imported).allSatisfy(p -> assertThat(repository.findById(p.productId())).contains(p));
        Product again = product(id(), imported.get(7).sku(), 1);
        assertThatThrownBy(() -> repository.importNew(List.of(product(id(), sku(), 1), again)))
                .isInstanceOf(SkuTakenException.class);
        assertThatThrownBy(() -> repository.create(product(id(), imported.get(29).sku(), 1)))
                .isInstanceOf(SkuTakenException.class);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static String sku() {
        return "SKU-" + UUID.randomUUID();
    }

    private static Product product(String id, String sku, long version) {
        return new Product(id, sku, "Desk lamp", "", "Lighting", "Lumen", Money.of(1999, "USD"), 12, 850,
                List.of("https://img.example/lamp.jpg"), Map.of("colour", "red", "finish", "matte"),
                ProductStatus.ACTIVE, CREATED, CREATED, version);
    }

    private static Product withVersion(Product product, String sku, long version, String name) {
        return new Product(product.productId(), sku, name, product.description(), product.category(),
                product.brand(), product.price(), product.available(), product.weightGrams(), product.images(),
                product.attributes(), product.status(), product.createdAt(), CREATED.plusSeconds(version), version);
    }
}
