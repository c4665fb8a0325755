package com.firmos.benchmarks.crud;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The baseline's dashboards take the product's bearer tokens and check them as the product does: HS256 with the
 * development secret, issuer, expiry within the 12-hour cap, and sub, org_id and a known role. Only
 * {@code /crud/dashboards/**} is guarded, so the command path's baseline runs without security filters as before.
 */
@Configuration
class DashboardSecurity {

    /** firmos.security.jwt.secret in api/rest's application.yml: the secret the jar signs with in dev mode. */
    private static final String DEVELOPMENT_SECRET = "local-development-secret-not-for-production-use-0123456789";
    private static final String ISSUER = "firmos-local";
    private static final Duration LIFETIME_CAP = Duration.ofHours(12).plusSeconds(60);
    private static final Set<String> ROLES = Set.of("admin", "consultant", "viewer", "client", "operator");

    @Bean
    SecurityFilterChain dashboards(HttpSecurity http) throws Exception {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(
                DEVELOPMENT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(ISSUER),
                DashboardSecurity::complete));
        return http.securityMatcher("/crud/dashboards/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    private static OAuth2TokenValidatorResult complete(Jwt jwt) {
        String role = jwt.getClaimAsString("role");
        Instant issued = jwt.getIssuedAt() == null ? Instant.now() : jwt.getIssuedAt();
        boolean valid = hasText(jwt.getSubject()) && hasText(jwt.getClaimAsString("org_id")) && role != null
                && ROLES.contains(role.toLowerCase(Locale.ROOT)) && jwt.getExpiresAt() != null
                && Duration.between(issued, jwt.getExpiresAt()).compareTo(LIFETIME_CAP) <= 0;
        return valid ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token"));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
