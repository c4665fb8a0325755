package com.firmos.rest.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the tests: real requests on a real port, as a front end would send them. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient client = HttpClient.newHttpClient();
    private final boolean checked;

    /** A client whose every exchange is held to the server's OpenAPI document ({@link ContractCheck}). */
    public Api(String base) {
        this(base, true);
    }

    private Api(String base, boolean checked) {
        this.base = base;
        this.checked = checked;
    }

    /** The same server, unchecked: for a test whose exchanges are not the API's (a fault, a raw protocol error). */
    public Api unchecked() {
        return new Api(base, false);
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Response post(String path, String token, String body) {
        return send("POST", path, token, body, Map.of());
    }

    public Response post(String path, String token, String body, Map<String, String> headers) {
        return send("POST", path, token, body, headers);
    }

    public Response put(String path, String token, String body) {
        return send("PUT", path, token, body, Map.of());
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    public Response put(String path, String token, String body, Map<String, String> headers) {
        return send("PUT", path, token, body, headers);
    }

    public Response send(String method, String path, String token, String body, Map<String, String> headers) {
        return sendBytes(method, path, token, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Sends the body's bytes as they are: a test may send what no correct client would, such as invalid UTF-8. */
    public Response sendBytes(String method, String path, String token, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        // A header the test names replaces the default (a Content-Type of its own, say).
        headers.forEach(request::setHeader);
        try {
            HttpRequest built = request.build();
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            if (checked) {
                ContractCheck.of(base, client).check(method, path, built.headers().map(), body, response);
            }
            return new Response(response.statusCode(), response, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its status, headers and body; {@link #json()} parses the body, {@link Json} reads it. */
    public record Response(int status, HttpResponse<String> raw, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public JsonNode at(String path) {
            return Json.at(json(), path);
        }

        public String text(String path) {
            return Json.text(json(), path);
        }

        public long number(String path) {
            return Json.number(json(), path);
        }

        public boolean flag(String path) {
            return Json.flag(json(), path);
        }

        public List<String> texts(String path, String field) {
            return Json.texts(json(), path, field);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
