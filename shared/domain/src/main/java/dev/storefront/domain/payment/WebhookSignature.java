package dev.storefront.domain.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures in the {@code Stripe-Signature} scheme: the header {@code t=<unix seconds>,v1=<hex>}
 * where {@code v1} is HMAC-SHA256 of {@code "<t>.<raw body>"} under the endpoint's secret, accepted only
 * within {@value #TOLERANCE_SECONDS} seconds of {@code t} (replays of old events are refused). Several
 * {@code v1} entries (a secret being rolled) are accepted if any matches.
 */
public final class WebhookSignature {

    public static final long TOLERANCE_SECONDS = 300;

    private final byte[] secret;

    public WebhookSignature(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("webhook secrets have at least 16 bytes");
        }
        this.secret = secret.clone();
    }

    /** The header value signing {@code body} at {@code at}. */
    public String sign(byte[] body, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(t, body));
    }

    /** Whether {@code header} signs exactly {@code body}, within the tolerance of {@code now}. */
    public boolean verify(String header, byte[] body, Instant now) {
        if (header == null || header.length() > 1000) {
            return false;
        }
        Long t = null;
        java.util.List<String> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("t") && kv[1].matches("[0-9]{1,12}")) {
                t = Long.parseLong(kv[1]);
            } else if (kv[0].equals("v1") && kv[1].matches("[0-9a-f]{64}")) {
                signatures.add(kv[1]);
            }
        }
        if (t == null || signatures.isEmpty()
                || Duration.between(Instant.ofEpochSecond(t), now).abs().getSeconds() > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] expected = mac(t, body);
        return signatures.stream().anyMatch(s -> MessageDigest.isEqual(HexFormat.of().parseHex(s), expected));
    }

    private byte[] mac(long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
