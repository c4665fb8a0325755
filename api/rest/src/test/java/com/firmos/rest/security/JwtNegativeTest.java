package com.firmos.rest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.firmos.rest.portal.PortalProperties;
import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/** Tokens that must not get in, each against a path a valid admin token reaches. */
class JwtNegativeTest extends IntegrationTest {

    private static final String PATH = "/api/v1/engagements";
    private static final String OTHER_KEY = "some-other-key-that-is-long-enough-for-hs256-0123456789";

    @Autowired
    private JwtProperties jwt;

    @Autowired
    private PortalProperties portal;

    @Test
    void aValidTokenGetsIn() throws Exception {
        assertThat(api.get(PATH, signed(claims(jwt.localIssuer(), Instant.now().plusSeconds(600)), jwt.secret()))
                .status()).isEqualTo(200);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        assertRefused(signed(claims("https://evil.example", Instant.now().plusSeconds(600)), jwt.secret()));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        JWTClaimsSet elsewhere = new JWTClaimsSet.Builder(claims(jwt.localIssuer(), Instant.now().plusSeconds(600)))
                .audience("another-api").build();

        assertRefused(signed(elsewhere, jwt.secret()));
    }

    @Test
    void aTokenWithoutAnAudienceIsRefused() throws Exception {
        JWTClaimsSet nowhere = new JWTClaimsSet.Builder(claims(jwt.localIssuer(), Instant.now().plusSeconds(600)))
                .audience((String) null).build();

        assertRefused(signed(nowhere, jwt.secret()));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        assertRefused(signed(claims(jwt.localIssuer(), Instant.now().minusSeconds(600)), jwt.secret()));
    }

    @Test
    void cannotGetInWithATokenThatNeverExpires() throws Exception {
        JWTClaimsSet endless = new JWTClaimsSet.Builder(claims(jwt.localIssuer(), Instant.now().plusSeconds(600)))
                .expirationTime(null).build();

        assertRefused(signed(endless, jwt.secret()));
    }

    @Test
    void cannotGetInWithATokenLivingLongerThanTheCap() throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet longLived = new JWTClaimsSet.Builder(claims(jwt.localIssuer(), now.plus(longerThanTheCap())))
                .issueTime(Date.from(now)).build();

        assertRefused(signed(longLived, jwt.secret()));
    }

    @Test
    void cannotStretchATokensLifeWithAnIssueTimeAhead() throws Exception {
        Instant later = Instant.now().plus(longerThanTheCap());
        JWTClaimsSet aheadOfTime = new JWTClaimsSet.Builder(claims(jwt.localIssuer(), later.plusSeconds(600)))
                .issueTime(Date.from(later)).build();

        assertRefused(signed(aheadOfTime, jwt.secret()));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertRefused(new PlainJWT(claims(jwt.localIssuer(), Instant.now().plusSeconds(600))).serialize());
    }

    @Test
    void aTokenSignedWithAnUnknownKeyIsRefused() throws Exception {
        assertRefused(signed(claims(jwt.localIssuer(), Instant.now().plusSeconds(600)), OTHER_KEY));
    }

    @Test
    void aTamperedPayloadIsRefused() throws Exception {
        String valid = signed(claims(jwt.localIssuer(), Instant.now().plusSeconds(600)), jwt.secret());
        String[] parts = valid.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(tenant, otherTenant);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertRefused(tampered);
    }

    @Test
    void aPortalSessionSignedWithTheWorkbenchKeyIsRefused() throws Exception {
        JWTClaimsSet forged = new JWTClaimsSet.Builder(claims(portal.sessionIssuer(), Instant.now().plusSeconds(600)))
                .claim(CurrentUser.ROLE_CLAIM, "client").claim("engagement_id", UUID.randomUUID().toString())
                .build();

        Response refused = api.get("/api/v1/portal/planning-view", signed(forged, jwt.secret()));

        assertThat(refused.status()).isEqualTo(401);
    }

    @Test
    void aMalformedTokenIsRefused() {
        assertRefused("not-a-jwt");
    }

    private Duration longerThanTheCap() {
        return jwt.maxTokenLifetime().plusHours(1);
    }

    private void assertRefused(String token) {
        Response refused = api.get(PATH, token);
        assertThat(refused.status()).as(refused.body()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    private JWTClaimsSet claims(String issuer, Instant expires) {
        return new JWTClaimsSet.Builder().issuer(issuer).audience(jwt.audience()).subject("user_ada")
                .claim(CurrentUser.NAME_CLAIM, "Ada")
                .claim(CurrentUser.ORGANIZATION_CLAIM, tenant).claim(CurrentUser.ROLE_CLAIM, "admin")
                .issueTime(Date.from(expires.minusSeconds(3600))).expirationTime(Date.from(expires)).build();
    }

    private static String signed(JWTClaimsSet claims, String key) throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        token.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
        return token.serialize();
    }
}
