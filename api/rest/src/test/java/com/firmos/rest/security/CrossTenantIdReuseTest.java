package com.firmos.rest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.OpenApiOperations;
import com.firmos.rest.support.OpenApiOperations.Operation;
import com.firmos.rest.support.OpenApiOperations.Position;
import com.firmos.rest.support.TenantFixture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ids a client chooses (an activity's, a comment's, a relation's...) may be chosen again by another tenant. Tenant
 * B replays every write operation of the OpenAPI document with tenant A's ids in every client-chosen position, and
 * then edits and deletes what it made: none of A's views may change, neither live nor after a rebuild of every
 * projection, and a create that reuses A's id must not tell B that the id is taken elsewhere.
 *
 * <p>Nothing in A's snapshots is masked: no view of A holds a value that moves with the clock within a run (client
 * health, deal rotting and receivables ageing move by the day, so a run across midnight UTC could differ).
 */
class CrossTenantIdReuseTest extends IntegrationTest {

    /** Node-wide state (positions, lag, parked letters of every tenant), not A's views. */
    private static final List<String> NOT_A_VIEW = List.of("/api/v1/admin/projections", "/api/v1/admin/dead-letters");
    /** Operator tooling takes no client-chosen id; the rebuild is exercised on its own below. */
    private static final String OPERATIONS = "/api/v1/admin/";
    /**
     * Below one half the replays would prove little. Many of the rest rightly fail: a create of an aggregate with
     * A's id is a 409, and an edit of A's sub-entity in B's parent a 404.
     */
    private static final double MINIMUM_SUCCESS_SHARE = 0.5;

    @Test
    void tenantBReusingEveryIdOfTenantALeavesEveryViewOfAUnchanged() {
        OpenApiOperations document = OpenApiOperations.of(api);
        TenantFixture a = TenantFixture.build(api, "TenantA-" + UUID.randomUUID().toString().substring(0, 8),
                (role, user) -> token(tenant, role, user));
        // Reads with side effects (the portal marks an invoice viewed) have had them once before the baseline.
        snapshot(document, a);
        Map<String, String> before = snapshot(document, a);

        TenantFixture b = TenantFixture.build(api, "TenantB", (role, user) -> token(otherTenant, role, user));
        Replays replays = new Replays();
        Map<String, String> reusedAsParent = new HashMap<>();
        List<Operation> writes = document.writes().stream().filter(operation -> !operation.template()
                        .startsWith(OPERATIONS))
                .sorted(Comparator.comparing(Operation::order)).toList();
        // Each write, then B's follow-up on the id B created with A's value (edit, delete, erase "its" entity),
        // in the same order, so that what ends a parent comes after the follow-ups that need it.
        Set<String> followedUp = new TreeSet<>();
        for (Operation operation : writes) {
            replays.run(operation, b, (kind, position) -> {
                String id = reusing(a, b, kind, position);
                if (position == Position.CREATED && id != null) {
                    reusedAsParent.put(kind, id);
                }
                return id;
            });
            followUp(operation, a, b, reusedAsParent, replays, followedUp);
        }
        for (Operation operation : writes) {
            if (!followedUp.contains(operation.toString())) {
                followUp(operation, a, b, reusedAsParent, replays, followedUp);
            }
        }
        System.out.printf("CrossTenantIdReuseTest: %d operations replayed in %d calls, %d answered 2xx at least"
                        + " once (%d calls 2xx); never 2xx: %s%n", replays.operations.size(), replays.calls,
                replays.succeeded.size(), replays.successfulCalls, replays.neverSucceeded());

        List<String> changedLive = changed(before, snapshot(document, a));
        Response rebuild = api.post("/api/v1/admin/projections/rebuild", operatorToken(), null);
        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        await("every projection rebuilt and caught up").atMost(Duration.ofSeconds(180))
                .until(this::projectionsCaughtUp);
        List<String> changedAfterRebuild = changed(before, snapshot(document, a));

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(changedLive).as("A's views changed by B's replays").isEmpty();
            softly.assertThat(changedAfterRebuild).as("A's views changed after a rebuild of every projection")
                    .isEmpty();
            softly.assertThat(replays.serverErrors).as("replays answered with a 5xx").isEmpty();
            softly.assertThat(replays.successShare()).as("share of replayed operations that B could run at least"
                    + " once; never 2xx: " + replays.neverSucceeded()).isGreaterThanOrEqualTo(MINIMUM_SUCCESS_SHARE);
        });
    }

    @Test
    void aCreateReusingAnIdOfAnotherTenantRevealsNothing() {
        OpenApiOperations document = OpenApiOperations.of(api);
        TenantFixture a = TenantFixture.build(api, "TenantA", (role, user) -> token(tenant, role, user));
        TenantFixture b = TenantFixture.build(api, "TenantB", (role, user) -> token(otherTenant, role, user));
        // Parents of B's second data set make "other content" differ in what the product compares, parents too.
        TenantFixture elsewhereInB = TenantFixture.build(api, "TenantB2",
                (role, user) -> token(otherTenant, role, user));
        // Another user of B, so that the second create is not a retry of the fixture's, answered from memory.
        String otherAdmin = token(otherTenant, "admin", "user_admin_other");
        List<String> revealing = new ArrayList<>();
        int compared = 0;
        for (Operation operation : document.writes().stream().filter(candidate -> candidate.method().equals("post")
                && !candidate.destructive() && !candidate.template().startsWith(OPERATIONS)).toList()) {
            Map<Position, String> chosen = new LinkedHashMap<>();
            OpenApiOperations.Ids takenInA = (kind, position) -> {
                String id = reusing(a, b, kind, position);
                if (position != Position.PARENT && id != null) {
                    chosen.put(position, kind);
                }
                return id;
            };
            String path = operation.path(takenInA);
            String body = operation.body(takenInA);
            if (path == null || chosen.isEmpty() || operation.portal()) {
                continue;
            }
            OpenApiOperations.Ids takenInB = (kind, position) -> position == Position.PARENT
                    ? elsewhereInB.first(kind) : b.first(kind);
            String ownPath = operation.path(takenInB);
            String ownBody = operation.body(takenInB);
            if (ownPath == null || ownBody != null && ownBody.equals(body)) {
                continue;
            }
            Response inA = api.send("POST", path, b.admin(), body, Map.of());
            Response inB = api.send("POST", ownPath, otherAdmin, ownBody.replace("Replay", "Other"), Map.of());
            compared++;
            if (inA.status() >= 200 && inA.status() < 300) {
                continue;
            }
            if (inA.status() != inB.status() || !withoutInstance(inA).equals(withoutInstance(inB))) {
                revealing.add(operation + " " + chosen.values() + ": taken in A -> " + inA.status() + " "
                        + withoutInstance(inA) + " | taken in B -> " + inB.status() + " " + withoutInstance(inB));
            }
        }
        System.out.printf("CrossTenantIdReuseTest: %d creates compared between an id taken in A and in B%n",
                compared);
        assertThat(compared).as("creates that choose their ids").isGreaterThanOrEqualTo(10);
        assertThat(revealing.stream().sorted().toList())
                .as("creates whose answer tells an id taken in another tenant from one taken in this one").isEmpty();
    }

    private static void followUp(Operation operation, TenantFixture a, TenantFixture b,
            Map<String, String> reusedAsParent, Replays replays, Set<String> followedUp) {
        List<String> parameters = operation.parameters();
        if (parameters.isEmpty() || !reusedAsParent.containsKey(operation.kindOf(parameters.get(0)))) {
            return;
        }
        String kind = operation.kindOf(parameters.get(0));
        followedUp.add(operation.toString());
        replays.run(operation, b, (wanted, position) -> wanted.equals(kind) && position == Position.PARENT
                ? reusedAsParent.get(kind) : reusing(a, b, wanted, position));
    }

    /** In B's context: B's own parents, A's ids wherever a client chooses one. */
    private static String reusing(TenantFixture a, TenantFixture b, String kind, Position position) {
        if (kind.equals("portal-links")) {
            return b.first(kind);
        }
        if (position == Position.PARENT) {
            return b.first(kind);
        }
        String fromA = a.first(kind);
        return fromA != null ? fromA : b.first(kind);
    }

    /** Every GET of the document that A's ids can fill, as A's admin (the portal's as A's contact). */
    private Map<String, String> snapshot(OpenApiOperations document, TenantFixture a) {
        Map<String, String> views = new TreeMap<>();
        OpenApiOperations.Ids ids = (kind, position) -> a.first(kind);
        for (Operation operation : document.reads()) {
            if (NOT_A_VIEW.stream().anyMatch(operation.template()::startsWith)) {
                continue;
            }
            String path = operation.path(ids);
            if (path == null) {
                continue;
            }
            Response answer = api.get(path, operation.portal() ? a.portalSession() : a.admin());
            views.put("GET " + path, answer.status() + " " + answer.body());
        }
        return views;
    }

    private static List<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<String> changed = new ArrayList<>();
        for (String key : keys) {
            String was = before.get(key);
            String is = after.get(key);
            if (!String.valueOf(was).equals(String.valueOf(is))) {
                changed.add(key + "\n    before: " + around(was, is) + "\n    after:  " + around(is, was));
            }
        }
        return changed;
    }

    /** The part of a view around its first difference from the other. */
    private static String around(String text, String other) {
        if (text == null || other == null) {
            return String.valueOf(text);
        }
        int at = 0;
        while (at < text.length() && at < other.length() && text.charAt(at) == other.charAt(at)) {
            at++;
        }
        return text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 120));
    }

    private String withoutInstance(Response answer) {
        if (answer.body() == null || answer.body().isBlank()) {
            return "";
        }
        JsonNode json = answer.json();
        if (json instanceof ObjectNode object) {
            object.remove("instance");
        }
        return json.toString();
    }

    private boolean projectionsCaughtUp() {
        for (JsonNode projection : api.get("/api/v1/admin/projections", operatorToken()).json()) {
            if (projection.path("replaying").asBoolean() || projection.path("lag").asLong() > 0) {
                return false;
            }
        }
        return true;
    }

    private String operatorToken() {
        return operator();
    }

    /** Counts of B's replays: per operation, whether any call answered 2xx. */
    private final class Replays {

        private final Set<String> operations = new TreeSet<>();
        private final Set<String> succeeded = new TreeSet<>();
        private final Map<String, Set<Integer>> answers = new TreeMap<>();
        private final List<String> serverErrors = new ArrayList<>();
        private int calls;
        private int successfulCalls;

        void run(Operation operation, TenantFixture b, OpenApiOperations.Ids ids) {
            String path = operation.path(ids);
            if (path == null) {
                operations.add(operation.toString());
                return;
            }
            String token = operation.portal() ? b.portalSession() : b.admin();
            Response answer = operation.send(api, path, token, operation.body(ids));
            operations.add(operation.toString());
            calls++;
            answers.computeIfAbsent(operation.toString(), ignored -> new TreeSet<>()).add(answer.status());
            if (answer.status() >= 500) {
                serverErrors.add(operation + " " + path + " -> " + answer);
            }
            if (answer.status() >= 200 && answer.status() < 300) {
                succeeded.add(operation.toString());
                successfulCalls++;
            }
        }

        double successShare() {
            return operations.isEmpty() ? 0 : (double) succeeded.size() / operations.size();
        }

        List<String> neverSucceeded() {
            return operations.stream().filter(operation -> !succeeded.contains(operation))
                    .map(operation -> operation + " " + answers.get(operation)).toList();
        }
    }
}
