package com.firmos.rest.door;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.RawHttp;
import com.firmos.rest.support.RawHttp.Answer;

/**
 * What the container, the firewall and Spring refuse before any controller runs is a problem+json like every other
 * refusal, and never a 500: a path or query that is not percent-encoded UTF-8, a NUL in the query, a path the
 * firewall rejects, an Accept the API cannot answer, {@code /error} called directly.
 */
class ProtocolProblemsApiTest extends IntegrationTest {

    @ParameterizedTest(name = "{0} {1}, token {2}")
    @CsvSource({
            "GET, /error, false, 404, not-found",
            "GET, /error, true, 404, not-found",
            "GET, /api/v1/activities/%ZZ, true, 400, bad-request",
            "GET, /api/v1/activities/%FF, false, 400, bad-request",
            "GET, /api/v1/activities/%00, true, 400, bad-request",
            "GET, /api/v1//activities, true, 400, bad-request",
            "GET, /api/v1/timeline?cursor=%FF, true, 400, invalid-value",
            "GET, /api/v1/timeline?cursor=%ZZ, true, 400, invalid-value",
            "GET, /api/v1/conversations/00000000-0000-0000-0000-000000000000/messages?cursor=%FF, true, 400,"
                    + " invalid-value",
            "GET, /api/v1/pipeline?ownerId=%00, true, 400, invalid-value",
            "GET, /api/v1/relations?entityType=activity&entityId=a%00b, true, 400, invalid-value",
            "GET, /api/v1/fast-track/access?userId=%00, true, 400, invalid-value",
            "GET, /api/v1/pipeline?closeFrom=%2B999999999-01-01, true, 400, invalid-value",
            "GET, /api/v1/revenue?from=%2B999999999-01-01, true, 400, invalid-value",
            "GET, /api/v1/timeline?from=%2B999999999-01-01T00:00:00Z, true, 400, invalid-value"})
    void aRequestRefusedBeforeAnyControllerIsAProblem(String method, String target, boolean token, int status,
            String code) {
        Map<String, String> headers = token ? Map.of("Authorization", "Bearer " + admin()) : Map.of();
        Answer answer = new RawHttp(port()).send(method, target, headers);

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"code\":\"" + code + "\"");
    }

    @ParameterizedTest(name = "Accept {0}")
    @CsvSource({"application/xml", "text/csv"})
    void anAcceptTheApiCannotAnswerIsA406Problem(String accept) {
        Answer answer = new RawHttp(port()).send("GET", "/api/v1/engagements", Map.of("Authorization",
                "Bearer " + admin(), "Accept", accept));

        assertThat(answer.status()).as(answer.body()).isEqualTo(406);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    /** Through the contract check: the document describes these refusals as they are sent. */
    @Test
    void anAcceptTheOperationCannotAnswerIsA406TheDocumentDescribes() {
        Response refused = api.send("GET", "/api/v1/engagements", admin(), null, Map.of("Accept", "text/csv"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(406);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aBodyOfATypeTheOperationDoesNotReadIsA415AndCreatesNothing() {
        Response refused = api.send("POST", "/api/v1/clients", admin(), "{\"name\": \"Northwind\"}",
                Map.of("Content-Type", "text/plain"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(415);
        assertThat(refused.text("code")).isEqualTo("unsupported-media-type");
        assertThat(refused.text("field")).isEqualTo("Content-Type");
        assertThat(api.get("/api/v1/clients", admin()).body()).doesNotContain("Northwind");
    }

    /** A YAML reader on the classpath would read a body past every rule of the JSON one (a NUL, a huge number). */
    @Test
    void aYamlBodyIsA415AndAYamlAnswerA406() {
        Response body = api.send("POST", "/api/v1/clients", admin(), "name: \"Nul\\0Client\"\nbudget: 1e400\n",
                Map.of("Content-Type", "application/yaml"));
        Response answer = api.send("GET", "/api/v1/engagements", admin(), null, Map.of("Accept", "application/yaml"));

        assertThat(body.status()).as(body.body()).isEqualTo(415);
        assertThat(api.get("/api/v1/clients", admin()).body()).doesNotContain("Client\"");
        assertThat(answer.status()).as(answer.body()).isEqualTo(406);
        assertThat(answer.body()).doesNotContain("yaml");
    }

    @Test
    void aMethodThePathDoesNotTakeIsA405ListingTheMethodsItDoes() {
        Response refused = api.send("DELETE", "/api/v1/engagements", admin(), null, Map.of());

        assertThat(refused.status()).as(refused.body()).isEqualTo(405);
        assertThat(refused.text("code")).isEqualTo("method-not-allowed");
        assertThat(refused.header("Allow")).contains("GET", "POST");
    }

    @Test
    void aBodyNamingAFieldTwiceIsRefusedAndCreatesNothing() {
        Response refused = api.post("/api/v1/clients", admin(), "{\"name\": \"Northwind\", \"name\": \"Contoso\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/clients", admin()).body()).doesNotContain("Northwind", "Contoso");
    }

    /** Jackson would convert: 42 into "42", "42" into a number, true into "true". The document allows none. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\": 42}|name|must be a string",
            "{\"name\": true}|name|must be a string",
            "{\"name\": \"Northwind\", \"budget\": \"5000000\"}|budget|must be a number",
            "{\"name\": \"Northwind\", \"status\": 2}|status|must be one of [prospect, active, churned]",
            "{\"name\": \"Northwind\", \"deadline\": 1700000000}|deadline|must be a date or time as ISO 8601 text",
            "{\"name\": \"Northwind\", \"deadline\": [2027, 3, 4]}|deadline|must be a date or time as ISO 8601 text"})
    void aValueOfTheWrongJsonTypeIsRefusedNamingTheFieldAndTheTypeItTakes(String body, String field, String rule) {
        String before = api.get("/api/v1/clients", admin()).body();

        Response refused = api.post("/api/v1/clients", admin(), body);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo(field);
        assertThat(refused.text("rule")).isEqualTo(field + " " + rule);
        assertThat(api.get("/api/v1/clients", admin()).body()).isEqualTo(before);
    }
}
