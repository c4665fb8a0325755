package com.firmos.rest.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.firmos.api.messages.revenue.IssueInvoiceCommand;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

/** docs/RELIABILITY.md section 9: bursts of commands and of reads, over HTTP on PostgreSQL. */
class BurstsApiTest extends IntegrationTest {

    private static final int BURST = 60;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private CommandAdmission admission;

    @Autowired
    private ReadAdmission reads;

    @Autowired
    private AggregateTurns turns;

    @Autowired
    private DataSource pool;

    @Autowired
    private ApplicationContext context;

    @Test
    void aBurstOfOneTenantDoesNotHoldBackAnother() throws Exception {
        String tokenOfA = admin();
        String tokenOfB = token(otherTenant, "admin");
        List<String> clientOfA = client(tokenOfA);
        List<String> draftsOfA = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            draftsOfA.add(draft(tokenOfA, clientOfA));
        }
        String draftOfB = draft(tokenOfB, client(tokenOfB));
        AtomicInteger answeredOfA = new AtomicInteger();
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            // A's issues all wait for A's invoice numbering, so they are answered one after another.
            List<CompletableFuture<Response>> burst = draftsOfA.stream()
                    .map(id -> CompletableFuture.supplyAsync(() -> issue(id, tokenOfA), callers)
                            .whenComplete((answer, failure) -> answeredOfA.incrementAndGet()))
                    .toList();
            // They wait for their turn on the numbering, or for admission.
            awaitUntil(() -> turns.waiting() + admission.waiting() >= BURST / 2);
            int unansweredWhenSent = BURST - answeredOfA.get();

            Response ofB = issue(draftOfB, tokenOfB);
            int unansweredWhenAnswered = BURST - answeredOfA.get();

            assertThat(ofB.status()).as(ofB.body()).isEqualTo(200);
            // Behind one queue for all, B would have waited for every issue of A's sent before it.
            assertThat(unansweredWhenAnswered).as("A's issues still unanswered when B's was answered, of %d when"
                    + " it was sent", unansweredWhenSent).isGreaterThanOrEqualTo(unansweredWhenSent / 2);
            CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(burst).allSatisfy(answer -> assertThat(answer.join().status()).as(answer.join().body())
                    .isEqualTo(200));
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aCommandBeyondItsTenantsQueueIsRefusedAtOnceWhileAnotherTenantWrites() throws Exception {
        String activity = api.post("/api/v1/activities", admin(), "{\"engagementId\": \"" + engagement()
                + "\", \"title\": \"Queued\"}").text("id");
        long eventsBefore = eventCount(activity);
        Response refused;
        Response ofOther;
        long took;
        try (CrowdedTenant crowded = CrowdedTenant.crowd(admission, tenant)) {
            long sent = System.nanoTime();
            refused = api.post("/api/v1/activities/" + activity + "/status", admin(), "{\"status\": \"in_progress\"}");
            took = System.nanoTime() - sent;
            ofOther = api.post("/api/v1/clients", token(otherTenant, "admin"), "{\"name\": \"Other\"}");
        }

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("code")).isEqualTo("server-busy");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        // Not parked for the admission's wait (20 s): refused as soon as it found the queue full.
        assertThat(Duration.ofNanos(took)).isLessThan(Duration.ofSeconds(10));
        assertThat(eventCount(activity)).isEqualTo(eventsBefore);
        assertThat(ofOther.status()).as(ofOther.body()).isEqualTo(201);
    }

    /**
     * The key is claimed, the command waits for admission behind its tenant's share, and the pool is full once it
     * is admitted: the answer is server-busy, nothing is stored, and the key is released for the retry.
     */
    @Test
    void aFullPoolAnswersServerBusyChangesNothingAndLeavesTheKeyUsable() throws Exception {
        String activity = api.post("/api/v1/activities", admin(), "{\"engagementId\": \"" + engagement()
                + "\", \"title\": \"Busy\"}").text("id");
        long eventsBefore = eventCount(activity);
        Map<String, String> key = Map.of("Idempotency-Key", "busy-" + UUID.randomUUID());
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        CountDownLatch releaseShare = new CountDownLatch(1);
        List<Connection> held = new ArrayList<>();
        try {
            AtomicInteger holding = new AtomicInteger();
            for (int i = 0; i < 10; i++) {
                threads.submit(() -> admission.run(tenant, () -> {
                    holding.incrementAndGet();
                    return awaitLatch(releaseShare);
                }));
            }
            awaitUntil(() -> holding.get() > 0 && admission.waiting() == 10 - holding.get());
            int queuedBefore = admission.waiting();
            CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() -> api.post("/api/v1/activities/"
                    + activity + "/status", admin(), "{\"status\": \"in_progress\"}", key), threads);
            awaitUntil(() -> admission.waiting() == queuedBefore + 1);

            holdEveryConnection(held);
            releaseShare.countDown();
            // Every command of the tenant has ended (the request's one failing on the pool): free the pool for the
            // request's release of its key.
            awaitUntil(() -> admission.tenantsHeld() == 0);
            closeAll(held);

            Response busy = answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(busy.status()).as(busy.body()).isEqualTo(503);
            assertThat(busy.contentType()).startsWith("application/problem+json");
            assertThat(busy.text("code")).isEqualTo("server-busy");
            assertThat(busy.text("detail")).contains("nothing was changed");
            assertThat(busy.header("Retry-After")).isEqualTo("1");
            assertThat(eventCount(activity)).isEqualTo(eventsBefore);
        } finally {
            releaseShare.countDown();
            closeAll(held);
            threads.shutdownNow();
        }
        Response retry = api.post("/api/v1/activities/" + activity + "/status", admin(),
                "{\"status\": \"in_progress\"}", key);
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isNull();
        assertThat(eventCount(activity)).isEqualTo(eventsBefore + 1);
    }

    @Test
    void aBurstOfReadsBeyondThePoolIsAnsweredWithoutQueueingOnThePool() throws Exception {
        String token = admin();
        String activity = api.post("/api/v1/activities", token, "{\"engagementId\": \"" + engagement()
                + "\", \"title\": \"Read often\"}").text("id");
        HikariPoolMXBean connections = pool.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        int size = pool.unwrap(HikariDataSource.class).getMaximumPoolSize();
        int burst = 4 * size;
        // A pool still opening its connections makes a caller wait for one however few are in use.
        awaitUntil(() -> connections.getTotalConnections() == size);
        AtomicInteger mostOnThePool = new AtomicInteger();
        AtomicInteger mostAdmitting = new AtomicInteger();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            CompletableFuture<?> watcher = CompletableFuture.runAsync(() -> {
                while (sending.get()) {
                    mostOnThePool.accumulateAndGet(connections.getThreadsAwaitingConnection(), Math::max);
                    mostAdmitting.accumulateAndGet(reads.waiting(), Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }, callers);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Response>> answers = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    awaitLatch(start);
                    return api.get("/api/v1/activities/" + activity, token);
                }, callers));
            }
            start.countDown();
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            sending.set(false);
            watcher.get(10, TimeUnit.SECONDS);

            assertThat(answers).allSatisfy(answer -> assertThat(answer.join().status()).as(answer.join().body())
                    .isEqualTo(200));
            // The reads beyond their admission waited for it in memory, none in the pool's queue.
            assertThat(mostAdmitting.get()).as("reads waiting for admission at once").isPositive();
            assertThat(mostOnThePool.get()).as("threads waiting for a pooled connection at once").isZero();
        } finally {
            sending.set(false);
            callers.shutdownNow();
        }
    }

    @Test
    void aReadNotAdmittedWithinTheWaitIsAServerBusyProblem() throws Exception {
        String token = admin();
        String activity = api.post("/api/v1/activities", token, "{\"engagementId\": \"" + engagement()
                + "\", \"title\": \"Read later\"}").text("id");
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        CountDownLatch release = new CountDownLatch(1);
        Response busy;
        long took;
        try {
            // Other tenants' reads hold every permit for longer than the wait (firmos.reads.admission-wait, 5 s).
            AtomicInteger holding = new AtomicInteger();
            for (int i = 0; i < reads.concurrency(); i++) {
                String other = "org_reader" + i + "_" + tenant;
                threads.submit(() -> reads.run(other, () -> {
                    holding.incrementAndGet();
                    return awaitLatch(release);
                }));
            }
            awaitUntil(() -> holding.get() == reads.concurrency());
            long sent = System.nanoTime();
            busy = api.get("/api/v1/activities/" + activity, token);
            took = System.nanoTime() - sent;
        } finally {
            release.countDown();
            threads.shutdownNow();
        }

        assertThat(busy.status()).as(busy.body()).isEqualTo(503);
        assertThat(busy.contentType()).startsWith("application/problem+json");
        assertThat(busy.text("code")).isEqualTo("server-busy");
        assertThat(busy.header("Retry-After")).isEqualTo("1");
        assertThat(Duration.ofNanos(took)).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        Response later = api.get("/api/v1/activities/" + activity, token);
        assertThat(later.status()).as(later.body()).isEqualTo(200);
    }

    /**
     * The test holds the tenant's invoice numbering as an issue does while it numbers; the issues sent meanwhile
     * wait for it, in memory: not one connection each (the share of the tenant's admission would let eight in).
     */
    @Test
    void issuesWaitingForTheTenantsNumberingHoldNoConnection() throws Exception {
        String token = admin();
        List<String> client = client(token);
        Response first = issue(draft(token, client), token);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            drafts.add(draft(token, client));
        }
        Repository<?> numberings = context.getBean("invoiceNumberingRepository", Repository.class);
        HikariPoolMXBean connections = pool.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            threads.submit(() -> DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
                numberings.load(IssueInvoiceCommand.NUMBERING_PREFIX + tenant);
                locked.countDown();
                return awaitLatch(release);
            }));
            assertThat(locked.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Response>> issues = drafts.stream()
                    .map(id -> CompletableFuture.supplyAsync(() -> issue(id, token), threads))
                    .toList();
            // Every issue at the numbering (one holding its turn, blocked on the test's lock, the rest queued for
            // the turn), then the pool watched for what they hold: the processors' work takes one now and then.
            awaitUntil(() -> turns.waiting() >= drafts.size() - 1);
            int fewestInUse = Integer.MAX_VALUE;
            for (long end = System.nanoTime() + 500_000_000L; System.nanoTime() < end; Thread.sleep(5)) {
                fewestInUse = Math.min(fewestInUse, connections.getActiveConnections());
            }
            assertThat(issues).noneMatch(CompletableFuture::isDone);
            assertThat(fewestInUse).as("connections in use all along while %d issues wait", drafts.size())
                    .isLessThan(drafts.size() / 2);

            release.countDown();
            CompletableFuture.allOf(issues.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(issues).allSatisfy(issued -> assertThat(issued.join().status()).as(issued.join().body())
                    .isEqualTo(200));
            assertThat(issues.stream().map(issued -> issued.join().text("number")).distinct()).hasSize(8);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    /** Takes every connection of the application's pool, waiting for those the processors hold to come back. */
    private void holdEveryConnection(List<Connection> held) throws InterruptedException, SQLException {
        int size = pool.unwrap(HikariDataSource.class).getMaximumPoolSize();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (held.size() < size) {
            assertThat(System.nanoTime()).as("the whole pool held in time").isLessThan(deadline);
            try {
                held.add(pool.getConnection());
            } catch (SQLException stillInUse) {
                Thread.sleep(10);
            }
        }
    }

    private static void closeAll(List<Connection> held) throws SQLException {
        for (Connection connection : held) {
            connection.close();
        }
        held.clear();
    }

    /** A client of the tenant and an engagement of it, for drafts. */
    private List<String> client(String token) {
        String client = api.post("/api/v1/clients", token, "{\"name\": \"Burst\"}").text("profile/id");
        return List.of(client, api.post("/api/v1/engagements", token, "{\"clientId\": \"" + client + "\"}")
                .text("id"));
    }

    private String draft(String token, List<String> client) {
        Response drafted = api.post("/api/v1/invoices", token, """
                {"clientId": "%s", "engagementId": "%s", "dueDate": "%s",
                 "lines": [{"description": "Consulting", "quantity": 1, "unitPrice": 100.00}]}"""
                .formatted(client.get(0), client.get(1), LocalDate.now().plusDays(30)));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        return drafted.text("id");
    }

    private Response issue(String invoice, String token) {
        return api.post("/api/v1/invoices/" + invoice + "/issue", token, null);
    }

    private static boolean awaitLatch(CountDownLatch latch) {
        try {
            return latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}
