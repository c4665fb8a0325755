package com.firmos.rest.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A bearer token must say when it expires, and not later than a cap after it was issued: a token without
 * {@code exp} would never expire, and a leaked long-lived one would work for as long as it claims.
 */
public final class TokenLifetime {

    /** The clock skew Spring's own expiry check allows. */
    private static final Duration SKEW = Duration.ofSeconds(60);

    private TokenLifetime() {
    }

    public static OAuth2TokenValidator<Jwt> atMost(Duration cap) {
        return jwt -> {
            Instant expires = jwt.getExpiresAt();
            if (expires == null) {
                return refused("the token has no expiry (exp)");
            }
            // An issue time ahead (or none) counts from now, so it cannot stretch the token's life beyond the cap.
            Instant now = Instant.now();
            Instant issued = jwt.getIssuedAt() == null || jwt.getIssuedAt().isAfter(now) ? now : jwt.getIssuedAt();
            return Duration.between(issued, expires).compareTo(cap.plus(SKEW)) > 0
                    ? refused("the token lives longer than " + cap + " (exp - iat)")
                    : OAuth2TokenValidatorResult.success();
        };
    }

    /** The lifetime a local token is minted with, refused when the server would refuse the token. */
    public static Duration minted(Duration lifetime, Duration cap, String setting) {
        if (lifetime.compareTo(cap) > 0) {
            throw new IllegalStateException(setting + " (" + lifetime + ") is longer than its cap (" + cap + ")");
        }
        return lifetime;
    }

    private static OAuth2TokenValidatorResult refused(String why) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", why, null));
    }
}
