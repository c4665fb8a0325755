package com.firmos.rest.milestone;

import static com.firmos.rest.support.Json.at;
import static com.firmos.rest.support.Json.flag;
import static com.firmos.rest.support.Json.number;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.firmos.rest.cli.MigrateCommand;
import com.firmos.rest.consistency.CommandAdmission;
import com.firmos.rest.consistency.CrowdedTenant;
import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.Cli;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.TestDatabase;

import tools.jackson.databind.JsonNode;

/**
 * The old Workbench's database, created by the test on the same PostgreSQL server: two engagements of the source
 * organization (one active with a milestone in every status, one closed) and one of another organization.
 */
class MilestoneMigrationTest extends IntegrationTest {

    private static final UUID SOURCE_ORG = UUID.fromString("a0000000-0000-4000-8000-000000000001");
    private static final UUID OTHER_ORG = UUID.fromString("a0000000-0000-4000-8000-000000000002");

    private final UUID active = UUID.randomUUID();
    private final UUID closed = UUID.randomUUID();
    private final UUID elsewhere = UUID.randomUUID();
    private final UUID pending = UUID.randomUUID();
    private final UUID started = UUID.randomUUID();
    private final UUID completed = UUID.randomUUID();
    private final UUID skipped = UUID.randomUUID();
    private String database;
    private String sourceUrl;

    @Autowired
    private CommandAdmission admission;

    @BeforeEach
    void oldWorkbenchDatabase() throws Exception {
        database = "legacy_" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("CREATE DATABASE " + database).update();
        sourceUrl = TestDatabase.get().url().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
        try (Connection source = DriverManager.getConnection(sourceUrl, TestDatabase.get().username(),
                TestDatabase.get().password()); Statement sql = source.createStatement()) {
            sql.execute("""
                    CREATE TABLE engagements (id UUID PRIMARY KEY, org_id UUID NOT NULL, client_id UUID NOT NULL,
                        name VARCHAR(255), status INTEGER NOT NULL DEFAULT 1, phase TEXT, proposal_id UUID,
                        created_at TIMESTAMPTZ NOT NULL DEFAULT now(), updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                        closed_at TIMESTAMPTZ);
                    CREATE TABLE engagement_phase_milestones (id UUID PRIMARY KEY,
                        engagement_id UUID NOT NULL REFERENCES engagements (id), title TEXT NOT NULL,
                        description TEXT, status TEXT NOT NULL, order_index INTEGER NOT NULL,
                        completed_at TIMESTAMPTZ, completed_by TEXT, created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                        updated_at TIMESTAMPTZ NOT NULL DEFAULT now())""");
            sql.execute("""
                    INSERT INTO engagements (id, org_id, client_id, name, status, phase) VALUES
                        ('%s', '%s', gen_random_uuid(), 'Northwind transformation', 1, 'activate'),
                        ('%s', '%s', gen_random_uuid(), 'Contoso pilot', 3, 'adopt'),
                        ('%s', '%s', gen_random_uuid(), 'Not ours', 1, 'align')"""
                    .formatted(active, SOURCE_ORG, closed, SOURCE_ORG, elsewhere, OTHER_ORG));
            sql.execute("""
                    INSERT INTO engagement_phase_milestones (id, engagement_id, title, description, status,
                        order_index, completed_at, completed_by) VALUES
                        ('%s', '%s', 'Kick-off', 'With the sponsor', 'completed', 0, '2025-03-01T10:00:00Z', 'ada'),
                        ('%s', '%s', 'Value stream map', null, 'in_progress', 1, null, null),
                        ('%s', '%s', 'Pilot team', null, 'pending', 2, null, null),
                        ('%s', '%s', 'Vendor review', null, 'skipped', 3, null, null),
                        (gen_random_uuid(), '%s', 'Rollout', null, 'completed', 0, '2025-05-01T10:00:00Z', 'bo'),
                        (gen_random_uuid(), '%s', 'Handover', null, 'completed', 1, '2025-06-01T10:00:00Z', 'bo'),
                        (gen_random_uuid(), '%s', 'Not ours either', null, 'pending', 0, null, null)"""
                    .formatted(completed, active, started, active, pending, active, skipped, active, closed, closed,
                            elsewhere));
        }
    }

    @AfterEach
    void dropOldWorkbenchDatabase() {
        jdbc.sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)").update();
    }

    @Test
    void aDryRunPrintsWhatWouldHappenAndChangesNothing() {
        Cli.Output dryRun = migrate("--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("DRY RUN - nothing was changed. 2 engagement(s), 6 milestone(s):"
                + " 6 would be imported, 0 already imported, 0 refused", "open-engagement " + active,
                "close-engagement " + closed, "import-milestone " + active + " " + completed);
        assertThat(api.get("/api/v1/engagements/" + active, admin()).status()).isEqualTo(404);
        assertThat(activities()).isZero();
    }

    @Test
    void anImportRunTwiceImportsOnceWithTheStatusMappingAndVerifies() {
        Cli.Output first = migrate();
        Cli.Output second = migrate();

        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("engagement 2 of 2", "6 imported, 0 already imported, 0 refused")
                .contains("verify " + active + ": source 4").doesNotContain("MISMATCH");
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains("0 imported, 6 already imported, 0 refused").doesNotContain("MISMATCH");
        assertThat(activities()).isEqualTo(6);
        JsonNode board = api.get("/api/v1/engagements/" + active + "/planning-view", admin()).json();
        assertThat(board.findValues("status").stream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("done", "in_progress", "planned", "skipped");
        assertThat(board.findValues("phase").stream().map(JsonNode::asString).distinct()).containsExactly("activate");
        assertThat(at(board, "buckets/0/activities").size()).isEqualTo(4);
        JsonNode kickOff = api.get("/api/v1/milestones/" + completed, admin()).json();
        assertThat(text(kickOff, "status")).isEqualTo("completed");
        assertThat(text(kickOff, "completed_by")).isEqualTo("ada");
        assertThat(text(kickOff, "completed_at")).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(api.get("/api/v1/engagements/" + closed, admin()).text("status")).isEqualTo("closed");
        assertThat(api.get("/api/v1/engagements/" + elsewhere, admin()).status()).isEqualTo(404);
    }

    @Test
    void theVerificationReportsAnActivityThatNoLongerMatchesItsMilestone() {
        migrate();
        Response moved = api.put("/api/v1/milestones/" + started + "/status", admin(), "{\"status\": \"completed\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        Cli.Output again = migrate();

        assertThat(again.exitCode()).isEqualTo(5);
        assertThat(again.out()).contains("MISMATCH missing [] status differs [\"" + started + "\"]");
    }

    @Test
    void aJsonExportImportsOverHttpAndRefusesWhatItCannotMap() {
        UUID engagement = UUID.randomUUID();
        UUID archived = UUID.randomUUID();
        String export = """
                {"engagements": [{"id": "%s", "org_id": "%s", "client_id": "%s", "name": "Fabrikam", "status": 1,
                                  "phase": "align", "created_at": "2025-01-01T00:00:00Z"}],
                 "engagement_phase_milestones": [
                    {"id": "%s", "engagement_id": "%s", "title": "Charter", "status": "pending", "order_index": 0},
                    {"id": "%s", "engagement_id": "%s", "title": "Old thing", "status": "archived", "order_index": 1}
                 ]}""".formatted(engagement, SOURCE_ORG, UUID.randomUUID(), UUID.randomUUID(), engagement,
                archived, engagement);

        Response imported = api.post("/api/v1/admin/migrations/milestones?sourceOrganization=" + SOURCE_ORG, admin(),
                export);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode report = lastLine(imported.body()).get("report");
        assertThat(number(report, "imported")).isEqualTo(1);
        assertThat(number(report, "refused")).isEqualTo(1);
        assertThat(flag(report, "matches")).isFalse();
        assertThat(report.get("actions").toString()).contains("status archived is not one of");
        assertThat(text(report, "verification/0/missing/0")).isEqualTo(archived.toString());
        assertThat(api.post("/api/v1/admin/migrations/milestones?sourceOrganization=" + SOURCE_ORG,
                token(tenant, "consultant"), export).status()).isEqualTo(403);
    }

    @Test
    void aCommandNotAdmittedIsReportedAsRefusedAndARerunImportsIt() throws Exception {
        UUID engagement = UUID.randomUUID();
        String export = """
                {"engagements": [{"id": "%s", "org_id": "%s", "client_id": "%s", "name": "Busy", "status": 1,
                                  "phase": "align", "created_at": "2025-01-01T00:00:00Z"}],
                 "engagement_phase_milestones": [
                    {"id": "%s", "engagement_id": "%s", "title": "Charter", "status": "pending", "order_index": 0}
                 ]}""".formatted(engagement, SOURCE_ORG, UUID.randomUUID(), UUID.randomUUID(), engagement);
        String path = "/api/v1/admin/migrations/milestones?sourceOrganization=" + SOURCE_ORG;

        Response busy;
        try (CrowdedTenant crowded = CrowdedTenant.crowd(admission, tenant)) {
            busy = api.post(path, admin(), export);
        }
        Response rerun = api.post(path, admin(), export);

        assertThat(busy.status()).as(busy.body()).isEqualTo(200);
        JsonNode refused = lastLine(busy.body()).get("report");
        assertThat(number(refused, "imported")).isZero();
        assertThat(number(refused, "refused")).isEqualTo(2);
        assertThat(flag(refused, "matches")).isFalse();
        assertThat(refused.get("actions").toString()).contains("open-engagement was not admitted");
        JsonNode imported = lastLine(rerun.body()).get("report");
        assertThat(number(imported, "imported")).isEqualTo(1);
        assertThat(number(imported, "refused")).isZero();
        assertThat(flag(imported, "matches")).isTrue();
    }

    @Test
    void theOldWorkbenchKeepsCreatingAndUpdatingMilestonesThroughTheBridge() {
        UUID engagement = engagement();
        Response created = api.post("/api/v1/engagements/" + engagement + "/milestones", admin(),
                "{\"title\": \"Discovery workshop\", \"order_index\": 0}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");

        Response updated = api.put("/api/v1/milestones/" + id + "/status", admin(), "{\"status\": \"completed\"}");

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.text("status")).isEqualTo("completed");
        assertThat(updated.text("completed_by")).isEqualTo("user_admin");
        assertThat(api.get("/api/v1/activities/" + id, admin()).text("status")).isEqualTo("done");
        JsonNode list = api.get("/api/v1/engagements/" + engagement + "/milestones", admin()).json();
        assertThat(list.get("milestones").findValues("title").stream().map(JsonNode::asString))
                .containsExactly("Discovery workshop");
        assertThat(api.put("/api/v1/milestones/" + UUID.randomUUID() + "/status", admin(),
                "{\"status\": \"completed\"}").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/milestones/" + id, token(otherTenant, "admin")).status()).isEqualTo(404);
        Response missing = api.put("/api/v1/milestones/" + id + "/status", admin(), "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("field")).isEqualTo("status");
    }

    private Cli.Output migrate(String... extra) {
        String[] args = Stream.concat(Stream.of("milestones", "--source-org", SOURCE_ORG.toString(), "--source-url",
                sourceUrl, "--source-user", TestDatabase.get().username(), "--source-password",
                TestDatabase.get().password(), "--url", baseUrl(), "--token", admin()), Arrays.stream(extra))
                .toArray(String[]::new);
        return Cli.run((out, err) -> MigrateCommand.run(args, out, err));
    }

    private int activities() {
        return jdbc.sql("SELECT count(*) FROM planning_activity WHERE organization_id = :org").param("org", tenant)
                .query(Integer.class).single();
    }

    private static JsonNode lastLine(String body) {
        List<String> lines = body.lines().filter(line -> !line.isBlank()).toList();
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(lines.getLast());
    }
}
