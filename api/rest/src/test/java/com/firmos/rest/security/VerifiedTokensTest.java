package com.firmos.rest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    private final AtomicInteger decoded = new AtomicInteger();

    @Test
    void aVerifiedTokenIsNotDecodedAgainWhileItIsValid() {
        JwtDecoder tokens = new VerifiedTokens(valid(Instant.now().plusSeconds(60)));
        Jwt first = tokens.decode("token-a");

        assertThat(tokens.decode("token-a")).isSameAs(first);
        assertThat(decoded).hasValue(1);
        tokens.decode("token-b");
        assertThat(decoded).as("another token is decoded on its own").hasValue(2);
    }

    @Test
    void aRememberedTokenIsDecodedAgainOnceItExpires() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Instant expires = Instant.now().plusMillis(300);
        JwtDecoder tokens = new VerifiedTokens(token -> {
            if (calls.incrementAndGet() > 1) {
                throw new BadJwtException("expired");
            }
            return jwt(expires);
        });
        tokens.decode("token");
        Thread.sleep(400);

        assertThatThrownBy(() -> tokens.decode("token")).isInstanceOf(BadJwtException.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void aRefusedTokenIsDecodedAndRefusedEveryTime() {
        JwtDecoder tokens = new VerifiedTokens(token -> {
            decoded.incrementAndGet();
            throw new BadJwtException("bad signature");
        });

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(decoded).hasValue(2);
    }

    private JwtDecoder valid(Instant expires) {
        return token -> {
            decoded.incrementAndGet();
            return jwt(expires);
        };
    }

    private static Jwt jwt(Instant expires) {
        return Jwt.withTokenValue("t").header("alg", "HS256").subject("user_ada")
                .issuedAt(Instant.now()).expiresAt(expires).build();
    }
}
