package com.firmos.command.fasttrack;

import static com.firmos.command.RefusalMatchers.refusal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.fasttrack.GrantToolAccessCommand;
import com.firmos.api.messages.fasttrack.RevokeToolAccessCommand;
import com.firmos.api.messages.fasttrack.ToolAccessGrantedEvent;
import com.firmos.api.messages.fasttrack.ToolAccessLevel;
import com.firmos.api.messages.fasttrack.ToolAccessRevokedEvent;

class ToolAccessTest {

    private static final String ORG = "org_acme";
    private static final UUID ID = UUID.fromString("ac000000-0000-4000-8000-000000000001");

    private AggregateTestFixture<ToolAccess> fixture;
    private Instant nextWeek;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ToolAccess.class);
        fixture.registerInjectableResource(new JsonSchemaToolCatalog());
        nextWeek = fixture.currentTime().plus(Duration.ofDays(7));
    }

    @Test
    void canGrantEditUntilADate() {
        fixture.givenNoPriorActivity()
                .when(grant(ToolAccessLevel.EDIT, nextWeek))
                .expectEvents(granted(ToolAccessLevel.EDIT, nextWeek));
    }

    @Test
    void grantingAgainReplacesTheLevel() {
        fixture.given(granted(ToolAccessLevel.VIEW, null))
                .when(grant(ToolAccessLevel.ADMIN, null))
                .expectEvents(granted(ToolAccessLevel.ADMIN, null));
    }

    @Test
    void cannotGrantAnAlreadyExpiredPermission() {
        fixture.givenNoPriorActivity()
                .when(grant(ToolAccessLevel.VIEW, fixture.currentTime().minusSeconds(1)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "expiresAt"));
    }

    @Test
    void cannotGrantAnUnknownTool() {
        fixture.givenNoPriorActivity()
                .when(new GrantToolAccessCommand(ID, ORG, "u_ana", "astrology", ToolAccessLevel.VIEW, null, "u_admin"))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "toolSlug"));
    }

    @Test
    void canRevokeAGrantedPermission() {
        fixture.given(granted(ToolAccessLevel.VIEW, null))
                .when(new RevokeToolAccessCommand(ID, ORG))
                .expectEvents(new ToolAccessRevokedEvent(ID, ORG, "u_ana", "woop"));
    }

    @Test
    void cannotRevokeTwice() {
        fixture.given(granted(ToolAccessLevel.VIEW, null), new ToolAccessRevokedEvent(ID, ORG, "u_ana", "woop"))
                .when(new RevokeToolAccessCommand(ID, ORG))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void anotherTenantCannotRevoke() {
        fixture.given(granted(ToolAccessLevel.VIEW, null))
                .when(new RevokeToolAccessCommand(ID, "org_other"))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    private static GrantToolAccessCommand grant(ToolAccessLevel level, Instant expiresAt) {
        return new GrantToolAccessCommand(ID, ORG, "u_ana", "woop", level, expiresAt, "u_admin");
    }

    private static ToolAccessGrantedEvent granted(ToolAccessLevel level, Instant expiresAt) {
        return new ToolAccessGrantedEvent(ID, ORG, "u_ana", "woop", level, expiresAt, "u_admin");
    }
}
