package com.firmos.rest.portal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.portal.PortalAccessView;
import com.firmos.api.messages.portal.PortalLink;
import com.firmos.api.messages.portal.PortalSection;
import com.firmos.rest.security.CurrentUser;
import com.firmos.rest.security.TokenLifetime;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Portal session tokens: what a magic link is exchanged for. They carry the tenant, the engagement, the client
 * and the allowed sections, and the role {@code client}, so they never pass a workbench path.
 */
@Component
@EnableConfigurationProperties(PortalProperties.class)
public class PortalSessions {

    public static final String ENGAGEMENT_CLAIM = "engagement_id";
    public static final String CLIENT_CLAIM = "client_id";
    public static final String SECTIONS_CLAIM = "sections";
    /** The fingerprint of the link the session was made from: a rotation ends the sessions of the old link. */
    public static final String LINK_CLAIM = "link";
    private static final Logger LOG = LoggerFactory.getLogger(PortalSessions.class);
    private static final int MIN_SECRET_BYTES = 32;

    private final PortalProperties properties;
    private final byte[] secret;

    PortalSessions(PortalProperties properties) {
        this.properties = properties;
        this.secret = properties.sessionSecret() == null ? new byte[0]
                : properties.sessionSecret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("firmos.portal.session-secret must be at least 32 bytes");
        }
        TokenLifetime.minted(properties.sessionLifetime(), properties.maxSessionLifetime(),
                "firmos.portal.session-lifetime");
        if (PortalProperties.DEVELOPMENT_SECRET.equals(properties.sessionSecret())) {
            LOG.warn("Portal sessions are signed with the development secret: set FIRMOS_PORTAL_SESSION_SECRET");
        }
    }

    public String issuer() {
        return properties.sessionIssuer();
    }

    record Session(String token, Instant expiresAt) {
    }

    Session mint(PortalLink link, String contactName) {
        Instant now = Instant.now();
        Instant expires = now.plus(properties.sessionLifetime());
        if (link.expiresAt() != null && link.expiresAt().isBefore(expires)) {
            expires = link.expiresAt();
        }
        // The token holds whole seconds (RFC 7519): the answer says the moment the token itself ends at.
        expires = expires.truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(properties.sessionIssuer())
                .subject("portal:" + link.accessId())
                .claim(CurrentUser.NAME_CLAIM, contactName)
                .claim(CurrentUser.ORGANIZATION_CLAIM, link.organizationId())
                .claim(CurrentUser.ROLE_CLAIM, "client")
                .claim(ENGAGEMENT_CLAIM, link.engagementId().toString())
                .claim(CLIENT_CLAIM, link.clientId() == null ? null : link.clientId().toString())
                .claim(LINK_CLAIM, PortalAccessView.fingerprint(link.tokenHash()))
                .claim(SECTIONS_CLAIM, link.sections().stream().map(section -> section.name()
                        .toLowerCase(Locale.ROOT)).sorted().toList())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret));
            return new Session(jwt.serialize(), expires);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a portal session", e);
        }
    }

    /** Verifies portal session tokens only: this server's key and issuer, and an engagement to be scoped to. */
    public JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
        OAuth2TokenValidator<Jwt> scoped = jwt -> jwt.getClaimAsString(ENGAGEMENT_CLAIM) != null
                && "client".equals(jwt.getClaimAsString(CurrentUser.ROLE_CLAIM))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "a portal session names its engagement", null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.sessionIssuer()), scoped,
                TokenLifetime.atMost(properties.maxSessionLifetime())));
        return decoder;
    }

    static List<PortalSection> sections(Jwt jwt) {
        List<String> names = jwt.getClaimAsStringList(SECTIONS_CLAIM);
        return names == null ? List.of() : names.stream()
                .map(name -> PortalSection.valueOf(name.toUpperCase(Locale.ROOT))).toList();
    }
}
