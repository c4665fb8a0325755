package com.firmos.rest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;
import com.firmos.rest.support.SqlRecorder;

/**
 * Every UPDATE and DELETE the projectors run on a read table names the tenant. Ids are unique only inside one
 * aggregate (or one tenant), so a statement keyed by an id alone can change another tenant's row. The statements
 * are recorded while a realistic set of writes runs over HTTP; no reset runs meanwhile, so no statement may
 * touch a read table without {@code organization_id}.
 */
class ProjectorStatementsTest extends IntegrationTest {

    /** Not read models: Axon's tables, infrastructure, and the personal-data keys, which are keyed elsewhere. */
    private static final Set<String> NOT_READ_MODELS = Set.of("domain_event_entry", "snapshot_event_entry",
            "token_entry", "saga_entry", "association_value_entry", "dead_letter_entry", "flyway_schema_history",
            "event_chain", "event_chain_head", "scheduled_tasks", "processing_node", "idempotent_request",
            "idempotent_step", "portal_failed_attempt", "personal_data_key", "personal_data_erasure");
    private static final Pattern WRITE = Pattern.compile("(?i)\\b(UPDATE|DELETE\\s+FROM)\\s+([a-z_0-9.]+)");

    @Test
    void everyUpdateAndDeleteOfAReadTableNamesTheTenant() {
        List<SqlRecorder.Statement> statements = SqlRecorder.during(this::realisticWrites);

        Set<String> readTables = readTables();
        Set<String> written = new HashSet<>();
        List<String> unscoped = new ArrayList<>();
        for (SqlRecorder.Statement statement : statements) {
            for (String clause : writeClauses(statement.sql())) {
                Matcher write = WRITE.matcher(clause);
                write.lookingAt();
                String table = write.group(2).toLowerCase();
                if (readTables.contains(table)) {
                    written.add(table);
                    if (!clause.contains("organization_id")) {
                        unscoped.add(clause.strip());
                    }
                }
            }
        }

        assertThat(written).as("the writes exercised the projectors' updates and deletes").contains(
                "planning_activity", "planning_activity_resource", "planning_activity_member",
                "planning_activity_comment", "planning_activity_winning_move", "planning_winning_move",
                "planning_relation", "relation", "relation_entity", "crm_client", "crm_client_assignment",
                "crm_stakeholder", "crm_interaction", "crm_deal", "invoice", "bill", "engagement");
        assertThat(unscoped).as("UPDATE and DELETE clauses on read tables without organization_id").isEmpty();
    }

    /** Each UPDATE or DELETE clause of a statement, up to the next one (a CTE can hold several). */
    private static List<String> writeClauses(String sql) {
        List<Integer> starts = new ArrayList<>();
        Matcher write = WRITE.matcher(sql);
        while (write.find()) {
            starts.add(write.start());
        }
        List<String> clauses = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            clauses.add(sql.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : sql.length()));
        }
        return clauses;
    }

    /** Read tables as statements name them: unqualified in public, qualified in the Fast Track schemas. */
    private Set<String> readTables() {
        Set<String> tables = new HashSet<>(jdbc.sql("""
                SELECT CASE WHEN table_schema = 'public' THEN table_name ELSE table_schema || '.' || table_name END
                FROM information_schema.tables
                WHERE table_type = 'BASE TABLE'
                  AND (table_schema IN ('public', 'tool_access') OR table_schema LIKE 'sprint\\_%')""")
                .query(String.class).list());
        tables.removeAll(NOT_READ_MODELS);
        return tables;
    }

    private void realisticWrites() {
        String admin = admin();
        Playbook playbook = new Playbook(api, admin);
        String card = playbook.activity("Workshop");
        String other = playbook.activity("Follow-up");
        String activity = "/api/v1/activities/" + card;
        ok(playbook.move(card, "next_quarter", 0));
        ok(api.post(activity + "/status", admin, "{\"status\": \"in_progress\"}"));
        String deck = resource(activity, "Deck");
        String notes = resource(activity, "Notes");
        ok(api.put(activity + "/resources/order", admin,
                "{\"resourceIds\": [\"" + notes + "\", \"" + deck + "\"]}", Map.of()));
        ok(api.delete(activity + "/resources/" + deck, admin));
        ok(api.put(activity + "/team", admin, "{\"team\": \"IT\"}", Map.of()));
        ok(api.post(activity + "/members", admin, "{\"userId\": \"user_bob\", \"role\": \"lead\"}"));
        ok(api.delete(activity + "/members/users/user_bob", admin));
        String comment = ok(api.post(activity + "/comments", admin, "{\"text\": \"Great start\"}"))
                .text("commentId");
        ok(api.put(activity + "/comments/" + comment, admin, "{\"text\": \"Great start!\"}", Map.of()));
        ok(api.delete(activity + "/comments/" + comment, admin));
        String move = playbook.winningMove("Win the board");
        ok(playbook.link(card, move));
        ok(api.post(activity + "/winning-moves/" + move + "/completion", admin, null));
        ok(api.delete(activity + "/winning-moves/" + move, admin));
        ok(api.put("/api/v1/winning-moves/" + move, admin, "{\"title\": \"Win the room\"}", Map.of()));
        String relation = UUID.randomUUID().toString();
        ok(api.post("/api/v1/relations", admin, """
                {"id": "%s", "source": {"type": "activity", "id": "%s"},
                 "target": {"type": "activity", "id": "%s"}, "relationType": "blocks"}"""
                .formatted(relation, card, other)));
        ok(api.delete("/api/v1/relations/" + relation, admin));
        ok(api.put("/api/v1/engagements/" + playbook.engagement(), admin, "{\"name\": \"Renamed\"}", Map.of()));

        String client = ok(api.post("/api/v1/clients", admin, "{\"name\": \"Northwind\"}")).text("profile/id");
        String clients = "/api/v1/clients/" + client;
        ok(api.put(clients, admin, "{\"name\": \"Northwind Ltd\", \"status\": \"active\"}", Map.of()));
        ok(api.put(clients + "/meddpicc/metrics", admin, "{\"value\": \"Revenue\"}", Map.of()));
        ok(api.put(clients + "/assignments/user_ada", admin, "{\"role\": \"lead\"}", Map.of()));
        ok(api.delete(clients + "/assignments/user_ada", admin));
        String stakeholder = UUID.randomUUID().toString();
        ok(api.post(clients + "/stakeholders", admin, """
                {"id": "%s", "name": "Ada", "roles": ["champion"], "engagementLevel": "high"}"""
                .formatted(stakeholder)));
        ok(api.put(clients + "/stakeholders/" + stakeholder, admin,
                "{\"name\": \"Ada L.\", \"engagementLevel\": \"medium\"}", Map.of()));
        ok(api.delete(clients + "/stakeholders/" + stakeholder, admin));
        String interaction = UUID.randomUUID().toString();
        String call = "{\"id\": \"%s\", \"type\": \"call\", \"subject\": \"%s\", \"occurredAt\": \"%s\"}";
        ok(api.post(clients + "/interactions", admin, call.formatted(interaction, "Intro", Instant.now())));
        ok(api.put("/api/v1/interactions/" + interaction, admin, call.formatted(interaction, "Intro call",
                Instant.now()), Map.of()));
        ok(api.delete("/api/v1/interactions/" + interaction, admin));
        String deal = ok(api.post("/api/v1/deals", admin,
                "{\"clientId\": \"%s\", \"name\": \"Platform\", \"value\": 1000}".formatted(client)))
                .text("id");
        ok(api.post("/api/v1/deals/" + deal + "/stage", admin, "{\"stage\": \"qualified\"}"));
        ok(api.post("/api/v1/deals/" + deal + "/loss", admin, "{\"reason\": \"price\"}"));

        // An invoice is filed under an engagement of its own client.
        String billed = ok(api.get("/api/v1/engagements/" + playbook.engagement(), admin)).text("clientId");
        String invoice = ok(api.post("/api/v1/invoices", admin, """
                {"clientId": "%s", "engagementId": "%s", "dueDate": "%s",
                 "lines": [{"description": "Consulting", "quantity": 2, "unitPrice": 100}]}"""
                .formatted(billed, playbook.engagement(), LocalDate.now().plusDays(30)))).text("id");
        ok(api.post("/api/v1/invoices/" + invoice + "/issue", admin, null));
        ok(api.post("/api/v1/invoices/" + invoice + "/payments", admin, "{\"amount\": 50}"));
        String vendor = ok(api.post("/api/v1/vendors", admin, "{\"name\": \"Venue Co\"}")).text("id");
        String bill = ok(api.post("/api/v1/bills", admin, """
                {"vendorId": "%s", "amount": 10.00, "dueDate": "%s"}"""
                .formatted(vendor, LocalDate.now().plusDays(10)))).text("id");
        ok(api.post("/api/v1/bills/" + bill + "/approval", admin, null));
    }

    private String resource(String activity, String title) {
        return ok(api.post(activity + "/resources", admin(),
                "{\"type\": \"url\", \"title\": \"" + title + "\", \"url\": \"https://x.io/" + title + "\"}"))
                .text("resourceId");
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        return response;
    }
}
