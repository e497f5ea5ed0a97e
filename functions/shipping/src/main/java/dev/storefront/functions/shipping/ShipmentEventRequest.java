package dev.storefront.functions.shipping;

import dev.storefront.domain.error.FieldError;
import dev.storefront.domain.shipment.ShipmentStatus;
import dev.storefront.platform.http.Validatable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Body of {@code POST /admin/shipments/{shipmentId}/events}: a carrier scan, {@code {status, location?}}. */
record ShipmentEventRequest(String status, String location) implements Validatable {

    static final int MAX_LOCATION = 200;

    @Override
    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>(Validatable.requireAll("status", status));
        if (status != null && ShipmentStatus.fromWireName(status).isEmpty()) {
            errors.add(new FieldError("status", "must be one of " + Arrays.stream(ShipmentStatus.values())
                    .map(Enum::name).collect(Collectors.joining(", "))));
        }
        if (location != null) {
            String stripped = location.strip();
            if (stripped.isEmpty() || stripped.length() > MAX_LOCATION) {
                errors.add(new FieldError("location", "must have 1 to " + MAX_LOCATION + " characters"));
            } else if (stripped.codePoints().anyMatch(Character::isISOControl)) {
                errors.add(new FieldError("location", "must not contain control characters"));
            }
        }
        return errors;
    }

    ShipmentStatus shipmentStatus() {
        return ShipmentStatus.fromWireName(status).orElseThrow();
    }

    /** The location without surrounding blanks, or null. */
    String strippedLocation() {
        return location == null ? null : location.strip();
    }
}
