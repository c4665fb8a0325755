package com.firmos.rest.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How bearer tokens are verified. With an issuer URI or a JWK set URI (WorkOS or any OIDC provider) tokens
 * are checked against the provider's keys; otherwise they are HS256 tokens signed with {@code secret}, which
 * the {@code token} sub-command mints for local use. With an {@code audience}, a token must name it in {@code aud}.
 * Every token must expire, at most {@code maxTokenLifetime} after it was issued, whoever issued it.
 */
@ConfigurationProperties(JwtProperties.PREFIX)
public record JwtProperties(
        String issuerUri,
        String jwkSetUri,
        String secret,
        @DefaultValue("firmos-local") String localIssuer,
        @DefaultValue("PT8H") Duration localTokenLifetime,
        String audience,
        @DefaultValue("PT12H") Duration maxTokenLifetime) {

    public static final String PREFIX = "firmos.security.jwt";

    /** The secret shipped in application.yml: it signs only in development mode ({@code firmos.dev-mode}). */
    public static final String DEVELOPMENT_SECRET = "local-development-secret-not-for-production-use-0123456789";

    public boolean usesProvider() {
        return hasText(issuerUri) || hasText(jwkSetUri);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
