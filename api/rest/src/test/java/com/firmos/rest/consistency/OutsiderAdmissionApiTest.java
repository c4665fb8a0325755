package com.firmos.rest.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;

/** An outsider's view of read admission and aggregate turns: what one caller can do to others. */
class OutsiderAdmissionApiTest extends IntegrationTest {

    @Autowired
    private ReadAdmission reads;

    @Autowired
    private CommandAdmission commandAdmission;

    @Autowired
    private AggregateTurns turns;

    /**
     * Opening a portal link needs no token: anonymous reads wait in a queue of their own, so a flood of made-up
     * links neither fills an operator's queue nor a tenant's.
     */
    @Test
    void anAnonymousFloodOfLinkOpensCannotRefuseAnOperatorsReads() throws Exception {
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        AtomicBoolean flooding = new AtomicBoolean(true);
        List<CompletableFuture<Void>> flood = new ArrayList<>();
        Response ofOperator;
        Response ofTenant;
        try {
            for (int i = 0; i < 400; i++) {
                flood.add(CompletableFuture.runAsync(() -> {
                    while (flooding.get()) {
                        api.get("/api/v1/portal/links/" + UUID.randomUUID(), null);
                    }
                }, callers));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (reads.waiting() < 150 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            ofOperator = api.get("/api/v1/admin/projections", operatorOfNoTenant());
            ofTenant = api.get("/api/v1/clients", token(otherTenant, "admin"));
        } finally {
            flooding.set(false);
            CompletableFuture.allOf(flood.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            callers.shutdownNow();
        }
        assertThat(ofTenant.status()).as(ofTenant.body()).isEqualTo(200);
        assertThat(ofOperator.status()).as("operator's read during an anonymous flood: " + ofOperator.body())
                .isEqualTo(200);
    }

    /**
     * Tenant A names tenant B's activity in its own commands while A's share of admission is full: turns are the
     * caller's organization's, so B's change of its own activity does not wait behind A's.
     */
    @Test
    void aTenantWhoseCommandsAreCrowdedCannotHoldBackAnotherTenantsAggregate() throws Exception {
        String tokenOfB = token(otherTenant, "admin");
        String activityOfB = api.post("/api/v1/activities", tokenOfB, "{\"engagementId\": \""
                + openEngagement(api, tokenOfB) + "\", \"title\": \"B's own\"}").text("id");
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        List<FairAdmission.Permit> busyOfA = new ArrayList<>();
        List<CompletableFuture<Response>> ofA = new ArrayList<>();
        Response ofB;
        long took;
        try {
            // A's own long commands running: its whole share (concurrency less two).
            for (int i = 0; i < commandAdmission.concurrency() - 2; i++) {
                busyOfA.add(commandAdmission.admit(tenant));
            }
            for (int i = 0; i < 2; i++) {
                ofA.add(CompletableFuture.supplyAsync(() -> api.post("/api/v1/activities/" + activityOfB
                        + "/status", admin(), "{\"status\": \"in_progress\"}"), callers));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (turns.waiting() + commandAdmission.waiting() < i + 1 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            }
            long sent = System.nanoTime();
            ofB = api.post("/api/v1/activities/" + activityOfB + "/status", tokenOfB,
                    "{\"status\": \"in_progress\"}");
            took = System.nanoTime() - sent;
        } finally {
            busyOfA.forEach(FairAdmission.Permit::close);
            CompletableFuture.allOf(ofA.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
            callers.shutdownNow();
        }
        assertThat(ofB.status()).as(ofB.body()).isEqualTo(200);
        assertThat(Duration.ofNanos(took)).as("B's wait for its own activity").isLessThan(Duration.ofSeconds(5));
    }

    /**
     * A read spelled with an escaped letter ("/%61pi/...") is the same route to Spring, and is admitted like it:
     * while every permit is held it waits and is refused, instead of taking the pool past the reads' share.
     */
    @Test
    void aReadSpelledWithAnEscapedLetterCannotSkipReadAdmission() throws Exception {
        String token = admin();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Response escaped;
        Response plain;
        try {
            java.util.concurrent.atomic.AtomicInteger holding = new java.util.concurrent.atomic.AtomicInteger();
            for (int i = 0; i < reads.concurrency(); i++) {
                String other = "org_holder" + i + "_" + tenant;
                threads.submit(() -> reads.run(other, () -> {
                    holding.incrementAndGet();
                    try {
                        return release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (holding.get() < reads.concurrency() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            escaped = api.get("/%61pi/v1/clients", token);
            plain = api.get("/api/v1/clients", token);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        assertThat(plain.status()).as("the plain read waits and is refused").isEqualTo(503);
        assertThat(escaped.status()).as("the escaped read, not admitted: " + escaped.body()).isEqualTo(503);
    }

    /**
     * A portal session carries the firm's organization, yet its reads queue apart from the firm's staff: a
     * contact's flood of portal reads cannot get the staff's own reads refused.
     */
    @Test
    void aPortalContactsFloodCannotRefuseTheFirmsOwnStaff() throws Exception {
        com.firmos.rest.support.TenantFixture firm = com.firmos.rest.support.TenantFixture.build(api, "Firm",
                (role, user) -> token(tenant, role, user));
        String contact = firm.portalSession();
        assertThat(api.get("/api/v1/portal/planning-view", contact).status()).isEqualTo(200);
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        AtomicBoolean flooding = new AtomicBoolean(true);
        List<CompletableFuture<Void>> flood = new ArrayList<>();
        Response ofStaff;
        try {
            for (int i = 0; i < 400; i++) {
                flood.add(CompletableFuture.runAsync(() -> {
                    while (flooding.get()) {
                        api.get("/api/v1/portal/planning-view", contact);
                    }
                }, callers));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (reads.waiting() < 190 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            ofStaff = api.get("/api/v1/clients", admin());
        } finally {
            flooding.set(false);
            CompletableFuture.allOf(flood.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            callers.shutdownNow();
        }
        assertThat(ofStaff.status()).as("the firm's admin during its client's flood: " + ofStaff.body())
                .isEqualTo(200);
    }

    /** Refusals of every kind (400, 401, 404, 409, 500, a timed-out turn) leave no permit, waiter or turn behind. */
    @Test
    void refusedRequestsLeaveNoPermitOrTurnBehind() throws Exception {
        String token = admin();
        UUID engagement = engagement();
        String activity = api.post("/api/v1/activities", token, "{\"engagementId\": \"" + engagement
                + "\", \"title\": \"Leaks\"}").text("id");
        String farCursor = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("+300000-01-01T00:00:00Z|1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<Integer> statuses = new ArrayList<>();
        statuses.add(api.get("/api/v1/timeline?cursor=" + farCursor, token).status());
        statuses.add(api.get("/api/v1/timeline?limit=0", token).status());
        statuses.add(api.get("/api/v1/engagements/" + UUID.randomUUID() + "/planning-view", token).status());
        statuses.add(api.get("/api/v1/clients", null).status());
        statuses.add(api.post("/api/v1/activities/" + UUID.randomUUID() + "/status", token,
                "{\"status\": \"in_progress\"}").status());
        statuses.add(api.post("/api/v1/activities", token, "{\"id\": \"" + activity + "\", \"engagementId\": \""
                + engagement + "\", \"title\": \"Again\"}").status());
        statuses.add(api.post("/api/v1/activities/" + activity + "/status", token, "{\"status\": \"nope\"}")
                .status());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while ((reads.tenantsHeld() > 0 || commandAdmission.tenantsHeld() > 0
                || turns.inUse() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(reads.tenantsHeld()).isZero();
        assertThat(commandAdmission.tenantsHeld()).isZero();
        assertThat(turns.inUse()).isZero();
        // Every permit usable: a tenant's whole share at once.
        List<CompletableFuture<Response>> burst = new ArrayList<>();
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        for (int i = 0; i < 13; i++) {
            burst.add(CompletableFuture.supplyAsync(() -> api.get("/api/v1/activities/" + activity, token), callers));
        }
        assertThat(burst).allSatisfy(read -> assertThat(read.get(30, TimeUnit.SECONDS).status()).isEqualTo(200));
        callers.shutdownNow();
    }
}
