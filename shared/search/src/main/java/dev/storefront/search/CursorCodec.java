package dev.storefront.search;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.lucene.util.BytesRef;

/**
 * Opaque page cursors: the sort values of a page's last hit, bound to the query that produced them and
 * signed, so a client can neither forge a position nor replay a cursor against another query.
 *
 * <p>Layout before base64url: {@code version(1) | SHA-256(query fingerprint)[0..16) | value count(1) |
 * values | HMAC-SHA256(key, everything before)(32)}. A value is a tag and its bytes: {@code F} float bits
 * (4), {@code L} long (8), {@code S} length (2) and UTF-8 bytes.
 */
final class CursorCodec {

    private static final byte VERSION = 1;
    private static final int FINGERPRINT_BYTES = 16;
    private static final int MAC_BYTES = 32;
    private static final String HMAC = "HmacSHA256";
    /** At least 128 bits: the key is what stops a client from forging positions. */
    static final int MIN_KEY_BYTES = 16;

    private final SecretKeySpec key;

    CursorCodec(byte[] cursorKey) {
        if (cursorKey == null || cursorKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("cursorKey must hold at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(cursorKey.clone(), HMAC);
    }

    String encode(String fingerprint, Object[] sortValues) {
        ByteBuffer body = ByteBuffer.allocate(SearchRequest.MAX_CURSOR_LENGTH);
        body.put(VERSION).put(fingerprintHash(fingerprint)).put((byte) sortValues.length);
        for (Object value : sortValues) {
            if (value instanceof Float f) {
                body.put((byte) 'F').putInt(Float.floatToIntBits(f));
            } else if (value instanceof Long l) {
                body.put((byte) 'L').putLong(l);
            } else if (value instanceof BytesRef b) {
                body.put((byte) 'S').putShort((short) b.length).put(b.bytes, b.offset, b.length);
            } else {
                throw new IllegalStateException("unexpected sort value " + value);
            }
        }
        byte[] payload = Arrays.copyOf(body.array(), body.position());
        byte[] signed = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac(payload), 0, signed, payload.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    }

    /**
     * The sort values of {@code cursor}, whose types must be {@code expected} (Float, Long or BytesRef).
     *
     * @throws dev.storefront.domain.error.ValidationException {@code invalid-cursor} when the cursor is not
     *     one this key signed for this query
     */
    Object[] decode(String fingerprint, String cursor, Class<?>[] expected) {
        byte[] signed;
        try {
            signed = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException notBase64) {
            throw SearchRequest.invalidCursor();
        }
        if (signed.length < 1 + FINGERPRINT_BYTES + 1 + MAC_BYTES) {
            throw SearchRequest.invalidCursor();
        }
        byte[] payload = Arrays.copyOf(signed, signed.length - MAC_BYTES);
        byte[] signature = Arrays.copyOfRange(signed, payload.length, signed.length);
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            throw SearchRequest.invalidCursor();
        }
        ByteBuffer body = ByteBuffer.wrap(payload);
        byte version = body.get();
        byte[] hash = new byte[FINGERPRINT_BYTES];
        body.get(hash);
        byte count = body.get();
        // The signature is valid, so a mismatch here is a real cursor of another query (or index version).
        if (version != VERSION || !MessageDigest.isEqual(hash, fingerprintHash(fingerprint))
                || count != expected.length) {
            throw SearchRequest.invalidCursor();
        }
        try {
            Object[] values = new Object[expected.length];
            for (int i = 0; i < expected.length; i++) {
                byte tag = body.get();
                if (expected[i] == Float.class && tag == 'F') {
                    values[i] = Float.intBitsToFloat(body.getInt());
                } else if (expected[i] == Long.class && tag == 'L') {
                    values[i] = body.getLong();
                } else if (expected[i] == BytesRef.class && tag == 'S') {
                    byte[] bytes = new byte[Short.toUnsignedInt(body.getShort())];
                    body.get(bytes);
                    values[i] = new BytesRef(bytes);
                } else {
                    throw SearchRequest.invalidCursor();
                }
            }
            if (body.hasRemaining()) {
                throw SearchRequest.invalidCursor();
            }
            return values;
        } catch (java.nio.BufferUnderflowException truncated) {
            throw SearchRequest.invalidCursor();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] fingerprintHash(String fingerprint) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, FINGERPRINT_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
