package dev.storefront.functions.accounts;

import java.util.List;

/** Body of {@code GET /me}. */
record MeResponse(String userId, String email, String name, List<String> roles) {
}
