package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Http.object;
import static dev.storefront.local.e2e.Shop.assertProblem;
import static dev.storefront.local.e2e.Shop.errorFields;
import static dev.storefront.local.e2e.Shop.ok;
import static dev.storefront.local.e2e.Shop.productIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.local.e2e.Http.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The search tests' catalog: a stack of its own (search answers about every active product, so no other class may
 * add any), a fixture catalog created through {@code POST /admin/products} (made-up words, so full-text
 * expectations are exact), and a model of the active products from which the tests compute every expected set,
 * order and count. Started on first use and shared by the search classes for the JVM; a test that changes the
 * catalog updates the model ({@link #remember}, {@link #forget}).
 */
final class FixtureCatalog {

    /** The contract promises visibility to search within 5 s of a change. */
    static final Duration FRESHNESS = Duration.ofSeconds(5);
    /** ProductIndex.PRICE_BANDS (lower bounds; each band ends where the next begins, the last is open). */
    static final List<Long> PRICE_BANDS = List.of(0L, 1_000L, 2_500L, 5_000L, 10_000L, 25_000L, 50_000L);
    /** ProductIndex.TOP_BRANDS. */
    static final int TOP_BRANDS = 20;
    static final List<String> CATEGORIES = List.of("Garden", "Kitchen", "Lighting", "Outdoor Living");
    static final List<String> BRANDS = List.of("Acme", "Borealis", "Cobalt Works", "Dunmore", "Elkhorn", "Fennick");
    /** Every band, both edges of most of them; each price is used three times (ties). */
    private static final List<Long> PRICES = List.of(1L, 999L, 1_000L, 2_499L, 2_500L, 4_999L, 5_000L, 9_999L,
            10_000L, 24_999L, 25_000L, 50_000L);
    /**
     * Consonant-vowel syllables, pairwise different in both letters: the names "Zy" + two of them differ by
     * at least two edits (a transposition makes two consonants or vowels meet), so no fuzzy match crosses them.
     */
    private static final List<String> SYLLABLES = List.of("ba", "de", "fi", "go", "ku", "my");
    private static final String GENERIC_DESCRIPTION = "A sturdy everyday item.";
    private static final SharedFixture<FixtureCatalog> SHARED =
            new SharedFixture<>(() -> new FixtureCatalog(Stack.startUntilExit(Map.of())));

    /** A product as the tests created it. */
    record Draft(String name, String description, String category, String brand, long price, int stock,
            List<String> images) {
    }

    /** An active product of the model, as the catalog function last answered it. */
    record Listed(String id, String name, String description, String category, String brand, long price,
            int stock, String image, Instant createdAt, long version) {

        boolean inStock() {
            return stock > 0;
        }

        Set<String> words() {
            return Arrays.stream(String.join(" ", name, description, category, brand).toLowerCase(Locale.ROOT)
                    .split("[^a-z0-9]+")).collect(Collectors.toSet());
        }
    }

    private final Stack stack;
    /** The active products as the tests made them: the source of every expectation. */
    private final Map<String, Listed> products = new LinkedHashMap<>();
    /** "Marzipello desk lantern": the exact name match. */
    final Listed exactName;
    /** "Plain lantern", with marzipello only in its description. */
    final Listed inDescription;
    /** "Marzipollo lantern": one letter away from marzipello. */
    final Listed typoName;

    private FixtureCatalog(Stack stack) {
        this.stack = stack;
        for (int i = 0; i < SYLLABLES.size() * SYLLABLES.size(); i++) {
            String token = "zy" + SYLLABLES.get(i / SYLLABLES.size()) + SYLLABLES.get(i % SYLLABLES.size());
            create(new Draft(capitalized(token), GENERIC_DESCRIPTION, CATEGORIES.get(i % CATEGORIES.size()),
                    BRANDS.get(i % BRANDS.size()), PRICES.get(i / 3), i % 5 == 2 ? 0 : i + 1,
                    List.of("https://img.example/" + token + ".jpg", "https://img.example/" + token + "-2.jpg")));
        }
        exactName = create(new Draft("Marzipello desk lantern", "Hand blown glass shade.", "Lighting", "Dunmore",
                1_999, 4, List.of("https://img.example/marzipello.jpg")));
        inDescription = create(new Draft("Plain lantern", "Pairs well with the marzipello range.", "Lighting",
                "Elkhorn", 1_999, 0, List.of()));
        typoName = create(new Draft("Marzipollo lantern", "Hand blown glass shade.", "Lighting", "Acme",
                100_000_000, 1, List.of("https://img.example/marzipollo.jpg")));

        Response all = await(FRESHNESS.multipliedBy(2), () -> search("limit", "1"),
                body -> body.path("total").asLong() == products.size());
        assertThat(all.json().path("total").asLong()).as("the fixture is searchable within 10 s: %s", all)
                .isEqualTo(products.size());
    }

    /** The catalog of the search classes, started with its stack on first use; stopped when the JVM exits. */
    static FixtureCatalog shared() {
        return SHARED.get();
    }

    Stack stack() {
        return stack;
    }

    int size() {
        return products.size();
    }

    /** The active product of the model with this id, or null. */
    Listed get(String productId) {
        return products.get(productId);
    }

    /** The model's products that pass the filter, in the order they were made. */
    List<Listed> matching(Predicate<Listed> filter) {
        return products.values().stream().filter(filter).toList();
    }

    List<String> idsNamed(String name) {
        return idsOf(matching(p -> p.name().equals(name)));
    }

    /** Creates a product and adds it to the model. */
    Listed create(Draft draft) {
        Response created = stack.postProduct(body(draft));
        assertThat(created.status()).as("create %s: %s", draft, created).isEqualTo(201);
        return remember(created.json());
    }

    /** Puts a product response into the model (replacing what it held for that id). */
    Listed remember(JsonNode product) {
        JsonNode images = product.path("images");
        Listed listed = new Listed(product.path("productId").asText(), product.path("name").asText(),
                product.path("description").asText(), product.path("category").asText(),
                product.path("brand").asText(), product.path("price").path("amount").asLong(),
                product.path("stock").path("available").asInt(), images.isEmpty() ? null : images.get(0).asText(),
                Instant.parse(product.path("createdAt").asText()), product.path("version").asLong());
        products.put(listed.id(), listed);
        return listed;
    }

    /** Takes an archived product out of the model. */
    void forget(String productId) {
        products.remove(productId);
    }

    /** The body of {@code POST /admin/products} or {@code PUT /admin/products/{id}} for a draft. */
    static ObjectNode body(Draft draft) {
        return object("sku", "SEARCH-" + UUID.randomUUID(), "name", draft.name(), "description", draft.description(),
                "category", draft.category(), "brand", draft.brand(),
                "price", object("amount", draft.price(), "currency", "USD"),
                "stock", object("available", draft.stock()), "weightGrams", 500, "images", draft.images());
    }

    /** Waits until the product's name finds it (so later tests see it); returns it. */
    Listed awaitSearchable(Listed product) {
        Response found = await(FRESHNESS, () -> search("q", product.name()),
                body -> productIds(body).contains(product.id()));
        assertThat(productIds(ok(found))).as("searchable within 5 s: %s", found).contains(product.id());
        return product;
    }

    /** Repeats a request until it answers 200 with a body that satisfies the condition, or the time is up. */
    static Response await(Duration patience, Supplier<Response> request, Predicate<JsonNode> condition) {
        return Shop.await(patience, request, response -> response.status() == 200 && condition.test(response.json()));
    }

    /** {@code GET /products} with alternating parameter names and values, URL-encoded. */
    Response search(String... namesAndValues) {
        return stack.http().get("/products" + Http.query(namesAndValues));
    }

    Response categories() {
        return stack.http().get("/categories");
    }

    /** Follows {@code nextCursor} from the first page of a raw query to the last; every item, in order. */
    List<JsonNode> everyPage(String query, int limit) {
        String base = "/products?" + (query.isEmpty() ? "" : query + "&") + "limit=" + limit;
        List<JsonNode> items = new ArrayList<>();
        JsonNode page = ok(stack.http().get(base));
        long total = page.path("total").asLong();
        for (int pages = 1; ; pages++) {
            assertThat(page.path("total").asLong()).as("total of page %d of %s", pages, query).isEqualTo(total);
            page.path("items").forEach(items::add);
            if (page.path("nextCursor").isNull()) {
                break;
            }
            assertThat(page.path("items")).as("a page before the last is full").hasSize(limit);
            assertThat(pages).as("pages of %s", query).isLessThanOrEqualTo((int) total / limit + 1);
            page = ok(stack.http().get(base + "&cursor=" + Http.encode(page.path("nextCursor").asText())));
        }
        assertThat(items).as("every match of %s", query).hasSize((int) total);
        assertThat(idsOf(items)).doesNotHaveDuplicates();
        return items;
    }

    /** Checks a filtered search against the model: the same products, facets and total. */
    JsonNode assertFiltered(Predicate<Listed> filter, String... namesAndValues) {
        JsonNode found = ok(search(Stream.concat(Stream.of(namesAndValues), Stream.of("limit", "100"))
                .toArray(String[]::new)));
        List<Listed> expected = matching(filter);
        assertThat(productIds(found)).as("%s", Arrays.toString(namesAndValues))
                .containsExactlyInAnyOrderElementsOf(idsOf(expected));
        assertFacets(found, expected);
        return found;
    }

    /** total and every facet of an answer equal what the model's matching products give. */
    static void assertFacets(JsonNode body, List<Listed> matches) {
        JsonNode facets = body.path("facets");
        assertThat(body.path("total").asLong()).as("total").isEqualTo(matches.size());
        assertThat(counts(facets.path("category"))).as("category facet")
                .containsExactlyElementsOf(expectedFacet(matches, Listed::category, Integer.MAX_VALUE));
        assertThat(counts(facets.path("brand"))).as("brand facet")
                .containsExactlyElementsOf(expectedFacet(matches, Listed::brand, TOP_BRANDS));
        List<String> bands = new ArrayList<>();
        facets.path("price").forEach(band -> bands.add(band.path("from").asLong() + ".."
                + (band.path("to").isNull() ? "" : band.path("to").asText()) + "=" + band.path("count").asLong()));
        List<String> expectedBands = new ArrayList<>();
        for (int i = 0; i < PRICE_BANDS.size(); i++) {
            long from = PRICE_BANDS.get(i);
            Long to = i + 1 < PRICE_BANDS.size() ? PRICE_BANDS.get(i + 1) : null;
            long count = matches.stream().filter(p -> p.price() >= from && (to == null || p.price() < to)).count();
            expectedBands.add(from + ".." + (to == null ? "" : to) + "=" + count);
        }
        assertThat(bands).as("price facet").containsExactlyElementsOf(expectedBands);
    }

    /** "category=count" of every active category of the model, by name. */
    List<String> expectedCategories() {
        return new TreeMap<>(products.values().stream()
                .collect(Collectors.groupingBy(Listed::category, Collectors.counting())))
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    /** "category=count" of a {@code GET /categories} answer, in its order. */
    static List<String> categoryCounts(JsonNode categories) {
        List<String> counts = new ArrayList<>();
        categories.path("items").forEach(c -> counts.add(c.path("category").asText() + "=" + c.path("count").asLong()));
        return counts;
    }

    static void assertSummary(JsonNode item, Listed expected) {
        assertThat(expected).as("%s is an active product of the model", item).isNotNull();
        assertThat(item.path("productId").asText()).isEqualTo(expected.id());
        assertThat(item.path("name").asText()).isEqualTo(expected.name());
        assertThat(item.path("category").asText()).isEqualTo(expected.category());
        assertThat(item.path("brand").asText()).isEqualTo(expected.brand());
        assertThat(item.path("price").path("amount").asLong()).isEqualTo(expected.price());
        assertThat(item.path("price").path("currency").asText()).isEqualTo("USD");
        assertThat(item.path("inStock").asBoolean()).as("inStock of %s", item).isEqualTo(expected.inStock());
        assertThat(item.path("image").isNull() ? null : item.path("image").asText()).isEqualTo(expected.image());
    }

    static void assertInvalidCursor(Response response) {
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("type").asText()).endsWith("/invalid-cursor");
        assertThat(errorFields(problem)).containsExactly("cursor");
    }

    static JsonNode onlyItem(JsonNode body) {
        assertThat(body.path("items")).as("%s", body).hasSize(1);
        return body.path("items").get(0);
    }

    /** Products with this exact word in their name, description, category or brand. */
    static Predicate<Listed> mentions(String word) {
        return product -> product.words().contains(word);
    }

    /** The ids of products of the model or of items of an answer. */
    static List<String> idsOf(List<?> products) {
        return products.stream()
                .map(p -> p instanceof Listed listed ? listed.id() : ((JsonNode) p).path("productId").asText())
                .toList();
    }

    /** Ten random lower-case letters: a word no other product has, far from every other word. */
    static String uniqueWord() {
        StringBuilder word = new StringBuilder("wq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    /** "value=count", most frequent first, ties by value, at most {@code top}. */
    private static List<String> expectedFacet(List<Listed> matches, Function<Listed, String> dimension, int top) {
        Map<String, Long> counts = matches.stream().collect(Collectors.groupingBy(dimension, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.<String, Long>comparingByKey()))
                .limit(top).map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static List<String> counts(JsonNode values) {
        List<String> counts = new ArrayList<>();
        values.forEach(value -> counts.add(value.path("value").asText() + "=" + value.path("count").asLong()));
        return counts;
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
