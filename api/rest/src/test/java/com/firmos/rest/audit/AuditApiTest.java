package com.firmos.rest.audit;

import static com.firmos.rest.support.Json.flag;
import static com.firmos.rest.support.Json.number;
import static com.firmos.rest.support.Json.text;
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
            assertThat(text(event, "organizationId")).isEqualTo(tenant);
            assertThat(text(event, "actor/id")).isEqualTo("user_admin");
            assertThat(text(event, "occurredAt")).isNotBlank();
            assertThat(text(event, "metadata/correlationId")).isNotBlank();
        });
        assertThat(events.stream().map(event -> number(event, "globalIndex")).toList()).isSorted();
        JsonNode created = events.stream().filter(event -> text(event, "aggregateId").equals(activity))
                .findFirst().orElseThrow();
        assertThat(text(created, "eventType")).isEqualTo("ActivityCreatedEvent");
        assertThat(text(created, "payload/details/title")).isEqualTo("Stakeholder map");
        assertThat(events.toString()).doesNotContain("Not yours");
    }

    @Test
    void anEntityExportHasThatEntitysEventsInOrder() {
        Playbook playbook = new Playbook(api, admin());
        String activity = playbook.activity("Stakeholder map");
        playbook.activity("Another");
        api.post("/api/v1/activities/" + activity + "/status", admin(), "{\"status\": \"in_progress\"}");

        List<JsonNode> events = export("?entityId=" + activity);

        assertThat(events.stream().map(event -> number(event, "sequenceNumber")).toList()).containsExactly(0L, 1L);
        assertThat(events).allSatisfy(event -> assertThat(text(event, "aggregateId")).isEqualTo(activity));
        assertThat(export("?entityId=" + activity, token(otherTenant, "admin"))).isEmpty();
    }

    @Test
    void anEngagementExportHasItsOwnEventsOnly() {
        Playbook mine = new Playbook(api, admin());
        String activity = mine.activity("Ours");
        new Playbook(api, admin()).activity("Elsewhere");

        List<JsonNode> events = export("?engagementId=" + mine.engagement());

        assertThat(events.stream().map(event -> text(event, "aggregateId")))
                .contains(activity, mine.engagement().toString());
        assertThat(events.toString()).doesNotContain("Elsewhere");
    }

    @Test
    void anUntouchedChainVerifies() {
        writeSomeHistory();

        JsonNode verdict = verify();

        assertThat(flag(verdict, "intact")).as(verdict.toString()).isTrue();
        assertThat(number(verdict, "checked")).isEqualTo(export("").size());
        assertThat(number(verdict, "headPosition")).isEqualTo(number(verdict, "checked"));
    }

    @Test
    void concurrentWritersOfOneTenantKeepOneUnbrokenChain() throws Exception {
        Playbook playbook = new Playbook(api, admin());
        try (ExecutorService writers = Executors.newFixedThreadPool(8)) {
            IntStream.range(0, 24).forEach(i -> writers.submit(() -> playbook.activity("Parallel " + i)));
        }

        JsonNode verdict = verify();

        assertThat(flag(verdict, "intact")).as(verdict.toString()).isTrue();
        assertThat(number(verdict, "checked")).isEqualTo(export("").size()).isGreaterThanOrEqualTo(24);
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
                .param("id", text(export("").getLast(), "eventId")).update();
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
        assertThat(both.text("field")).isEqualTo("entityId");
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
        assertThat(flag(verdict, "intact")).isFalse();
        return List.of(text(verdict, "firstBreak/kind"),
                text(verdict, "firstBreak/eventId"));
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
