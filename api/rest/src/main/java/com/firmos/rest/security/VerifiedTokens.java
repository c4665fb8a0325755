package com.firmos.rest.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Remembers the bearer tokens the decoder verified, each until it expires and for a few minutes at most, so that a
 * client's every request does not parse, verify and convert the same token again (a twentieth of a command's CPU,
 * docs/BENCHMARKS.md). Only tokens that passed every check are kept: a refused or malformed one is decoded, and
 * refused, on each request. Every check of a token is about the token alone, and those that depend on the time
 * (expiry, not-before, lifetime) cannot turn a valid token invalid before it expires; revocations (a portal access
 * taken back) are checked after decoding, on every request, as before.
 */
final class VerifiedTokens implements JwtDecoder {

    static final int SIZE = 4_096;
    static final Duration LONGEST = Duration.ofMinutes(5);

    private final JwtDecoder decoder;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder decoder) {
        this.decoder = decoder;
        this.verified = Caffeine.newBuilder().maximumSize(SIZE).expireAfter(Expiry.<String, Jwt>creating(
                (token, jwt) -> until(jwt.getExpiresAt()))).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && Instant.now().isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt decoded = decoder.decode(token);
        if (decoded.getExpiresAt() != null && Instant.now().isBefore(decoded.getExpiresAt())) {
            verified.put(token, decoded);
        }
        return decoded;
    }

    private static Duration until(Instant expires) {
        Duration left = Duration.between(Instant.now(), expires);
        return left.isNegative() ? Duration.ZERO : left.compareTo(LONGEST) < 0 ? left : LONGEST;
    }
}
