package dev.storefront.search;

import dev.storefront.domain.error.FieldError;
import dev.storefront.domain.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A validated {@code GET /products} query.
 *
 * <p>Empty {@code q}, {@code category}, {@code brand} and {@code cursor} count as absent (an HTML form sends
 * its empty fields); every other parameter must be well-formed when present.
 *
 * @param q free text, at most {@value #MAX_QUERY_LENGTH} characters, or {@code null}
 * @param category exact category, compared case-insensitively, or {@code null}
 * @param brand exact brand, compared case-insensitively, or {@code null}
 * @param minPrice inclusive lower bound in minor units, or {@code null}
 * @param maxPrice inclusive upper bound in minor units, or {@code null}
 * @param inStock {@code true}: only products that can be sold now; {@code false}: only sold-out ones
 * @param sort the effective order: {@code relevance} without {@code q} becomes {@code newest}
 * @param limit page size, {@value #MIN_LIMIT}–{@value #MAX_LIMIT}
 * @param cursor the previous page's {@code nextCursor}, or {@code null}; its signature and its binding to
 *     this query are checked by {@link ProductIndex#search}
 */
public record SearchRequest(String q, String category, String brand, Long minPrice, Long maxPrice,
        Boolean inStock, SearchSort sort, int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MIN_LIMIT = 1;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_CURSOR_LENGTH = 512;

    /** Query parameters {@link #parse} accepts; any other is a client mistake (a typo must not be ignored). */
    public static final Set<String> PARAMETERS = Set.of("q", "category", "brand", "minPrice", "maxPrice",
            "inStock", "sort", "limit", "cursor");

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final Pattern NEGATIVE = Pattern.compile("-[0-9]+");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

    public SearchRequest {
        q = blankToNull(q);
        category = blankToNull(category);
        brand = blankToNull(brand);
        cursor = blankToNull(cursor);
        List<FieldError> errors = new ArrayList<>();
        checkRules(q, minPrice, maxPrice, limit, errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        if (sort == null || (sort == SearchSort.RELEVANCE && q == null)) {
            sort = q == null ? SearchSort.NEWEST : SearchSort.RELEVANCE;
        }
        if (cursor != null && !wellFormedCursor(cursor)) {
            throw invalidCursor();
        }
    }

    /** The first page of everything, newest first. */
    public static SearchRequest all() {
        return new SearchRequest(null, null, null, null, null, null, null, DEFAULT_LIMIT, null);
    }

    /** The first page of a free-text search, by relevance. */
    public static SearchRequest text(String q) {
        return new SearchRequest(q, null, null, null, null, null, null, DEFAULT_LIMIT, null);
    }

    /**
     * Validates the query string of {@code GET /products}.
     *
     * @throws ValidationException {@code validation} naming every bad parameter, or {@code invalid-cursor}
     *     when the cursor is the only problem
     */
    public static SearchRequest parse(Map<String, String> parameters) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : new TreeSet<>(parameters.keySet())) {
            if (!PARAMETERS.contains(name)) {
                errors.add(new FieldError(name, "is not a known parameter"));
            }
        }
        String q = blankToNull(parameters.get("q"));
        Long minPrice = price("minPrice", parameters.get("minPrice"), errors);
        Long maxPrice = price("maxPrice", parameters.get("maxPrice"), errors);
        Boolean inStock = null;
        String inStockValue = parameters.get("inStock");
        if (inStockValue != null) {
            if (inStockValue.equals("true") || inStockValue.equals("false")) {
                inStock = Boolean.valueOf(inStockValue);
            } else {
                errors.add(new FieldError("inStock", "must be true or false"));
            }
        }
        SearchSort sort = null;
        String sortValue = parameters.get("sort");
        if (sortValue != null) {
            Optional<SearchSort> known = SearchSort.fromParameter(sortValue);
            if (known.isPresent()) {
                sort = known.get();
            } else {
                errors.add(new FieldError("sort", "must be one of relevance, price_asc, price_desc, newest"));
            }
        }
        int limit = DEFAULT_LIMIT;
        String limitValue = parameters.get("limit");
        if (limitValue != null) {
            if (limitValue.matches("[0-9]{1,3}")) {
                limit = Integer.parseInt(limitValue);
            } else {
                errors.add(new FieldError("limit", "must be a whole number from " + MIN_LIMIT + " to " + MAX_LIMIT));
                limit = DEFAULT_LIMIT;
            }
        }
        checkRules(q, minPrice, maxPrice, limit, errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new SearchRequest(q, parameters.get("category"), parameters.get("brand"), minPrice, maxPrice,
                inStock, sort, limit, parameters.get("cursor"));
    }

    /** This request for the page after {@code cursor}. */
    public SearchRequest withCursor(String nextCursor) {
        return new SearchRequest(q, category, brand, minPrice, maxPrice, inStock, sort, limit, nextCursor);
    }

    /** This request with another page size. */
    public SearchRequest withLimit(int pageSize) {
        return new SearchRequest(q, category, brand, minPrice, maxPrice, inStock, sort, pageSize, cursor);
    }

    /**
     * What a cursor is bound to: everything that decides the set and order of matches. The page size is
     * left out on purpose, so a client may change {@code limit} between pages.
     */
    String fingerprint() {
        return String.join("\u0000", String.valueOf(q), lower(category), lower(brand),
                String.valueOf(minPrice), String.valueOf(maxPrice), String.valueOf(inStock), sort.parameter());
    }

    static ValidationException invalidCursor() {
        return new ValidationException("invalid-cursor", "The cursor is not valid for this query.",
                List.of(new FieldError("cursor", "is not a cursor this query returned")));
    }

    private static void checkRules(String q, Long minPrice, Long maxPrice, int limit, List<FieldError> errors) {
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            if (errors.stream().noneMatch(e -> e.field().equals("limit"))) {
                errors.add(new FieldError("limit", "must be a whole number from " + MIN_LIMIT + " to " + MAX_LIMIT));
            }
        }
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            errors.add(new FieldError("q", "must be at most " + MAX_QUERY_LENGTH + " characters"));
        }
        if (minPrice != null && minPrice < 0 && errors.stream().noneMatch(e -> e.field().equals("minPrice"))) {
            errors.add(new FieldError("minPrice", "must not be negative"));
        }
        if (maxPrice != null && maxPrice < 0 && errors.stream().noneMatch(e -> e.field().equals("maxPrice"))) {
            errors.add(new FieldError("maxPrice", "must not be negative"));
        }
        if (minPrice != null && maxPrice != null && minPrice >= 0 && maxPrice >= 0 && minPrice > maxPrice) {
            errors.add(new FieldError("minPrice", "must not be greater than maxPrice"));
        }
    }

    private static Long price(String name, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (DIGITS.matcher(value).matches()) {
            return Long.parseLong(value);
        }
        errors.add(new FieldError(name, NEGATIVE.matcher(value).matches()
                ? "must not be negative"
                : "must be a whole number of minor units, e.g. 1999"));
        return null;
    }

    private static ValidationException invalid(List<FieldError> errors) {
        if (errors.size() == 1 && errors.get(0).field().equals("cursor")) {
            return invalidCursor();
        }
        return new ValidationException("validation", "The search parameters are not valid.", errors);
    }

    private static boolean wellFormedCursor(String cursor) {
        return cursor.length() <= MAX_CURSOR_LENGTH && BASE64URL.matcher(cursor).matches();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String lower(String value) {
        return value == null ? "null" : value.toLowerCase(Locale.ROOT);
    }
}
