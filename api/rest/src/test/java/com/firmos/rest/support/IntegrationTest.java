package com.firmos.rest.support;

import static com.firmos.rest.support.Json.text;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.firmos.rest.cli.TokenCommand;
import com.firmos.rest.security.JwtProperties;

/**
 * Base of the HTTP tests: the whole application on a random port against real PostgreSQL. One Spring context
 * serves every subclass; each test works in tenants of its own, so tests never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SqlRecorder.Configuration.class)
public abstract class IntegrationTest {

    @LocalServerPort
    private int port;

    @Autowired
    private JwtProperties jwtProperties;

    @Autowired
    protected JdbcClient jdbc;

    protected Api api;
    protected String tenant;
    protected String otherTenant;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase database = TestDatabase.get();
        // Through a proxy that DatabaseOutageTest cuts to take the database away from the running application.
        registry.add("spring.datasource.url", OutageProxy.shared()::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        // Tests run with an audience, so that a token for another API is refused (JwtNegativeTest).
        registry.add("firmos.security.jwt.audience", () -> "firmos-api");
        // Every test calls from 127.0.0.1, and failures are shared through the database: only PortalAttemptsTest
        // tests the address limit, with limits of its own.
        registry.add("firmos.portal.failures-per-address", () -> "1000000");
        // Short enough for ProcessorStallHealthTest to see a held projection reported within seconds.
        registry.add("firmos.event-processors.stall-after", () -> "PT3S");
        // Short enough for NoSkippedEventsTest to hold transactions past both within seconds.
        registry.add("firmos.event-store.gap-timeout", () -> "PT20S");
        registry.add("firmos.database.idle-in-transaction-timeout", () -> "PT3S");
        // Short enough for HistoryLimitsApiTest to see a replay cut off within seconds.
        registry.add("firmos.history.timeout", () -> "PT5S");
        // Short enough for BurstsApiTest to see a read refused past its admission's wait within seconds.
        registry.add("firmos.reads.admission-wait", () -> "PT5S");
    }

    @BeforeEach
    void newTenants() {
        api = new Api("http://localhost:" + port);
        tenant = "org_" + UUID.randomUUID().toString().substring(0, 8);
        otherTenant = "org_" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected int port() {
        return port;
    }

    protected String token(String organization, String role) {
        return token(organization, role, "user_" + role);
    }

    protected String token(String organization, String role, String userId) {
        try {
            return TokenCommand.mint(jwtProperties, Map.of("sub", userId, "org", organization, "role", role,
                    "name", "Test " + role));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected String admin() {
        return token(tenant, "admin");
    }

    /** A platform operator: rebuilds and switches projections, reads no tenant's data. */
    protected String operator() {
        return token(tenant, "operator", "user_operator");
    }

    /** An operator's token as the README mints it: no tenant at all. */
    protected String operatorOfNoTenant() {
        try {
            return TokenCommand.mint(jwtProperties, Map.of("sub", "user_operator", "role", "operator"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens an engagement of the test's tenant for a new client and returns its id. */
    protected UUID engagement() {
        return openEngagement(api, admin());
    }

    /** A client of the test's tenant with these consultants assigned to it, and its id. */
    protected String clientAssignedTo(String... consultantIds) {
        String client = api.post("/api/v1/clients", admin(), "{\"name\": \"Assigned client\"}").text("profile/id");
        for (String consultant : consultantIds) {
            Api.Response assigned = api.put("/api/v1/clients/" + client + "/assignments/" + consultant, admin(),
                    "{\"role\": \"member\"}", Map.of());
            if (assigned.status() >= 300) {
                throw new IllegalStateException("could not assign " + consultant + ": " + assigned);
            }
        }
        return client;
    }

    /** An engagement of a client these consultants are assigned to: the ones who may write on its work. */
    protected UUID engagementAssignedTo(String... consultantIds) {
        Api.Response opened = api.post("/api/v1/engagements", admin(), "{\"clientId\": \""
                + clientAssignedTo(consultantIds) + "\", \"name\": \"Assigned engagement\"}");
        if (opened.status() != 201) {
            throw new IllegalStateException("could not open an engagement: " + opened);
        }
        return UUID.fromString(opened.text("id"));
    }

    public static UUID openEngagement(Api api, String token) {
        Api.Response opened = api.post("/api/v1/engagements", token,
                "{\"clientId\": \"" + UUID.randomUUID() + "\", \"name\": \"Test engagement\"}");
        if (opened.status() != 201) {
            throw new IllegalStateException("could not open an engagement: " + opened);
        }
        return UUID.fromString(opened.text("id"));
    }

    protected long eventCount(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", aggregateId).query(Long.class).single();
    }

    protected List<String> timelineTypes(String token, String entityId) {
        return api.get("/api/v1/timeline?entityId=" + entityId, token).texts("entries", "eventType");
    }
}
