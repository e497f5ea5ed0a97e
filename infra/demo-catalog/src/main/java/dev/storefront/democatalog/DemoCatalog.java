package dev.storefront.democatalog;

import dev.storefront.domain.Money;
import dev.storefront.domain.catalog.ProductDraft;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import net.datafaker.Faker;

/**
 * Generates the demo catalog: believable products over 19 departments, built with datafaker.
 *
 * <p>Deterministic: the same seed gives equal drafts, in the same order, on any JVM (the locale is fixed
 * to en-US and every random draw comes from one {@link Random} seeded with the seed). A longer catalog
 * starts with the shorter one: {@code generate(s, 1000)} is the first 1000 of {@code generate(s, 100_000)}.
 * SKUs are unique up to {@link #MAX_COUNT} products. Attribute maps are unordered ({@code Map.copyOf}):
 * sort the keys when byte-identical output matters.
 */
public final class DemoCatalog {

    public static final String DEFAULT_CURRENCY = "USD";
    /** SKUs carry a six-digit serial, a permutation of the product's index. */
    public static final int MAX_COUNT = 1_000_000;

    static final String IMAGE_BASE = "https://img.storefront.example/p/";

    private static final int BRANDS_PER_CATEGORY = 10;
    private static final int SOLD_OUT_PERCENT = 8;
    private static final int MAX_STOCK = 500;
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]");
    private static final DemoCategory[] CATEGORIES = DemoCategory.values();
    private static final int TOTAL_WEIGHT = java.util.Arrays.stream(CATEGORIES).mapToInt(c -> c.weight).sum();

    private final String currency;

    /** A generator pricing in {@value #DEFAULT_CURRENCY}. */
    public DemoCatalog() {
        this(DEFAULT_CURRENCY);
    }

    /** @param currency ISO 4217 code of the store currency; prices are minor units (two decimals) */
    public DemoCatalog(String currency) {
        this.currency = Money.zero(Objects.requireNonNull(currency, "currency")).currency();
    }

    /** The first {@code count} products of the catalog of {@code seed}. */
    public List<ProductDraft> generate(long seed, int count) {
        List<ProductDraft> drafts = new ArrayList<>(checkCount(count));
        iterator(seed, count).forEachRemaining(drafts::add);
        return drafts;
    }

    /** The same products as {@link #generate}, one at a time, for catalogs too large to hold. */
    public Stream<ProductDraft> stream(long seed, int count) {
        return StreamSupport.stream(Spliterators.spliterator(iterator(seed, checkCount(count)), count,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
    }

    /** The same products as {@link #generate}; not thread-safe. */
    public Iterator<ProductDraft> iterator(long seed, int count) {
        return new Generator(seed, checkCount(count), currency);
    }

    private static int checkCount(int count) {
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be 0.." + MAX_COUNT + ": " + count);
        }
        return count;
    }

    private static final class Generator implements Iterator<ProductDraft> {
        /** Coprime with 10^6, so {@code index * STRIDE + offset (mod 10^6)} never repeats a serial. */
        private static final int STRIDE = 387_419;

        private final Random random;
        private final Faker faker;
        private final int count;
        private final String currency;
        private final int serialOffset;
        private final Map<DemoCategory, List<String>> brands = new EnumMap<>(DemoCategory.class);
        private int index;

        Generator(long seed, int count, String currency) {
            this.count = count;
            this.currency = currency;
            // Brand pools come from their own random stream so they do not depend on how many products follow.
            Faker brandFaker = new Faker(Locale.US, new Random(seed ^ 0x5DEECE66DL));
            for (DemoCategory category : CATEGORIES) {
                brands.put(category, brandPool(brandFaker, category));
            }
            this.serialOffset = brandFaker.random().nextInt(MAX_COUNT);
            this.random = new Random(seed);
            this.faker = new Faker(Locale.US, random);
        }

        private static List<String> brandPool(Faker faker, DemoCategory category) {
            Set<String> pool = new LinkedHashSet<>();
            for (int attempt = 0; attempt < 200 && pool.size() < BRANDS_PER_CATEGORY; attempt++) {
                pool.add(category.brand(faker));
            }
            return List.copyOf(pool);
        }

        @Override
        public boolean hasNext() {
            return index < count;
        }

        @Override
        public ProductDraft next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            DemoCategory category = category();
            String brand = brand(category);
            String name = category.name(faker, brand);
            String sku = category.code + "-" + brandCode(brand) + "-" + serial(index);
            Map<String, String> attributes = new LinkedHashMap<>();
            category.attributes(faker, attributes);
            ProductDraft draft = new ProductDraft(sku, name, description(category, name, brand),
                    category.label, brand, Money.of(price(category), currency), stock(),
                    logUniform(category.minGrams, category.maxGrams), images(sku), attributes);
            index++;
            return draft;
        }

        private DemoCategory category() {
            int ticket = random.nextInt(TOTAL_WEIGHT);
            for (DemoCategory category : CATEGORIES) {
                ticket -= category.weight;
                if (ticket < 0) {
                    return category;
                }
            }
            throw new AssertionError("weights");
        }

        /** A few brands carry most of a department, as in a real shop: the first of the pool is the likeliest. */
        private String brand(DemoCategory category) {
            List<String> pool = brands.get(category);
            double u = random.nextDouble();
            return pool.get((int) (u * u * pool.size()));
        }

        private String description(DemoCategory category, String name, String brand) {
            StringBuilder text = new StringBuilder()
                    .append(name).append(" from ").append(brand).append(": ")
                    .append(DemoCategory.lower(faker.company().catchPhrase())).append('.');
            if (random.nextInt(4) > 0) {
                text.append(' ').append(category.pitch(faker, name));
            }
            if (random.nextInt(3) == 0) {
                text.append(' ').append(DemoCategory.capitalize(faker.company().bs())).append(" with ")
                        .append(DemoCategory.lower(faker.commerce().material())).append(" quality.");
            }
            return text.toString();
        }

        /** Shelf prices: .99 mostly, some .49 and round ones; .99 prices above 20 end in 9 (249.99). */
        private long price(DemoCategory category) {
            long units = logUniform(category.minPrice, category.maxPrice);
            int ending = random.nextInt(20);
            if (ending < 13) {
                if (units >= 20) {
                    units = units - units % 10 + 9;
                }
                return units * 100 + 99;
            }
            return ending < 17 ? units * 100 + 49 : Math.max(units, 1) * 100;
        }

        /** Some sold out; the rest mostly low (a long tail up to {@value #MAX_STOCK}). */
        private int stock() {
            if (random.nextInt(100) < SOLD_OUT_PERCENT) {
                return 0;
            }
            double u = random.nextDouble();
            return 1 + (int) ((MAX_STOCK - 1) * u * u * u);
        }

        private List<String> images(String sku) {
            int n = 1 + random.nextInt(3);
            List<String> urls = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                urls.add(IMAGE_BASE + sku + "-" + i + ".jpg");
            }
            return urls;
        }

        private int logUniform(int min, int max) {
            double value = Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));
            return (int) Math.min(max, Math.max(min, Math.round(value)));
        }

        private String serial(int i) {
            long n = ((long) i * STRIDE + serialOffset) % MAX_COUNT;
            return String.format(Locale.ROOT, "%06d", n);
        }

        private static String brandCode(String brand) {
            String letters = NOT_ALPHANUMERIC.matcher(brand).replaceAll("").toUpperCase(Locale.ROOT);
            return (letters + "XXX").substring(0, 3);
        }
    }
}
