package com.firmos.rest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Every collection the OpenAPI document lists under an engagement or a conversation is a 404 for another tenant's
 * parent and for one that does not exist, exactly as the parent itself, and a 200 for the parent's own tenant.
 */
class ForeignParentCollectionsApiTest extends IntegrationTest {

    @Test
    void collectionsUnderAnotherTenantsOrNoParentAre404() {
        UUID engagement = engagement();
        String conversation = api.post("/api/v1/engagements/" + engagement + "/conversations", admin(),
                "{\"subject\": \"Kick-off\"}").text("id");
        String stranger = token(otherTenant, "admin");
        List<String> routes = collectionRoutes();
        assertThat(routes).contains("/api/v1/engagements/{engagementId}/planning-view",
                "/api/v1/engagements/{engagementId}/timeline", "/api/v1/conversations/{id}/messages");

        List<String> wrong = new ArrayList<>();
        for (String route : routes) {
            String parent = route.startsWith("/api/v1/engagements/") ? engagement.toString() : conversation;
            for (Map.Entry<String, String> caller : Map.of("own tenant", admin(), "other tenant", stranger)
                    .entrySet()) {
                Response answer = api.get(fill(route, parent), caller.getValue());
                int expected = caller.getKey().equals("own tenant") ? 200 : 404;
                if (answer.status() != expected) {
                    wrong.add(route + " as " + caller.getKey() + " -> " + answer.status() + " " + answer.body());
                }
            }
            Response missing = api.get(fill(route, UUID.randomUUID().toString()), admin());
            if (missing.status() != 404 || !missing.contentType().startsWith("application/problem+json")) {
                wrong.add(route + " with no such parent -> " + missing.status() + " " + missing.body());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void versionsOfADocumentNotStartedAreNotFound() {
        String versions = "/api/v1/fast-track/tools/woop/document/versions";

        Response missing = api.get(versions, admin());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/fast-track/tools/woop/document", admin(), null).status()).isLessThan(300);
        assertThat(api.get(versions, admin()).status()).isEqualTo(200);
    }

    private List<String> collectionRoutes() {
        JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");
        List<String> routes = new ArrayList<>();
        paths.propertyNames().forEach(path -> {
            boolean underParent = path.matches("/api/v1/(engagements|conversations)/\\{[^}]+}/.+");
            if (underParent && paths.get(path).has("get")) {
                routes.add(path);
            }
        });
        return routes;
    }

    /** The parent's id in its place; the few other parameters get values any reader may ask for. */
    private static String fill(String route, String parent) {
        String path = route.replaceFirst("\\{[^}]+}", parent);
        return path.contains("{") ? path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()) : path;
    }
}
