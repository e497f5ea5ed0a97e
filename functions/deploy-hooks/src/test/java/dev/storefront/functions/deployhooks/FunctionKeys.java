package dev.storefront.functions.deployhooks;

import java.util.Locale;

/** The hook's key of a function (its probe and its variable) and the function's logical id in the template. */
final class FunctionKeys {

    private FunctionKeys() {
    }

    /** {@code ShipmentCreatorFunction} to {@code SHIPMENT_CREATOR}. */
    static String key(String logicalId) {
        String name = logicalId.endsWith("Function") ? logicalId.substring(0, logicalId.length() - "Function".length())
                : logicalId;
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** {@code SHIPMENT_CREATOR} to {@code ShipmentCreatorFunction}. */
    static String logicalId(String key) {
        StringBuilder id = new StringBuilder();
        for (String word : key.split("_")) {
            id.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return id.append("Function").toString();
    }
}
