package com.firmos.rest.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.firmos.rest.cli.AuditCommand;
import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.Cli;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AuditApiTest extends IntegrationTest {

    @Autowired
    private DataSource dataSource;

    @TempDir
    private Path files;

    @Test
    void theExportHasEveryEventOfTheTenantWithPayloadActorAndTime() {
        Playbook playbook = new Playbook(api, admin());
        String activity = playbook.activity("Stakeholder map");
        api.post("/api/v1/activities/" + activity + "/status", admin(), "{\"status\": \"in_progress\"}");
        new Playbook(api, token(otherTenant, "admin")).activity("Not yours");

        List<JsonNode> events = export("");

        assertThat(events).isNotEmpty().allSatisfy(event -> {
            assertThat(event.get("organizationId").asString()).isEqualTo(tenant);
            assertThat(event.get("actor").get("id").asString()).isEqualTo("user_admin");
            assertThat(event.get("occurredAt").asString()).isNotBlank();
            assertThat(event.get("metadata").get("correlationId").asString()).isNotBlank();
        });
        assertThat(events.stream().map(event -> event.get("globalIndex").asLong()).toList()).isSorted();
        JsonNode created = events.stream().filter(event -> event.get("aggregateId").asString().equals(activity))
                .findFirst().orElseThrow();
        assertThat(created.get("eventType").asString()).isEqualTo("ActivityCreatedEvent");
        assertThat(created.get("payload").get("details").get("title").asString()).isEqualTo("Stakeholder map");
        assertThat(events.toString()).doesNotContain("Not yours");
    }

    @Test
    void anEntityExportHasThatEntitysEventsInOrder() {
        Playbook playbook = new Playbook(api, admin());
        String activity = playbook.activity("Stakeholder map");
        playbook.activity("Another");
        api.post("/api/v1/activities/" + activity + "/status", admin(), "{\"status\": \"in_progress\"}");

        List<JsonNode> events = export("?entityId=" + activity);

        assertThat(events.stream().map(event -> event.get("sequenceNumber").asLong()).toList())
                .containsExactly(0L, 1L);
        assertThat(events).allSatisfy(event -> assertThat(event.get("aggregateId").asString()).isEqualTo(activity));
        assertThat(export("?entityId=" + activity, token(otherTenant, "admin"))).isEmpty();
    }

    @Test
    void anEngagementExportHasItsOwnEventsOnly() {
        Playbook mine = new Playbook(api, admin());
        String activity = mine.activity("Ours");
        new Playbook(api, admin()).activity("Elsewhere");

        List<JsonNode> events = export("?engagementId=" + mine.engagement());

        assertThat(events.stream().map(event -> event.get("aggregateId").asString()))
                .contains(activity, mine.engagement().toString());
        assertThat(events.toString()).doesNotContain("Elsewhere");
    }

    @Test
    void anUntouchedChainVerifies() {
        writeSomeHistory();

        JsonNode verdict = verify();

        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("checked").asLong()).isEqualTo(export("").size());
        assertThat(verdict.get("headPosition").asLong()).isEqualTo(verdict.get("checked").asLong());
    }

    @Test
    void concurrentWritersOfOneTenantKeepOneUnbrokenChain() throws Exception {
        Playbook playbook = new Playbook(api, admin());
        try (ExecutorService writers = Executors.newFixedThreadPool(8)) {
            IntStream.range(0, 24).forEach(i -> writers.submit(() -> playbook.activity("Parallel " + i)));
        }

        JsonNode verdict = verify();

        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("checked").asLong()).isEqualTo(export("").size()).isGreaterThanOrEqualTo(24);
    }

    @Test
    void anAlteredEventIsFound() {
        String activity = writeSomeHistory();
        String altered = eventIds(activity).get(1);

        // One byte more: still valid JSON, so nothing but the chain would notice.
        jdbc.sql("UPDATE domain_event_entry SET payload = payload || '\\x20'::bytea WHERE event_identifier = :id")
                .param("id", altered).update();

        assertThat(firstBreak()).containsExactly("altered", altered);
    }

    @Test
    void aDeletedEventIsFound() {
        String activity = writeSomeHistory();
        String deleted = eventIds(activity).get(1);

        jdbc.sql("DELETE FROM domain_event_entry WHERE event_identifier = :id").param("id", deleted).update();

        assertThat(firstBreak()).containsExactly("deleted", deleted);
    }

    @Test
    void anEventInsertedPastTheChainIsFound() throws Exception {
        String activity = writeSomeHistory();
        String copied = eventIds(activity).getFirst();

        String inserted = insertBehindTheChainsBack(copied);

        assertThat(firstBreak()).containsExactly("inserted", inserted);
    }

    @Test
    void theCommandVerifiesAndExportsWithProgress() throws Exception {
        writeSomeHistory();
        Path file = files.resolve("audit.jsonl");

        Cli.Output verified = command("verify");
        Cli.Output exported = command("export", file.toString());

        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("intact: ");
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(Files.readAllLines(file)).hasSize(export("").size());
        assertThat(exported.out()).contains(export("").size() + " events written to " + file);
        jdbc.sql("DELETE FROM domain_event_entry WHERE event_identifier = :id")
                .param("id", export("").getLast().get("eventId").asString()).update();
        Cli.Output broken = command("verify");
        assertThat(broken.exitCode()).isEqualTo(4);
        assertThat(broken.out()).contains("BROKEN: deleted");
    }

    @Test
    void onlyAdminsReadTheAuditTrail() {
        assertThat(api.get("/api/v1/admin/audit/events", token(tenant, "consultant")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/audit/verification", token(tenant, "viewer")).status()).isEqualTo(403);
        Response both = api.get("/api/v1/admin/audit/events?entityId=x&engagementId=" + UUID.randomUUID(),
                admin());
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("field").asString()).isEqualTo("entityId");
    }

    /** An activity with three events: created, in progress, done. */
    private String writeSomeHistory() {
        String activity = new Playbook(api, admin()).activity("Audited");
        api.post("/api/v1/activities/" + activity + "/status", admin(), "{\"status\": \"in_progress\"}");
        api.post("/api/v1/activities/" + activity + "/status", admin(), "{\"status\": \"done\"}");
        return activity;
    }

    private List<String> eventIds(String aggregateId) {
        return jdbc.sql("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = :id"
                + " ORDER BY sequence_number").param("id", aggregateId).query(String.class).list();
    }

    /** A copy of a stored event written with triggers off, the way someone with database rights could. */
    private String insertBehindTheChainsBack(String eventId) throws Exception {
        String id = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry"
                            + " (global_index, event_identifier, aggregate_identifier, sequence_number, type,"
                            + " payload_type, payload_revision, payload, meta_data, time_stamp)"
                            + " SELECT nextval('domain_event_entry_seq'), ?, aggregate_identifier, 1000, type,"
                            + " payload_type, payload_revision, payload, meta_data, time_stamp"
                            + " FROM domain_event_entry WHERE event_identifier = ?")) {
                statement.execute("SET LOCAL session_replication_role = replica");
                insert.setString(1, id);
                insert.setString(2, eventId);
                insert.executeUpdate();
            }
            connection.commit();
        }
        return id;
    }

    private List<String> firstBreak() {
        JsonNode verdict = verify();
        assertThat(verdict.get("intact").asBoolean()).isFalse();
        return List.of(verdict.get("firstBreak").get("kind").asString(),
                verdict.get("firstBreak").get("eventId").asString());
    }

    private JsonNode verify() {
        Response verified = api.get("/api/v1/admin/audit/verification", admin());
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        List<JsonNode> lines = lines(verified.body());
        return lines.getLast().get("verification");
    }

    private List<JsonNode> export(String query) {
        return export(query, admin());
    }

    private List<JsonNode> export(String query, String token) {
        Response exported = api.get("/api/v1/admin/audit/events" + query, token);
        assertThat(exported.status()).as(exported.body()).isEqualTo(200);
        assertThat(exported.header("Content-Type")).startsWith("application/x-ndjson");
        return lines(exported.body());
    }

    private static List<JsonNode> lines(String body) {
        JsonMapper json = JsonMapper.builder().build();
        return body.lines().filter(line -> !line.isBlank()).map(json::readTree).toList();
    }

    private Cli.Output command(String... words) {
        String[] args = Stream.concat(Arrays.stream(words), Stream.of("--url", baseUrl(), "--token", admin()))
                .toArray(String[]::new);
        return Cli.run((out, err) -> AuditCommand.run(args, out, err));
    }
}
