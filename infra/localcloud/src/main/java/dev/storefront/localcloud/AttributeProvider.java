package dev.storefront.localcloud;

import java.util.Optional;

/**
 * Supplies local values for {@code Fn::GetAtt} (e.g. {@code Cache.Endpoint.Address} → {@code 127.0.0.1}).
 * Returning empty means "not known here"; the resolver then fails naming the resource and property.
 */
@FunctionalInterface
public interface AttributeProvider {

    Optional<Object> attribute(CloudFormationTemplate.Resource resource, String attribute);

    /** Knows nothing. */
    static AttributeProvider none() {
        return (resource, attribute) -> Optional.empty();
    }

    /** Tries this provider first, then {@code other}. */
    default AttributeProvider orElse(AttributeProvider other) {
        return (resource, attribute) -> {
            Optional<Object> value = attribute(resource, attribute);
            return value.isPresent() ? value : other.attribute(resource, attribute);
        };
    }
}
