package com.firmos.rest.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every operator sub-command shares: {@code --url} (default {@code http://localhost:8080}) and an admin's
 * {@code --token} (or {@code FIRMOS_TOKEN}), and calls to the running server's admin API. The commands go through
 * the server rather than the database so that they never race its processors, and act as the admin they name.
 */
final class AdminClient {

    /** A sub-command's work once its options are parsed: {@code words} are the arguments that are not options. */
    interface Action {
        int execute(AdminClient client, List<String> words) throws IOException, InterruptedException;
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = JsonMapper.builder().build();
    private final String url;
    private final String token;

    private AdminClient(String url, String token) {
        this.url = url;
        this.token = token;
    }

    /** Parses the options and runs the action; 2 for a usage error, 1 when the server refuses or is away. */
    static int run(String[] args, String usage, PrintStream err, Action action) {
        List<String> words = new ArrayList<>();
        String url = "http://localhost:8080";
        String token = System.getenv("FIRMOS_TOKEN");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = i + 1 < args.length ? args[++i] : null;
                case "--token" -> token = i + 1 < args.length ? args[++i] : null;
                default -> words.add(args[i]);
            }
        }
        if (url == null || token == null || words.isEmpty()) {
            err.println(usage);
            return 2;
        }
        try {
            int exit = action.execute(new AdminClient(url, token), words);
            if (exit == 2) {
                err.println(usage);
            }
            return exit;
        } catch (IOException e) {
            err.println("the server at " + url + " did not answer as expected: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return call("GET", path);
    }

    JsonNode post(String path) throws IOException, InterruptedException {
        return call("POST", path);
    }

    void delete(String path) throws IOException, InterruptedException {
        call("DELETE", path);
    }

    /** Hands each line of a streamed answer to {@code line} as it arrives. */
    void lines(String path, LineHandler line) throws IOException, InterruptedException {
        read(stream(path), line);
    }

    private void read(HttpResponse<InputStream> response, LineHandler line) throws IOException {
        failOnError(response);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            for (String next = reader.readLine(); next != null; next = reader.readLine()) {
                line.accept(json.readTree(next));
            }
        }
    }

    /** Posts a JSON body and hands each line of the streamed answer to {@code line} as it arrives. */
    void postLines(String path, byte[] body, LineHandler line) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).build();
        read(http.send(request, HttpResponse.BodyHandlers.ofInputStream()), line);
    }

    /** Copies a streamed answer to {@code target} as it arrives and returns the number of bytes. */
    long download(String path, OutputStream target) throws IOException, InterruptedException {
        try (InputStream body = stream(path).body()) {
            return body.transferTo(target);
        }
    }

    interface LineHandler {
        void accept(JsonNode line) throws IOException;
    }

    private HttpResponse<InputStream> stream(String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request("GET", path),
                HttpResponse.BodyHandlers.ofInputStream());
        failOnError(response);
        return response;
    }

    private static void failOnError(HttpResponse<InputStream> response) throws IOException {
        if (response.statusCode() >= 400) {
            try (InputStream body = response.body()) {
                throw new IOException("HTTP " + response.statusCode() + " "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    private HttpRequest request(String method, String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + token).build();
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode call(String method, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(method, path), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IOException("HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
    }
}
