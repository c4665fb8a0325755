package com.firmos.rest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Who may do what: 401 without a valid token, 403 for the wrong role, and no tenant ever sees another. */
class AccessApiTest extends IntegrationTest {

    private UUID engagement;
    private String activityId;

    @BeforeEach
    void activityOfTenantA() {
        engagement = engagementAssignedTo("user_consultant");
        activityId = api.post("/api/v1/activities", admin(), """
                {"engagementId": "%s", "title": "Tenant A's secret plan"}""".formatted(engagement))
                .text("id");
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        Response response = api.get("/api/v1/activities/" + activityId, null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void tokenSignedWithAnotherSecretIsUnauthorized() throws Exception {
        String forged = sign(claims(tenant, "admin"), "a-completely-different-secret-of-enough-length!!");

        assertThat(api.get("/api/v1/activities/" + activityId, forged).status()).isEqualTo(401);
    }

    @Test
    void tokenWithoutTenantIsUnauthorized() throws Exception {
        JWTClaimsSet noTenant = new JWTClaimsSet.Builder(claims(tenant, "admin")).claim("org_id", null).build();

        assertThat(api.get("/api/v1/activities/" + activityId, sign(noTenant, localSecret())).status())
                .isEqualTo(401);
    }

    @Test
    void tokenWithUnknownRoleIsUnauthorized() throws Exception {
        assertThat(api.get("/api/v1/activities/" + activityId, sign(claims(tenant, "owner"), localSecret()))
                .status()).isEqualTo(401);
    }

    @Test
    void expiredTokenIsUnauthorized() throws Exception {
        JWTClaimsSet expired = new JWTClaimsSet.Builder(claims(tenant, "admin"))
                .issueTime(new Date(System.currentTimeMillis() - 7_200_000))
                .expirationTime(new Date(System.currentTimeMillis() - 3_600_000)).build();

        assertThat(api.get("/api/v1/activities/" + activityId, sign(expired, localSecret())).status())
                .isEqualTo(401);
    }

    @Test
    void viewerCanReadButNeverWrite() {
        String viewer = token(tenant, "viewer");

        assertThat(api.get("/api/v1/activities/" + activityId, viewer).status()).isEqualTo(200);
        assertThat(api.send("HEAD", "/api/v1/activities/" + activityId, viewer, null, Map.of()).status())
                .isEqualTo(200);
        Response write = api.post("/api/v1/activities/" + activityId + "/status", viewer, "{\"status\": \"done\"}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.contentType()).startsWith("application/problem+json");
        assertThat(eventCount(activityId)).isEqualTo(1);
    }

    @Test
    void assignedConsultantCanWrite() {
        Response write = api.post("/api/v1/activities/" + activityId + "/status", token(tenant, "consultant"),
                "{\"status\": \"in_progress\"}");

        assertThat(write.status()).isEqualTo(200);
    }

    @Test
    void clientTokenNeverReachesTheWorkbench() {
        String client = token(tenant, "client");

        assertThat(api.get("/api/v1/activities/" + activityId, client).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/engagements/" + engagement + "/planning-view", client).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/timeline", client).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/activities/" + activityId + "/status", client, "{\"status\": \"done\"}")
                .status()).isEqualTo(403);
    }

    @Test
    void otherTenantCannotSeeTheActivity() {
        String tenantB = token(otherTenant, "admin");

        assertThat(api.get("/api/v1/activities/" + activityId, tenantB).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/engagements/" + engagement + "/planning-view", tenantB).json()
                .findValues("id")).isEmpty();
        assertThat(api.get("/api/v1/timeline?entityId=" + activityId, tenantB).json().get("entries").size())
                .isZero();
        assertThat(api.get("/api/v1/timeline", tenantB).body()).doesNotContain(activityId, "secret plan");
    }

    @Test
    void otherTenantCannotChangeTheActivity() {
        String tenantB = token(otherTenant, "admin");

        Response move = api.post("/api/v1/activities/" + activityId + "/status", tenantB, "{\"status\": \"done\"}");
        Response edit = api.put("/api/v1/activities/" + activityId, tenantB, "{\"title\": \"Hijacked\"}",
                java.util.Map.of());
        Response takeOver = api.post("/api/v1/activities", tenantB, """
                {"id": "%s", "engagementId": "%s", "title": "Tenant A's secret plan"}"""
                .formatted(activityId, engagement));

        assertThat(move.status()).isEqualTo(404);
        assertThat(edit.status()).isEqualTo(404);
        assertThat(takeOver.status()).isEqualTo(409);
        assertThat(eventCount(activityId)).isEqualTo(1);
        Response stillA = api.get("/api/v1/activities/" + activityId, admin());
        assertThat(stillA.text("title")).isEqualTo("Tenant A's secret plan");
        assertThat(stillA.text("status")).isEqualTo("planned");
    }

    @Test
    void tenantComesFromTheTokenNeverFromTheBody() {
        Response created = api.post("/api/v1/activities", admin(), """
                {"engagementId": "%s", "title": "Smuggled", "organizationId": "%s"}"""
                .formatted(engagement, otherTenant));

        assertThat(created.text("organizationId")).isEqualTo(tenant);
    }

    private JWTClaimsSet claims(String organization, String role) {
        return new JWTClaimsSet.Builder().subject("user_x").issuer("firmos-local").claim("org_id", organization)
                .claim("role", role).issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + 600_000)).build();
    }

    private static String localSecret() {
        return JwtProperties.DEVELOPMENT_SECRET;
    }

    private static String sign(JWTClaimsSet claims, String secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
