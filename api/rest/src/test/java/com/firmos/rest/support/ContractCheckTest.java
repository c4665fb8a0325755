package com.firmos.rest.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLSession;

import org.junit.jupiter.api.Test;

/** The check itself, on a document of three operations: what it lets through and what it holds. */
class ContractCheckTest {

    private static final String DOCUMENT = """
            {"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": {
              "/api/v1/things": {"post": {"responses": {"201": {"description": "created",
                  "headers": {"Location": {"$ref": "#/components/headers/Location"}},
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}},
              "/api/v1/things/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "required": true,
                  "schema": {"type": "string"}}],
                "responses": {"200": {"description": "a thing", "content": {"application/json": {"schema": {
                  "$ref": "#/components/schemas/Thing"}}}}}}},
              "/api/v1/things/{id}/versioned": {"get": {"parameters": [{"name": "id", "in": "path",
                  "required": true, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "a thing",
                  "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
                  "content": {"application/json": {"schema": {"type": "object"}}}}}}}},
              "components": {"schemas": {"Thing": {"type": "object", "properties": {
                  "version": {"type": "integer"}}}},
                "headers": {"ETag": {"required": true, "schema": {"type": "string"}},
                "Location": {"required": true, "schema": {"type": "string"}}}}}""";

    private final ContractCheck check = ContractCheck.ofDocument(DOCUMENT);

    @Test
    void anAnswerCarryingAHeaderItsOperationDoesNotDeclareFails() {
        assertThatThrownBy(() -> check.check("GET", "/api/v1/things/42", Map.of(), null,
                answer(200, Map.of("ETag", "\"3\""), "{\"version\": 3}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("header ETag is sent with 200 but not declared");
    }

    @Test
    void anAnswerMissingAHeaderItsOperationRequiresFails() {
        assertThatThrownBy(() -> check.check("GET", "/api/v1/things/42/versioned", Map.of(), null,
                answer(200, Map.of(), "{}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ETag");
    }

    @Test
    void aCreateWithoutItsLocationFails() {
        assertThatThrownBy(() -> check.check("POST", "/api/v1/things", Map.of(), null, answer(201, Map.of(), "{}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Location");
    }

    @Test
    void aCreateWhoseLocationTheDocumentCannotReadFails() {
        assertThatThrownBy(() -> check.check("POST", "/api/v1/things", Map.of(), null,
                answer(201, Map.of("Location", "/api/v1/things?id=42"), "{}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Location /api/v1/things has no GET in the document");
    }

    @Test
    void aCreateWhoseLocationReadsSomethingElseFails() {
        assertThatThrownBy(() -> check.check("POST", "/api/v1/things", Map.of(), null,
                answer(201, Map.of("Location", "/api/v1/things/42/versioned"), "{}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Location /api/v1/things/42/versioned reads an answer of"
                        + " {\"type\":\"object\"}, not the Thing created");
    }

    /** What the document describes passes, a header in any case: the failures above are for what they name. */
    @Test
    void anAnswerAsDocumentedPasses() {
        check.check("GET", "/api/v1/things/42/versioned", Map.of(), null,
                answer(200, Map.of("etag", "\"3\""), "{}"));
        check.check("GET", "/api/v1/things/42", Map.of(), null, answer(200, Map.of(), "{\"version\": 3}"));
        check.check("POST", "/api/v1/things", Map.of(), null,
                answer(201, Map.of("Location", "/api/v1/things/42"), "{}"));
    }

    private static HttpResponse<String> answer(int status, Map<String, String> headers, String body) {
        Map<String, List<String>> all = new HashMap<>();
        headers.forEach((name, value) -> all.put(name, List.of(value)));
        all.put("Content-Type", List.of("application/json"));
        HttpHeaders wire = HttpHeaders.of(all, (name, value) -> true);
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpRequest request() {
                return HttpRequest.newBuilder(URI.create("http://localhost/")).build();
            }

            @Override
            public Optional<HttpResponse<String>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return wire;
            }

            @Override
            public String body() {
                return body;
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return URI.create("http://localhost/");
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
