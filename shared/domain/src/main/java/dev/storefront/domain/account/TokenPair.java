package dev.storefront.domain.account;

/** The result of a login or refresh: a short-lived access token and a rotating refresh token. */
public record TokenPair(String accessToken, long expiresInSeconds, String refreshToken) {
}
