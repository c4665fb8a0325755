package com.firmos.rest.door;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

/**
 * Bodies are capped one by one, and all of them held at once share one budget (64 MB): two imports still
 * arriving (32 MB each) spend it, and the next POST is told to come back rather than buffered.
 */
class BufferedBodiesApiTest extends IntegrationTest {

    private static final String CLIENT = "{\"name\": \"Northwind\"}";

    @Test
    void aPostBeyondTheBudgetOfBodiesBeingReceivedIsAskedToRetry() throws IOException {
        List<Socket> arriving = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                arriving.add(slowImport());
            }
            Response[] refused = new Response[1];
            // Generous: on a loaded machine the cold server takes seconds to read the first import's headers.
            await("the budget is spent while two imports arrive").atMost(Duration.ofSeconds(30))
                    .until(() -> (refused[0] = api.post("/api/v1/clients", admin(), CLIENT)).status() == 503);

            assertThat(refused[0].contentType()).startsWith("application/problem+json");
            assertThat(refused[0].text("code")).isEqualTo("server-busy");
            assertThat(refused[0].header("Retry-After")).isEqualTo("1");
        } finally {
            for (Socket socket : arriving) {
                socket.close();
            }
        }
        await("the budget comes back when the bodies are gone").atMost(Duration.ofSeconds(10))
                .until(() -> api.post("/api/v1/clients", admin(), CLIENT).status() == 201);
    }

    /** An import whose chunked body has begun and does not end. */
    private Socket slowImport() throws IOException {
        Socket socket = new Socket("localhost", port());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/admin/migrations/milestones?sourceOrganization=x HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + admin() + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
