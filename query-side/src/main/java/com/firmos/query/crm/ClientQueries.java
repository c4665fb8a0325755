package com.firmos.query.crm;

import static com.firmos.query.Jdbc.instant;
import static com.firmos.query.Jdbc.uuid;
import static com.firmos.query.WireValues.parse;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.crm.AssignmentRole;
import com.firmos.api.messages.crm.Client360;
import com.firmos.api.messages.crm.ClientAssignment;
import com.firmos.api.messages.crm.ClientEngagement;
import com.firmos.api.messages.crm.ClientHealth;
import com.firmos.api.messages.crm.ClientHealthList;
import com.firmos.api.messages.crm.ClientHealthSummary;
import com.firmos.api.messages.crm.ClientProfile;
import com.firmos.api.messages.crm.ClientStatus;
import com.firmos.api.messages.crm.EngagementLevel;
import com.firmos.api.messages.crm.FindClient360Query;
import com.firmos.api.messages.crm.FindClientHealthQuery;
import com.firmos.api.messages.crm.FindClientsByHealthAsOfQuery;
import com.firmos.api.messages.crm.FindClientsByHealthQuery;
import com.firmos.api.messages.crm.FindInteractionQuery;
import com.firmos.api.messages.crm.FindStakeholderQuery;
import com.firmos.api.messages.crm.HealthPoint;
import com.firmos.api.messages.crm.InteractionType;
import com.firmos.api.messages.crm.InteractionView;
import com.firmos.api.messages.crm.MeddpiccField;
import com.firmos.api.messages.crm.MeddpiccRole;
import com.firmos.api.messages.crm.Sealed;
import com.firmos.api.messages.crm.Sentiment;
import com.firmos.api.messages.crm.StakeholderView;
import com.firmos.query.ReadClock;

import tools.jackson.databind.ObjectMapper;

/**
 * Client health (computed for today whenever it is read, and recorded for the day's trend), the list of clients
 * by health, and the client 360 view.
 */
@Component
public class ClientQueries {

    private static final int INTERACTIONS_SHOWN = 100;
    /**
     * A client's health inputs. Stakeholder facts are aggregated over the tenant's stakeholders only (index on
     * organization and client): a per-client EXISTS let the planner hash every tenant's stakeholders instead.
     */
    private static final String HEALTH_INPUTS = """
            SELECT c.id, c.organization_id, c.name, c.status,
                (c.metrics IS NOT NULL)::int + (c.decision_criteria IS NOT NULL)::int
                    + (c.decision_process IS NOT NULL)::int + (c.paper_process IS NOT NULL)::int
                    + (c.identified_pain IS NOT NULL)::int + (c.competition IS NOT NULL)::int AS filled,
                coalesce(st.champion, false) AS champion,
                (SELECT max(i.occurred_at) FROM crm_interaction i
                 WHERE i.organization_id = c.organization_id AND i.client_id = c.id AND NOT i.deleted
                    AND EXISTS (SELECT 1 FROM crm_stakeholder s WHERE s.organization_id = i.organization_id
                                AND s.client_id = i.client_id AND s.id = ANY(i.stakeholder_ids)
                                AND 'economic_buyer' = ANY(s.roles))) AS last_economic_buyer,
                st.levels,
                (SELECT max(i.occurred_at) FROM crm_interaction i
                 WHERE i.organization_id = c.organization_id AND i.client_id = c.id AND NOT i.deleted)
                    AS last_interaction
            FROM crm_client c
            LEFT JOIN (SELECT s.organization_id, s.client_id, bool_or('champion' = ANY(s.roles)) AS champion,
                           array_agg(s.engagement_level) AS levels
                       FROM crm_stakeholder s WHERE %1$s GROUP BY s.organization_id, s.client_id) st
                ON st.organization_id = c.organization_id AND st.client_id = c.id
            WHERE %2$s""";
    private static final String TENANT_HEALTH_INPUTS = HEALTH_INPUTS.formatted("s.organization_id = :org",
            "c.organization_id = :org");

    private final JdbcClient jdbc;
    private final CrmQueries deals;
    private final ObjectMapper json;
    private final Clock clock;

    ClientQueries(JdbcClient jdbc, CrmQueries deals, ObjectMapper json, ReadClock clock) {
        this.jdbc = jdbc;
        this.deals = deals;
        this.json = json;
        this.clock = clock;
    }

    @QueryHandler
    ClientHealthList handle(FindClientsByHealthAsOfQuery query) {
        return deals.asOf(query.clients().organizationId(), query.asOf(), () -> handle(query.clients()));
    }

    @QueryHandler
    ClientHealth handle(FindClientHealthQuery query) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql(TENANT_HEALTH_INPUTS + " AND c.id = :id")
                .param("org", query.organizationId()).param("id", query.clientId())
                .query((rs, n) -> scored(rs, today))
                .optional()
                .map(client -> {
                    record(client, today);
                    return new ClientHealth(client.id(), client.name(), client.health().score(),
                            client.health().band(), client.health().components(),
                            history(query.organizationId(), client.id()));
                })
                .orElse(null);
    }

    @QueryHandler
    ClientHealthList handle(FindClientsByHealthQuery query) {
        LocalDate today = LocalDate.now(clock);
        return new ClientHealthList(jdbc.sql(TENANT_HEALTH_INPUTS)
                .param("org", query.organizationId())
                .query((rs, n) -> scored(rs, today))
                .list().stream()
                .sorted(Comparator.comparingInt((Scored client) -> client.health().score())
                        .thenComparing(Scored::name))
                .map(client -> new ClientHealthSummary(client.id(), client.name(), client.status(),
                        client.health().score(), client.health().band()))
                .toList());
    }

    @QueryHandler
    Client360 handle(FindClient360Query query) {
        ClientProfile profile = profile(query.organizationId(), query.clientId());
        if (profile == null) {
            return null;
        }
        double completeness = profile.meddpicc().size() / 6.0;
        return new Client360(profile, completeness, stakeholders(query.organizationId(), query.clientId()),
                interactions(query.organizationId(), query.clientId()),
                deals.openDealsOf(query.organizationId(), query.clientId()),
                engagements(query.organizationId(), query.clientId()));
    }

    /** Records today's score of every client; run daily so the trend has a point even on quiet days. */
    public int recordToday() {
        LocalDate today = LocalDate.now(clock);
        List<Scored> clients = jdbc.sql(HEALTH_INPUTS.formatted("TRUE", "TRUE"))
                .query((rs, n) -> scored(rs, today)).list();
        clients.forEach(client -> record(client, today));
        return clients.size();
    }

    private void record(Scored client, LocalDate today) {
        jdbc.sql("""
                INSERT INTO crm_client_health_daily (client_id, day, organization_id, score, components)
                VALUES (:id, :day, :org, :score, CAST(:components AS jsonb))
                ON CONFLICT (organization_id, client_id, day)
                DO UPDATE SET score = EXCLUDED.score, components = EXCLUDED.components""")
                .param("id", client.id()).param("day", today).param("org", client.organizationId())
                .param("score", client.health().score())
                .param("components", json.writeValueAsString(client.health().components()))
                .update();
    }

    private List<HealthPoint> history(String organization, UUID clientId) {
        return jdbc.sql("""
                SELECT day, score FROM crm_client_health_daily WHERE organization_id = :org AND client_id = :id
                ORDER BY day""")
                .param("org", organization).param("id", clientId)
                .query((rs, n) -> new HealthPoint(rs.getObject("day", LocalDate.class), rs.getInt("score")))
                .list();
    }

    private ClientProfile profile(String organization, UUID clientId) {
        List<ClientAssignment> assignments = jdbc.sql("""
                SELECT user_id, role FROM crm_client_assignment WHERE organization_id = :org AND client_id = :id
                ORDER BY user_id""")
                .param("org", organization).param("id", clientId)
                .query((rs, n) -> new ClientAssignment(rs.getString("user_id"),
                        parse(AssignmentRole.class, rs.getString("role"))))
                .list();
        return jdbc.sql("SELECT * FROM crm_client WHERE id = :id AND organization_id = :org")
                .param("id", clientId).param("org", organization)
                .query((rs, n) -> {
                    Map<MeddpiccField, String> meddpicc = new EnumMap<>(MeddpiccField.class);
                    for (MeddpiccField field : MeddpiccField.values()) {
                        String value = rs.getString(CrmProjector.column(field));
                        if (value != null) {
                            meddpicc.put(field, value);
                        }
                    }
                    return new ClientProfile(uuid(rs, "id"), rs.getString("organization_id"), rs.getString("name"),
                            parse(ClientStatus.class, rs.getString("status")), rs.getBigDecimal("budget"),
                            rs.getObject("deadline", LocalDate.class), meddpicc, assignments,
                            instant(rs, "created_at"), rs.getLong("version"));
                })
                .optional().orElse(null);
    }

    @QueryHandler
    StakeholderView handle(FindStakeholderQuery query) {
        return stakeholders(query.organizationId(), query.clientId(), query.stakeholderId()).stream().findFirst()
                .orElse(null);
    }

    private List<StakeholderView> stakeholders(String organization, UUID clientId) {
        return stakeholders(organization, clientId, null);
    }

    /** The client's stakeholders, or the one named (null: all). */
    private List<StakeholderView> stakeholders(String organization, UUID clientId, UUID only) {
        return jdbc.sql("""
                SELECT s.*, (SELECT max(i.occurred_at) FROM crm_interaction i
                             WHERE i.organization_id = s.organization_id AND i.client_id = s.client_id
                               AND NOT i.deleted AND s.id = ANY(i.stakeholder_ids)) AS last_contact
                FROM crm_stakeholder s WHERE s.organization_id = :org AND s.client_id = :id
                  AND (CAST(:only AS uuid) IS NULL OR s.id = :only)
                ORDER BY s.created_at, s.id""")
                .param("org", organization).param("id", clientId).param("only", only)
                .query((rs, n) -> new StakeholderView(uuid(rs, "id"), uuid(rs, "client_id"), sealed(rs, "name_sealed"),
                        rs.getString("title"), enums(rs.getArray("roles"), MeddpiccRole.class),
                        parse(EngagementLevel.class, rs.getString("engagement_level")),
                        sealed(rs, "email_sealed"), sealed(rs, "phone_sealed"), sealed(rs, "notes_sealed"),
                        instant(rs, "last_contact"), instant(rs, "erased_at")))
                .list();
    }

    @QueryHandler
    InteractionView handle(FindInteractionQuery query) {
        return jdbc.sql("SELECT * FROM crm_interaction WHERE organization_id = :org AND id = :id AND NOT deleted")
                .param("org", query.organizationId()).param("id", query.interactionId())
                .query((rs, n) -> interaction(rs))
                .optional().orElse(null);
    }

    private List<InteractionView> interactions(String organization, UUID clientId) {
        return jdbc.sql("""
                SELECT * FROM crm_interaction WHERE organization_id = :org AND client_id = :id AND NOT deleted
                ORDER BY occurred_at DESC, id LIMIT :limit""")
                .param("org", organization).param("id", clientId).param("limit", INTERACTIONS_SHOWN)
                .query((rs, n) -> interaction(rs))
                .list();
    }

    private static InteractionView interaction(ResultSet rs) throws SQLException {
        return new InteractionView(uuid(rs, "id"), uuid(rs, "client_id"),
                parse(InteractionType.class, rs.getString("type")), rs.getString("subject"),
                rs.getString("description"), instant(rs, "occurred_at"),
                (Integer) rs.getObject("duration_minutes"), uuids(rs.getArray("stakeholder_ids")),
                uuid(rs, "deal_id"), uuid(rs, "project_id"),
                parse(Sentiment.class, rs.getString("sentiment")), rs.getString("logged_by"));
    }

    private List<ClientEngagement> engagements(String organization, UUID clientId) {
        return jdbc.sql("""
                SELECT id, name, status, phase FROM engagement WHERE organization_id = :org AND client_id = :client
                ORDER BY created_at, id""")
                .param("org", organization).param("client", clientId)
                .query((rs, n) -> new ClientEngagement(uuid(rs, "id"), rs.getString("name"), rs.getString("status"),
                        rs.getString("phase")))
                .list();
    }

    private static Scored scored(ResultSet rs, LocalDate today) throws SQLException {
        List<EngagementLevel> levels = enumList(rs.getArray("levels"), EngagementLevel.class);
        HealthInputs inputs = new HealthInputs(rs.getInt("filled"), rs.getBoolean("champion"),
                day(rs, "last_economic_buyer"), levels, day(rs, "last_interaction"));
        return new Scored(uuid(rs, "id"), rs.getString("organization_id"), rs.getString("name"),
                parse(ClientStatus.class, rs.getString("status")), HealthScore.of(inputs, today));
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    private static Sealed sealed(ResultSet rs, String column) throws SQLException {
        String ciphertext = rs.getString(column);
        return ciphertext == null ? null : new Sealed(rs.getString("subject_id"), ciphertext);
    }

    private static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type) throws SQLException {
        return new HashSet<>(enumList(array, type));
    }

    private static <E extends Enum<E>> List<E> enumList(Array array, Class<E> type) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(value -> parse(type, value.toString())).toList();
    }

    private static Set<UUID> uuids(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return Set.copyOf(Arrays.stream((Object[]) array.getArray()).map(value -> (UUID) value).toList());
    }

    private record Scored(UUID id, String organizationId, String name, ClientStatus status, HealthScore health) {
    }
}
