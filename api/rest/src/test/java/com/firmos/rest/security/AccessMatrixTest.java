package com.firmos.rest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of the OpenAPI document, called the wrong way: without a token, with an expired one, as a viewer
 * writing, with a portal session on workbench paths, as another tenant on this tenant's ids, and with a portal
 * session of another engagement on this engagement's ids. Each must be refused with 401, 403 or 404 as
 * problem+json, never a 5xx, and never with this tenant's data.
 */
class AccessMatrixTest extends IntegrationTest {

    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    private static final Set<String> PUBLIC = Set.of("/api/v1/portal/links/{token}", "/api/v1/portal/sessions");

    @Autowired
    private JwtProperties jwt;

    private String marker;
    private UUID engagement;
    private List<Endpoint> endpoints;

    @BeforeEach
    void tenantWithData() {
        marker = "Secret-" + UUID.randomUUID();
        String client = api.post("/api/v1/clients", admin(), "{\"name\": \"" + marker + "\"}").text("profile/id");
        engagement = UUID.fromString(api.post("/api/v1/engagements", admin(), "{\"clientId\": \"" + client
                + "\", \"name\": \"" + marker + "\"}").text("id"));
        endpoints = endpoints();
    }

    @Test
    void withoutATokenEveryEndpointAnswers401() {
        assertEvery(endpoints(endpoint -> !PUBLIC.contains(endpoint.template())), null, Set.of(401));
    }

    @Test
    void withAnExpiredTokenEveryEndpointAnswers401() throws Exception {
        String expired = signed(tenant, "admin", Instant.now().minusSeconds(60));
        assertEvery(endpoints(endpoint -> !PUBLIC.contains(endpoint.template())), expired, Set.of(401));
    }

    @Test
    void aViewerWritesNothing() {
        assertEvery(endpoints(endpoint -> WRITES.contains(endpoint.method()) && !endpoint.portal()),
                token(tenant, "viewer"), Set.of(403));
    }

    @Test
    void aPortalSessionReachesNoWorkbenchPath() {
        String session = portalSession(engagement);
        assertEvery(endpoints(endpoint -> !endpoint.portal()), session, Set.of(403));
    }

    @Test
    void anotherTenantNeverSeesThisTenantsData() {
        String stranger = token(otherTenant, "admin");
        for (Endpoint endpoint : endpoints(candidate -> !candidate.portal()
                && !PUBLIC.contains(candidate.template()))) {
            Response answer = call(endpoint, stranger);
            assertThat(answer.status()).as(endpoint + " " + answer.body()).isLessThan(500);
            assertThat(answer.body()).as(endpoint.toString()).doesNotContain(marker);
        }
    }

    @Test
    void aPortalSessionOfAnotherEngagementSeesNothingOfThisOne() {
        UUID otherEngagement = engagement();
        String session = portalSession(otherEngagement);
        for (Endpoint endpoint : endpoints(candidate -> candidate.portal()
                && !PUBLIC.contains(candidate.template()))) {
            Response answer = call(endpoint, session);
            assertThat(answer.status()).as(endpoint + " " + answer.body()).isLessThan(500);
            assertThat(answer.body()).as(endpoint.toString()).doesNotContain(marker);
        }
    }

    private void assertEvery(List<Endpoint> selected, String token, Set<Integer> expected) {
        assertThat(selected).isNotEmpty();
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : selected) {
            Response answer = call(endpoint, token);
            if (!expected.contains(answer.status()) || answer.contentType() == null
                    || !answer.contentType().startsWith("application/problem+json")) {
                wrong.add(endpoint + " -> " + answer.status() + " " + answer.body());
            }
        }
        assertThat(wrong).as("answers other than " + expected).isEmpty();
    }

    private Response call(Endpoint endpoint, String token) {
        String path = endpoint.template().replaceAll("\\{[^}]*[Tt]oken[^}]*}", "not-a-token")
                .replaceAll("\\{(engagementId|id)}", engagement.toString())
                .replaceAll("\\{slug}", "value_proposition").replaceAll("\\{name}", "timeline")
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        String body = WRITES.contains(endpoint.method()) && !endpoint.method().equals("delete") ? "{}" : null;
        return api.send(endpoint.method().toUpperCase(Locale.ROOT), path, token, body, Map.of());
    }

    private List<Endpoint> endpoints(Predicate<Endpoint> filter) {
        return endpoints.stream().filter(filter).toList();
    }

    private List<Endpoint> endpoints() {
        JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");
        List<Endpoint> found = new ArrayList<>();
        paths.propertyNames().forEach(path -> paths.get(path).propertyNames().forEach(method -> {
            if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                found.add(new Endpoint(method, path));
            }
        }));
        return found;
    }

    private String portalSession(UUID target) {
        String link = api.post("/api/v1/engagements/" + target + "/portal-access", admin(), """
                {"contactName": "Grace", "sections": ["playbook", "projects", "tasks", "timeline", "status",
                 "conversations", "invoices"]}""").text("token");
        return api.post("/api/v1/portal/sessions", null, "{\"token\": \"" + link + "\"}").text("sessionToken");
    }

    private String signed(String organization, String role, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(jwt.localIssuer()).audience(jwt.audience())
                .subject("user_" + role).claim(CurrentUser.ORGANIZATION_CLAIM, organization)
                .claim(CurrentUser.ROLE_CLAIM, role).issueTime(Date.from(expires.minusSeconds(3600)))
                .expirationTime(Date.from(expires)).build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        token.sign(new MACSigner(jwt.secret().getBytes(StandardCharsets.UTF_8)));
        return token.serialize();
    }

    private record Endpoint(String method, String template) {

        boolean portal() {
            return template.startsWith("/api/v1/portal/");
        }

        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + template;
        }
    }
}
