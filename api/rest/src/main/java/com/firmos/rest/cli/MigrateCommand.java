package com.firmos.rest.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code migrate milestones --source-org ORG (--source-url JDBC_URL [--source-user U] [--source-password P] |
 * --source-json FILE) [--dry-run]}: reads the old Workbench's {@code engagements} and
 * {@code engagement_phase_milestones} of one organization, from its database or a JSON export, and sends them to
 * the server's import ({@link AdminClient}); prints each engagement as it is done, then the verification. Exit
 * code 5 when something was refused or source and result differ.
 */
public final class MigrateCommand {

    public static final String NAME = "migrate";
    static final int MISMATCH = 5;
    private static final String USAGE = "usage: migrate milestones --source-org ORG (--source-url JDBC_URL"
            + " [--source-user USER] [--source-password PASSWORD] | --source-json FILE) [--dry-run]"
            + " [--url http://localhost:8080] [--token ADMIN_TOKEN]";

    private final AdminClient client;
    private final PrintStream out;
    private final ObjectMapper json = JsonMapper.builder().build();

    private MigrateCommand(AdminClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return AdminClient.run(args, USAGE, err, (client, words) -> new MigrateCommand(client, out).execute(words));
    }

    private int execute(List<String> words) throws IOException, InterruptedException {
        Map<String, String> options = new HashMap<>();
        boolean dryRun = false;
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("--dry-run")) {
                dryRun = true;
            } else if (word.startsWith("--source-") && i + 1 < words.size()) {
                options.put(word, words.get(++i));
            } else {
                return 2;
            }
        }
        String organization = options.get("--source-org");
        if (!words.getFirst().equals("milestones") || organization == null
                || options.containsKey("--source-url") == options.containsKey("--source-json")) {
            return 2;
        }
        byte[] export = options.containsKey("--source-json")
                ? Files.readAllBytes(Path.of(options.get("--source-json")))
                : json.writeValueAsBytes(read(options, organization));
        return send(organization, dryRun, export);
    }

    private int send(String organization, boolean dryRun, byte[] export) throws IOException, InterruptedException {
        int[] exit = {1};
        client.postLines("/api/v1/admin/migrations/milestones?sourceOrganization=" + AdminClient.segment(organization)
                + "&dryRun=" + dryRun, export, line -> {
                    if (line.has("engagement")) {
                        out.printf("engagement %d of %d%n", line.get("engagement").asInt(), line.get("of").asInt());
                        return;
                    }
                    JsonNode report = line.get("report");
                    describe(report);
                    exit[0] = report.get("matches").asBoolean() || dryRun && report.get("refused").asInt() == 0
                            ? 0 : MISMATCH;
                });
        return exit[0];
    }

    private void describe(JsonNode report) {
        boolean dryRun = report.get("dryRun").asBoolean();
        out.printf("%s%d engagement(s), %d milestone(s): %d %s, %d already imported, %d refused%n",
                dryRun ? "DRY RUN - nothing was changed. " : "", report.get("engagements").asInt(),
                report.get("milestones").asInt(), report.get("imported").asInt(),
                dryRun ? "would be imported" : "imported", report.get("alreadyImported").asInt(),
                report.get("refused").asInt());
        for (JsonNode action : report.get("actions")) {
            out.printf("  %s %s %s %s%n", action.get("kind").asString(), action.get("engagementId").asString(""),
                    action.get("milestoneId").asString(""), action.get("detail").asString(""));
        }
        for (JsonNode check : report.get("verification")) {
            out.printf("verify %s: source %d %s, imported %d %s - %s%n", check.get("engagementId").asString(),
                    check.get("sourceMilestones").asInt(), check.get("sourceStatuses"),
                    check.get("importedActivities").asInt(), check.get("importedStatuses"),
                    check.get("matches").asBoolean() ? "match" : "MISMATCH missing " + check.get("missing")
                            + " status differs " + check.get("statusDiffers"));
        }
    }

    /** The two tables of one organization, as the export the server takes. */
    private ObjectNode read(Map<String, String> options, String organization) throws IOException {
        try (Connection source = DriverManager.getConnection(options.get("--source-url"),
                options.getOrDefault("--source-user", ""), options.getOrDefault("--source-password", ""))) {
            ObjectNode export = json.createObjectNode();
            export.set("engagements", rows(source, "SELECT * FROM engagements WHERE org_id::text = ?"
                    + " ORDER BY id", organization));
            export.set("engagement_phase_milestones", rows(source, "SELECT m.* FROM engagement_phase_milestones m"
                    + " JOIN engagements e ON e.id = m.engagement_id WHERE e.org_id::text = ? ORDER BY m.id",
                    organization));
            return export;
        } catch (SQLException e) {
            throw new IOException("could not read the old Workbench database: " + e.getMessage(), e);
        }
    }

    private ArrayNode rows(Connection source, String sql, String organization) throws SQLException {
        ArrayNode rows = json.createArrayNode();
        try (PreparedStatement query = source.prepareStatement(sql)) {
            query.setString(1, organization);
            try (ResultSet row = query.executeQuery()) {
                ResultSetMetaData columns = row.getMetaData();
                while (row.next()) {
                    ObjectNode values = rows.addObject();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        put(values, columns.getColumnLabel(i), row.getObject(i));
                    }
                }
            }
        }
        return rows;
    }

    private static void put(ObjectNode values, String column, Object value) {
        switch (value) {
            case null -> values.putNull(column);
            case Integer number -> values.put(column, number);
            case Long number -> values.put(column, number);
            case java.sql.Timestamp time -> values.put(column, time.toInstant().toString());
            case OffsetDateTime time -> values.put(column, time.withOffsetSameInstant(ZoneOffset.UTC).toInstant()
                    .toString());
            default -> values.put(column, value.toString());
        }
    }
}
