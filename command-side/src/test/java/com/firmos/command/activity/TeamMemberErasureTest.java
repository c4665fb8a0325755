package com.firmos.command.activity;

import static com.firmos.command.RefusalMatchers.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.api.messages.Actor;
import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.EraseTeamMemberCommand;
import com.firmos.api.messages.activity.TeamMemberErasedEvent;

class TeamMemberErasureTest {

    private static final UUID GRACE = UUID.fromString("9e000000-0000-4000-8000-000000000001");
    private static final String ORG = "org_acme";
    private static final Actor ADMIN = new Actor("user_admin", "admin");

    private AggregateTestFixture<TeamMemberErasure> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TeamMemberErasure.class);
    }

    @Test
    void adminCanEraseTeamMember() {
        fixture.givenNoPriorActivity()
                .when(EraseTeamMemberCommand.of(GRACE, ORG, ADMIN))
                .expectEvents(new TeamMemberErasedEvent(GRACE, ORG));
    }

    @Test
    void erasingTwiceRecordsOneErasure() {
        fixture.given(new TeamMemberErasedEvent(GRACE, ORG))
                .when(EraseTeamMemberCommand.of(GRACE, ORG, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void consultantCannotEraseTeamMember() {
        fixture.givenNoPriorActivity()
                .when(EraseTeamMemberCommand.of(GRACE, ORG, new Actor("user_ada", "consultant")))
                .expectException(refusal(RefusalCode.FORBIDDEN, null));
    }

    @Test
    void erasuresOfOneIdInTwoTenantsAreTwoAggregates() {
        assertThat(EraseTeamMemberCommand.erasureIdOf(ORG, GRACE))
                .isNotEqualTo(EraseTeamMemberCommand.erasureIdOf("org_other", GRACE))
                .isNotEqualTo(GRACE);
    }

    @Test
    void cannotEraseUnderAnIdThatIsNotTheTenantsKey() {
        fixture.givenNoPriorActivity()
                .when(new EraseTeamMemberCommand(EraseTeamMemberCommand.erasureIdOf("org_other", GRACE), GRACE, ORG,
                        ADMIN))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "erasureId"))
                .expectNoEvents();
    }
}
