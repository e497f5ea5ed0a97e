package dev.storefront.domain.catalog;

import dev.storefront.domain.error.FieldError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Input rules of the catalog administration contract, checked before anything is stored. */
public final class ProductRules {

    public static final int SKU_MAX = 64;
    public static final int NAME_MAX = 200;
    public static final int DESCRIPTION_MAX = 5000;
    public static final int LABEL_MAX = 100;
    public static final long PRICE_MIN = 1;
    public static final long PRICE_MAX = 100_000_000;
    public static final int AVAILABLE_MAX = 1_000_000;
    public static final int WEIGHT_MIN = 1;
    public static final int WEIGHT_MAX = 1_000_000;
    public static final int IMAGES_MAX = 10;
    public static final int IMAGE_URL_MAX = 2048;
    public static final int ATTRIBUTES_MAX = 50;
    public static final int ATTRIBUTE_KEY_MAX = 50;
    public static final int ATTRIBUTE_VALUE_MAX = 500;

    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1," + SKU_MAX + "}");
    /** Product ids are generated (ULIDs); anything else cannot name a product. */
    private static final Pattern PRODUCT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private ProductRules() {
    }

    /** The problems of a draft; empty when it may be stored in a store selling in {@code storeCurrency}. */
    public static List<FieldError> checkDraft(ProductDraft draft, String storeCurrency) {
        List<FieldError> errors = new ArrayList<>();
        if (!SKU.matcher(draft.sku()).matches()) {
            errors.add(new FieldError("sku", "must be 1 to " + SKU_MAX + " characters of A-Z, a-z, 0-9, '.', '_' or '-'"));
        }
        text("name", draft.name(), 1, NAME_MAX).ifPresent(errors::add);
        text("description", draft.description(), 0, DESCRIPTION_MAX).ifPresent(errors::add);
        text("category", draft.category(), 1, LABEL_MAX).ifPresent(errors::add);
        text("brand", draft.brand(), 1, LABEL_MAX).ifPresent(errors::add);
        long amount = draft.price().amount();
        if (amount < PRICE_MIN || amount > PRICE_MAX) {
            errors.add(new FieldError("price.amount", "must be between " + PRICE_MIN + " and " + PRICE_MAX
                    + " minor units"));
        }
        if (!draft.price().currency().equals(storeCurrency)) {
            errors.add(new FieldError("price.currency", "must be " + storeCurrency + ", the store currency"));
        }
        checkAvailable(draft.available()).ifPresent(error -> errors.add(new FieldError("stock.available",
                error.message())));
        if (draft.weightGrams() < WEIGHT_MIN || draft.weightGrams() > WEIGHT_MAX) {
            errors.add(new FieldError("weightGrams", "must be between " + WEIGHT_MIN + " and " + WEIGHT_MAX));
        }
        checkImages(draft.images(), errors);
        checkAttributes(draft.attributes(), errors);
        return errors;
    }

    /** The problem with a stock level, if any. */
    public static Optional<FieldError> checkAvailable(int available) {
        if (available < 0 || available > AVAILABLE_MAX) {
            return Optional.of(new FieldError("available", "must be between 0 and " + AVAILABLE_MAX));
        }
        return Optional.empty();
    }

    /** Whether a string can be the id of a product at all (ids are generated, URL-safe, short). */
    public static boolean isProductId(String productId) {
        return productId != null && PRODUCT_ID.matcher(productId).matches();
    }

    /** A draft with surrounding white space removed from its texts, as it is stored. */
    public static ProductDraft normalize(ProductDraft draft) {
        return new ProductDraft(draft.sku(), draft.name().strip(), draft.description().strip(),
                draft.category().strip(), draft.brand().strip(), draft.price(), draft.available(),
                draft.weightGrams(), draft.images(), draft.attributes());
    }

    private static Optional<FieldError> text(String field, String value, int min, int max) {
        String stripped = value.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length < min) {
            return Optional.of(new FieldError(field, "must not be empty"));
        }
        if (length > max) {
            return Optional.of(new FieldError(field, "must be at most " + max + " characters"));
        }
        if (stripped.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            return Optional.of(new FieldError(field, "must not contain control characters"));
        }
        return Optional.empty();
    }

    private static void checkImages(List<String> images, List<FieldError> errors) {
        if (images.size() > IMAGES_MAX) {
            errors.add(new FieldError("images", "must hold at most " + IMAGES_MAX + " URLs"));
            return;
        }
        for (int i = 0; i < images.size(); i++) {
            if (!isHttpsUrl(images.get(i))) {
                errors.add(new FieldError("images[" + i + "]", "must be an https URL of at most " + IMAGE_URL_MAX
                        + " characters"));
            }
        }
    }

    private static boolean isHttpsUrl(String url) {
        if (url.length() > IMAGE_URL_MAX) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void checkAttributes(Map<String, String> attributes, List<FieldError> errors) {
        if (attributes.size() > ATTRIBUTES_MAX) {
            errors.add(new FieldError("attributes", "must hold at most " + ATTRIBUTES_MAX + " entries"));
            return;
        }
        attributes.forEach((key, value) -> {
            int keyLength = key.codePointCount(0, key.length());
            if (key.isBlank() || keyLength > ATTRIBUTE_KEY_MAX) {
                errors.add(new FieldError("attributes", "keys must be 1 to " + ATTRIBUTE_KEY_MAX + " characters"));
            } else if (value.codePointCount(0, value.length()) > ATTRIBUTE_VALUE_MAX) {
                errors.add(new FieldError("attributes." + key, "must be at most " + ATTRIBUTE_VALUE_MAX
                        + " characters"));
            }
        });
    }
}
