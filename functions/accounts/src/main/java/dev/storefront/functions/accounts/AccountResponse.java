package dev.storefront.functions.accounts;

/** Body of a successful signup. */
record AccountResponse(String userId, String email, String name, String createdAt) {
}
