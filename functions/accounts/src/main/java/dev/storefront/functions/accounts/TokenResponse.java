package dev.storefront.functions.accounts;

/** Body of a successful login or refresh. */
record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {
}
