package dev.storefront.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.Money;
import dev.storefront.domain.error.ConflictException;
import dev.storefront.domain.error.DomainException;
import dev.storefront.domain.error.FieldError;
import dev.storefront.domain.error.NotFoundException;
import dev.storefront.domain.error.PreconditionFailedException;
import dev.storefront.domain.error.ValidationException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CatalogServiceTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryCatalog.Products products = new InMemoryCatalog.Products();
    private final InMemoryCatalog.Cache cache = new InMemoryCatalog.Cache();
    private final CatalogService service = new CatalogService(products, cache,
            new IdGenerator(clock, new SecureRandom()), clock, "USD");

    @Test
    void create_shouldStoreAnActiveProductAtVersionOne_withTrimmedTexts() {
        // when
        Product product = service.create(draft("SKU-1").withName("  Lamp  ").build());

        // then
        assertThat(product.version()).isEqualTo(1);
        assertThat(product.status()).isEqualTo(ProductStatus.ACTIVE);
        assertThat(product.name()).isEqualTo("Lamp");
        assertThat(product.createdAt()).isEqualTo(clock.instant()).isEqualTo(product.updatedAt());
        assertThat(products.findById(product.productId())).contains(product);
    }

    @Test
    void create_shouldRejectAndStoreNothing_whenTheDraftBreaksRules() {
        // given
        Draft bad = draft("bad sku!").withName(" ").withPrice(Money.of(0, "EUR")).withAvailable(-1)
                .withWeight(0).withImages(Collections.nCopies(11, "https://img.example/a.jpg"));

        // when / then
        assertThatThrownBy(() -> service.create(bad.build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("sku", "name", "price.amount", "price.currency",
                                "stock.available", "weightGrams", "images"));
        assertThat(products.byId).isEmpty();
    }

    @Test
    void create_shouldReject_whenAnImageIsNotHttpsOrAnAttributeIsTooLong() {
        Draft bad = draft("SKU-2").withImages(List.of("http://img.example/a.jpg", "https:///nohost"))
                .withAttributes(Map.of("colour", "x".repeat(501)));

        assertThatThrownBy(() -> service.create(bad.build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("images[0]", "images[1]", "attributes.colour"));
    }

    @Test
    void create_shouldAcceptTheBoundaries() {
        Product product = service.create(draft("a".repeat(64)).withName("n".repeat(200))
                .withPrice(Money.of(100_000_000, "USD")).withAvailable(1_000_000).withWeight(1_000_000)
                .withImages(Collections.nCopies(10, "https://img.example/" + "p".repeat(2000))).build());

        assertThat(product.price().amount()).isEqualTo(100_000_000);
    }

    @Test
    void create_shouldRefuse_whenTheSkuIsTaken() {
        service.create(draft("DUP").build());

        assertThatThrownBy(() -> service.create(draft("DUP").build())).isInstanceOf(SkuTakenException.class);
        assertThat(products.byId).hasSize(1);
    }

    @Test
    void replace_shouldIncrementTheVersion_keepCreatedAt_andEvictAfterTheWrite() {
        // given
        Product created = service.create(draft("SKU-R").build());
        service.get(created.productId());
        cache.calls.clear();

        // when
        Product replaced = service.replace(created.productId(), draft("SKU-R2").withName("Desk").build(), 1);

        // then
        assertThat(replaced.version()).isEqualTo(2);
        assertThat(replaced.sku()).isEqualTo("SKU-R2");
        assertThat(replaced.createdAt()).isEqualTo(created.createdAt());
        assertThat(cache.calls).containsExactly("evict " + created.productId());
        assertThat(service.get(created.productId())).isEqualTo(replaced);
    }

    @Test
    void replace_shouldFailThePrecondition_whenTheVersionDiffers() {
        Product created = service.create(draft("SKU-V").build());

        assertThatThrownBy(() -> service.replace(created.productId(), draft("SKU-V").build(), 7))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("version is now 1");
        assertThat(products.findById(created.productId())).contains(created);
    }

    @Test
    void replace_shouldNotEvict_whenTheWriteFails() {
        Product created = service.create(draft("SKU-F").build());
        service.create(draft("SKU-OTHER").build());
        cache.calls.clear();

        assertThatThrownBy(() -> service.replace(created.productId(), draft("SKU-OTHER").build(), 1))
                .isInstanceOf(SkuTakenException.class);
        assertThat(cache.calls).isEmpty();
    }

    @Test
    void replace_shouldAnswerNotFound_forUnknownArchivedOrMalformedIds() {
        Product archived = service.create(draft("SKU-A").build());
        service.archive(archived.productId());

        for (String id : List.of("01UNKNOWN", archived.productId(), "../etc", "x".repeat(65))) {
            assertThatThrownBy(() -> service.replace(id, draft("SKU-A").build(), 2))
                    .as(id).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void setStock_shouldChangeOnlyTheStock_andIncrementTheVersion() {
        Product created = service.create(draft("SKU-S").build());

        Product changed = service.setStock(created.productId(), 0);

        assertThat(changed.available()).isZero();
        assertThat(changed.inStock()).isFalse();
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.name()).isEqualTo(created.name());
    }

    @Test
    void setStock_shouldRetry_whenAConcurrentChangeWins() {
        // given: another writer changes the product between our read and our write
        Product created = service.create(draft("SKU-C").build());
        products.beforeNextReplace = () -> products.replace(
                new Product(created.productId(), created.sku(), "Renamed", created.description(),
                        created.category(), created.brand(), created.price(), created.available(),
                        created.weightGrams(), created.images(), created.attributes(), created.status(),
                        created.createdAt(), created.updatedAt(), 2), 1);

        // when
        Product changed = service.setStock(created.productId(), 5);

        // then: the concurrent rename is kept
        assertThat(changed.version()).isEqualTo(3);
        assertThat(changed.name()).isEqualTo("Renamed");
        assertThat(changed.available()).isEqualTo(5);
    }

    @Test
    void setStock_shouldReject_outOfRangeLevels() {
        Product created = service.create(draft("SKU-N").build());

        for (int level : new int[] {-1, 1_000_001}) {
            assertThatThrownBy(() -> service.setStock(created.productId(), level))
                    .isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void archive_shouldHideTheProduct_andAnswerNotFoundTheSecondTime() {
        Product created = service.create(draft("SKU-X").build());
        service.get(created.productId());

        service.archive(created.productId());

        assertThat(products.findById(created.productId()).orElseThrow().status()).isEqualTo(ProductStatus.ARCHIVED);
        assertThatThrownBy(() -> service.get(created.productId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.archive(created.productId())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void get_shouldServeFromTheCache_afterTheFirstRead() {
        Product created = service.create(draft("SKU-G").build());
        service.get(created.productId());
        int writes = products.writes;
        products.byId.clear();

        assertThat(service.get(created.productId())).isEqualTo(created);
        assertThat(products.writes).isEqualTo(writes);
    }

    @Test
    void get_shouldNotCacheAStaleRead_thatLandsAfterAWrite() {
        // given: the cache learnt of version 2 before a slow reader's put of version 1
        Product created = service.create(draft("SKU-St").build());
        service.setStock(created.productId(), 9);

        // when
        cache.put(created);

        // then
        assertThat(service.get(created.productId()).version()).isEqualTo(2);
    }

    @Test
    void everyError_shouldBeADomainException_soTheMapperNeverAnswers500() {
        List<Runnable> mistakes = List.of(
                () -> service.get(""),
                () -> service.setStock("nope", 1),
                () -> service.create(draft("s").withPrice(Money.of(-5, "USD")).build()));

        IntStream.range(0, mistakes.size()).forEach(i -> assertThatThrownBy(mistakes.get(i)::run)
                .isInstanceOf(DomainException.class));
    }

    @Test
    void concurrentSetStock_shouldGiveUpWithConflict_afterRepeatedLosses() {
        Product created = service.create(draft("SKU-L").build());
        InMemoryCatalog.Products losing = new InMemoryCatalog.Products() {
            @Override
            public synchronized void replace(Product replacement, long expectedVersion) {
                throw new PreconditionFailedException("lost");
            }
        };
        losing.byId.putAll(products.byId);
        CatalogService contended = new CatalogService(losing, cache, new IdGenerator(clock, new SecureRandom()),
                clock, "USD");

        assertThatThrownBy(() -> contended.setStock(created.productId(), 1)).isInstanceOf(ConflictException.class);
    }

    private static Draft draft(String sku) {
        return new Draft(sku, "Lamp", "A lamp.", "Lighting", "Lumen", Money.of(1999, "USD"), 10, 500,
                List.of("https://img.example/lamp.jpg"), Map.of("colour", "red"));
    }

    /** A draft under construction. */
    record Draft(String sku, String name, String description, String category, String brand, Money price,
            int available, int weight, List<String> images, Map<String, String> attributes) {

        Draft withName(String value) {
            return new Draft(sku, value, description, category, brand, price, available, weight, images, attributes);
        }

        Draft withPrice(Money value) {
            return new Draft(sku, name, description, category, brand, value, available, weight, images, attributes);
        }

        Draft withAvailable(int value) {
            return new Draft(sku, name, description, category, brand, price, value, weight, images, attributes);
        }

        Draft withWeight(int value) {
            return new Draft(sku, name, description, category, brand, price, available, value, images, attributes);
        }

        Draft withImages(List<String> value) {
            return new Draft(sku, name, description, category, brand, price, available, weight, value, attributes);
        }

        Draft withAttributes(Map<String, String> value) {
            return new Draft(sku, name, description, category, brand, price, available, weight, images, value);
        }

        ProductDraft build() {
            return new ProductDraft(sku, name, description, category, brand, price, available, weight, images,
                    attributes);
        }
    }

    @Test
    void importNew_shouldCheckEveryDraft_andWriteNothingWhenOneIsInvalid() {
        var drafts = List.of(draft("SKU-A").build(), draft("bad sku!").build());

        assertThatThrownBy(() -> service.importNew(drafts))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).contains("[1].sku"));
        assertThat(products.byId).isEmpty();
    }

    @Test
    void importNew_shouldRefuseASkuTwiceInOneImport() {
        assertThatThrownBy(() -> service.importNew(List.of(draft("SKU-A").build(), draft("SKU-A").build())))
                .isInstanceOf(SkuTakenException.class);
        assertThat(products.byId).isEmpty();
    }

    @Test
    void importNew_shouldAddActiveProductsAtVersionOne() {
        List<Product> imported = service.importNew(List.of(draft("SKU-A").build(), draft("SKU-B").build()));

        assertThat(imported).extracting(Product::version).containsExactly(1L, 1L);
        assertThat(products.byId).hasSize(2);
    }

}
