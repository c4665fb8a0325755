package com.firmos.rest.door;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.RawHttp;
import com.firmos.rest.support.RawHttp.Answer;

/**
 * Request bodies are limited before they are parsed: a declared length over the route's cap is refused unparsed,
 * a chunked body as soon as it passes the cap, each with a 413 problem; a 64 MiB stream costs the heap next to
 * nothing, and a client that writes its whole body before it reads still reads the refusal. Caps
 * (application.yml): 16 KiB without a token or on portal sessions, 1 MiB by default, 32 MiB for the legacy import.
 */
class BodyLimitApiTest extends IntegrationTest {

    private static final long STREAM = 64L << 20;
    private static final int CHUNK = 64 << 10;
    private static final String SESSIONS = "/api/v1/portal/sessions";
    private static final String CLIENTS = "/api/v1/clients";

    private RawHttp raw;

    @BeforeEach
    void rawClient() {
        raw = new RawHttp(port());
    }

    /** A body within its cap is one unterminated JSON string: read to its end, it is malformed, not too large. */
    @ParameterizedTest(name = "{0} {1} bytes, {2}, token {3}: {4}")
    @CsvSource({
            "/api/v1/portal/sessions, 16385, chunked, false, 413, body-too-large",
            "/api/v1/portal/sessions, 16385, sized, false, 413, body-too-large",
            "/api/v1/portal/sessions, 16385, chunked, true, 413, body-too-large",
            "/api/v1/portal/sessions, 16384, chunked, false, 400, malformed-body",
            "/api/v1/clients, 16385, sized, false, 413, body-too-large",
            "/api/v1/clients, 1048577, chunked, true, 413, body-too-large",
            "/api/v1/clients, 1048577, sized, true, 413, body-too-large",
            "/api/v1/clients, 1048576, chunked, true, 400, malformed-body",
            "/api/v1/clients, 1048576, sized, true, 400, malformed-body",
            "/api/v1/admin/migrations/milestones?sourceOrganization=x, 33554433, sized, true, 413, body-too-large",
            "/api/v1/admin/migrations/milestones?sourceOrganization=x, 2097152, chunked, true, 400, malformed-body"})
    void aBodyIsReadUpToItsCapAndRefusedOneBytePastIt(String path, long length, String framing, boolean token,
            int status, String code) {
        Answer answer = send(path, length, framing, token);

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"code\":\"" + code + "\"");
    }

    @Test
    void aDeclaredLengthOverTheCapIsAnsweredBeforeTheBodyIsSent() {
        Answer answer = raw.sized("POST", SESSIONS, Map.of(), 1L << 30, CHUNK);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.sent()).as("bytes of the 1 GiB body sent before the answer").isLessThan(STREAM);
    }

    /**
     * Most clients (the JDK's, browsers) send their whole body before they read the answer. What is still coming
     * after the refusal is swallowed (up to {@code server.tomcat.max-swallow-size}, 16 MiB, where Tomcat's default
     * of 2 MiB would reset these), so the connection ends cleanly after the answer.
     */
    @ParameterizedTest(name = "{0} bytes to {1}, {2}, token {3}")
    @CsvSource({
            "12582912, /api/v1/clients, sized, true",
            "12582912, /api/v1/portal/sessions, sized, false",
            "12582912, /api/v1/clients, chunked, true",
            "12582912, /api/v1/portal/sessions, chunked, false"})
    void aClientThatSendsItsWholeBodyFirstStillReadsTheRefusal(long length, String path, String framing,
            boolean token) {
        Map<String, String> headers = token ? Map.of("Authorization", "Bearer " + admin()) : Map.of();

        Answer answer = raw.wholeThenRead("POST", path, headers, framing.equals("chunked"), length, CHUNK);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("\"code\":\"body-too-large\"");
    }

    @Test
    void aRefusalBeforeTheBodyIsReadAnnouncesItsLength() {
        Answer answer = raw.sized("POST", CLIENTS, Map.of("Authorization", "Bearer " + admin()), 2L << 20, CHUNK);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.headers()).containsKey("content-length");
        assertThat(answer.body()).contains("\"code\":\"body-too-large\"");
    }

    @Test
    void a64MiBChunkedStreamGrowsTheHeapFarLessThanItsSize() {
        for (String path : new String[] {SESSIONS, CLIENTS}) {
            Heap heap = new Heap();
            Answer answer = heap.watch(() -> send(path, STREAM, "chunked", path.equals(CLIENTS)));

            System.out.printf("BodyLimitApiTest: %s, 64 MiB chunked: %d; used heap rose by at most %.1f MiB,"
                    + " %.1f MiB allocated in all, %.1f MiB sent before the answer%n", path, answer.status(),
                    heap.growth / 1048576.0, heap.allocated / 1048576.0, answer.sent() / 1048576.0);
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body()).contains("\"code\":\"body-too-large\"");
            assertThat(heap.growth).as("peak growth of the used heap, in bytes").isLessThan(STREAM / 4);
            // Bounds the growth whatever the collector reports between collections: nothing grows unallocated.
            assertThat(heap.allocated).as("bytes allocated by every thread meanwhile").isLessThan(STREAM / 4);
        }
    }

    private Answer send(String path, long length, String framing, boolean token) {
        Map<String, String> headers = token ? Map.of("Authorization", "Bearer " + admin()) : Map.of();
        return framing.equals("chunked") ? raw.chunked("POST", path, headers, length, CHUNK)
                : raw.sized("POST", path, headers, length, CHUNK);
    }

    /** What the heap did while a request ran: the most used heap stood above its start, and what was allocated. */
    private static final class Heap {

        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private long growth;
        private long allocated;

        Answer watch(Supplier<Answer> request) {
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(before);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    LockSupport.parkNanos(500_000);
                }
            });
            long allocatedBefore = threads.getTotalThreadAllocatedBytes();
            try {
                return request.get();
            } finally {
                allocated = threads.getTotalThreadAllocatedBytes() - allocatedBefore;
                running.set(false);
                try {
                    sampler.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                growth = peak.get() - before;
            }
        }
    }
}
