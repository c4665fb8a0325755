package com.firmos.rest.security;

import java.nio.charset.StandardCharsets;

/** The HS256 key shared by the server's decoder and the {@code token} sub-command. */
public final class LocalSecret {

    private static final int MIN_BYTES = 32;

    private LocalSecret() {
    }

    public static byte[] bytes(JwtProperties properties) {
        byte[] secret = properties.secret() == null
                ? new byte[0]
                : properties.secret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < MIN_BYTES) {
            throw new IllegalStateException(
                    "firmos.security.jwt.secret must be at least " + MIN_BYTES + " bytes for HS256");
        }
        return secret;
    }
}
