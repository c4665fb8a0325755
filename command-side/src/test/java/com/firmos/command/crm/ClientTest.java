package com.firmos.command.crm;

import static com.firmos.command.RefusalMatchers.refusal;

import java.util.Set;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.api.messages.Actor;
import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.crm.AddStakeholderCommand;
import com.firmos.api.messages.crm.AssignClientCommand;
import com.firmos.api.messages.crm.AssignmentRole;
import com.firmos.api.messages.crm.ClientAssignedEvent;
import com.firmos.api.messages.crm.ClientCreatedEvent;
import com.firmos.api.messages.crm.ClientStatus;
import com.firmos.api.messages.crm.CreateClientCommand;
import com.firmos.api.messages.crm.EditClientProfileCommand;
import com.firmos.api.messages.crm.EditStakeholderCommand;
import com.firmos.api.messages.crm.EngagementLevel;
import com.firmos.api.messages.crm.EraseStakeholderCommand;
import com.firmos.api.messages.crm.MeddpiccField;
import com.firmos.api.messages.crm.MeddpiccFieldSetEvent;
import com.firmos.api.messages.crm.MeddpiccRole;
import com.firmos.api.messages.crm.RemoveStakeholderCommand;
import com.firmos.api.messages.crm.Sealed;
import com.firmos.api.messages.crm.SetMeddpiccFieldCommand;
import com.firmos.api.messages.crm.StakeholderAddedEvent;
import com.firmos.api.messages.crm.StakeholderDetails;
import com.firmos.api.messages.crm.StakeholderErasedEvent;
import com.firmos.api.messages.crm.StakeholderRemovedEvent;

class ClientTest {

    private static final String ORG = DealTest.ORG;
    private static final UUID ID = DealTest.CLIENT;
    private static final UUID STAKEHOLDER = UUID.fromString("5a000000-0000-4000-8000-000000000001");
    private static final ClientCreatedEvent CREATED = new ClientCreatedEvent(ID, ORG, "Northwind",
            ClientStatus.PROSPECT, null, null);
    private static final ClientAssignedEvent ADA_LEADS = new ClientAssignedEvent(ID, ORG, "user_ada",
            AssignmentRole.LEAD);
    private static final Sealed NAME = new Sealed(STAKEHOLDER.toString(), "v1:grace");
    private static final StakeholderDetails GRACE = new StakeholderDetails(NAME, "CFO",
            Set.of(MeddpiccRole.ECONOMIC_BUYER), EngagementLevel.HIGH, new Sealed(STAKEHOLDER.toString(), "v1:abc"),
            null, null);

    private AggregateTestFixture<Client> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Client.class);
    }

    @Test
    void consultantCanCreateAProspect() {
        fixture.givenNoPriorActivity()
                .when(new CreateClientCommand(ID, ORG, DealTest.ASSIGNED, "Northwind", null, null, null))
                .expectEvents(CREATED);
    }

    @Test
    void viewerCannotCreateAClient() {
        fixture.givenNoPriorActivity()
                .when(new CreateClientCommand(ID, ORG, new Actor("user_v", "viewer"), "Northwind", null, null, null))
                .expectException(refusal(RefusalCode.FORBIDDEN, null));
    }

    @Test
    void assignedConsultantCanFillAMeddpiccField() {
        fixture.given(CREATED, ADA_LEADS)
                .when(new SetMeddpiccFieldCommand(ID, ORG, DealTest.ASSIGNED, MeddpiccField.IDENTIFIED_PAIN,
                        "Slow onboarding"))
                .expectEvents(new MeddpiccFieldSetEvent(ID, ORG, MeddpiccField.IDENTIFIED_PAIN, null,
                        "Slow onboarding"));
    }

    @Test
    void aBlankValueClearsTheField() {
        fixture.given(CREATED, new MeddpiccFieldSetEvent(ID, ORG, MeddpiccField.METRICS, null, "NPS +10"))
                .when(new SetMeddpiccFieldCommand(ID, ORG, DealTest.ADMIN, MeddpiccField.METRICS, " "))
                .expectEvents(new MeddpiccFieldSetEvent(ID, ORG, MeddpiccField.METRICS, "NPS +10", null));
    }

    @Test
    void unassignedConsultantCannotChangeTheClient() {
        fixture.given(CREATED, ADA_LEADS)
                .when(new EditClientProfileCommand(ID, ORG, DealTest.UNASSIGNED, null, "Northwind",
                        ClientStatus.ACTIVE, null, null))
                .expectException(refusal(RefusalCode.FORBIDDEN, null))
                .expectNoEvents();
    }

    @Test
    void onlyAdminsAssignUsers() {
        fixture.given(CREATED, ADA_LEADS)
                .when(new AssignClientCommand(ID, ORG, DealTest.ASSIGNED, "user_bob", AssignmentRole.MEMBER))
                .expectException(refusal(RefusalCode.FORBIDDEN, null));
    }

    @Test
    void adminCanAssignAConsultant() {
        fixture.given(CREATED)
                .when(new AssignClientCommand(ID, ORG, DealTest.ADMIN, "user_ada", AssignmentRole.LEAD))
                .expectEvents(ADA_LEADS);
    }

    @Test
    void canAddStakeholderWithSealedPersonalData() {
        fixture.given(CREATED, ADA_LEADS)
                .when(new AddStakeholderCommand(ID, ORG, DealTest.ASSIGNED, STAKEHOLDER, GRACE))
                .expectEvents(new StakeholderAddedEvent(ID, ORG, STAKEHOLDER, GRACE));
    }

    @Test
    void cannotAddAStakeholderWhoseIdNamesAnotherClientsPerson() {
        fixture.given(CREATED)
                .when(new AddStakeholderCommand(ID, ORG, DealTest.ADMIN, STAKEHOLDER, GRACE, false))
                .expectException(refusal(RefusalCode.ALREADY_EXISTS, "id"))
                .expectNoEvents();
    }

    @Test
    void canAddAgainAStakeholderItRemovedUnderTheSameId() {
        fixture.given(CREATED, new StakeholderAddedEvent(ID, ORG, STAKEHOLDER, GRACE),
                        new StakeholderRemovedEvent(ID, ORG, STAKEHOLDER))
                .when(new AddStakeholderCommand(ID, ORG, DealTest.ADMIN, STAKEHOLDER, GRACE, false))
                .expectEvents(new StakeholderAddedEvent(ID, ORG, STAKEHOLDER, GRACE));
    }

    @Test
    void personalDataInClearIsRefused() {
        StakeholderDetails clear = new StakeholderDetails(NAME, null, Set.of(), EngagementLevel.HIGH,
                new Sealed(STAKEHOLDER.toString(), "grace@client.com"), null, null);
        fixture.given(CREATED)
                .when(new AddStakeholderCommand(ID, ORG, DealTest.ADMIN, STAKEHOLDER, clear))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "email"));
    }

    @Test
    void stakeholderNeedsAnEngagementLevel() {
        StakeholderDetails levelless = new StakeholderDetails(NAME, null, Set.of(), null, null, null, null);
        fixture.given(CREATED)
                .when(new AddStakeholderCommand(ID, ORG, DealTest.ADMIN, STAKEHOLDER, levelless))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "engagementLevel"));
    }

    @Test
    void canRemoveStakeholder() {
        fixture.given(CREATED, new StakeholderAddedEvent(ID, ORG, STAKEHOLDER, GRACE))
                .when(new RemoveStakeholderCommand(ID, ORG, DealTest.ADMIN, STAKEHOLDER))
                .expectEvents(new StakeholderRemovedEvent(ID, ORG, STAKEHOLDER));
    }

    @Test
    void cannotRemoveUnknownStakeholder() {
        fixture.given(CREATED)
                .when(new RemoveStakeholderCommand(ID, ORG, DealTest.ADMIN, STAKEHOLDER))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    @Test
    void nameInClearIsRefused() {
        StakeholderDetails clear = new StakeholderDetails(new Sealed(STAKEHOLDER.toString(), "Grace"), null, Set.of(),
                EngagementLevel.HIGH, null, null, null);
        fixture.given(CREATED)
                .when(new AddStakeholderCommand(ID, ORG, DealTest.ADMIN, STAKEHOLDER, clear))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "name"));
    }

    @Test
    void personalDataSealedUnderAnotherPersonsKeyIsRefused() {
        StakeholderDetails borrowed = new StakeholderDetails(new Sealed(UUID.randomUUID().toString(), "v1:x"), null,
                Set.of(), EngagementLevel.HIGH, null, null, null);
        fixture.given(CREATED)
                .when(new AddStakeholderCommand(ID, ORG, DealTest.ADMIN, STAKEHOLDER, borrowed))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "name"));
    }

    @Test
    void retriedAddOfTheSameStakeholderChangesNothing() {
        fixture.given(CREATED, new StakeholderAddedEvent(ID, ORG, STAKEHOLDER, GRACE))
                .when(new AddStakeholderCommand(ID, ORG, DealTest.ADMIN, STAKEHOLDER, GRACE))
                .expectNoEvents();
    }

    @Test
    void adminCanEraseStakeholder() {
        fixture.given(CREATED, new StakeholderAddedEvent(ID, ORG, STAKEHOLDER, GRACE))
                .when(new EraseStakeholderCommand(ID, ORG, DealTest.ADMIN, STAKEHOLDER))
                .expectEvents(new StakeholderErasedEvent(ID, ORG, STAKEHOLDER));
    }

    @Test
    void canEraseRemovedStakeholder() {
        fixture.given(CREATED, new StakeholderAddedEvent(ID, ORG, STAKEHOLDER, GRACE),
                        new StakeholderRemovedEvent(ID, ORG, STAKEHOLDER))
                .when(new EraseStakeholderCommand(ID, ORG, DealTest.ADMIN, STAKEHOLDER))
                .expectEvents(new StakeholderErasedEvent(ID, ORG, STAKEHOLDER));
    }

    @Test
    void erasingTwiceRecordsOneErasure() {
        fixture.given(CREATED, new StakeholderAddedEvent(ID, ORG, STAKEHOLDER, GRACE),
                        new StakeholderErasedEvent(ID, ORG, STAKEHOLDER))
                .when(new EraseStakeholderCommand(ID, ORG, DealTest.ADMIN, STAKEHOLDER))
                .expectNoEvents();
    }

    @Test
    void consultantCannotEraseStakeholder() {
        fixture.given(CREATED, ADA_LEADS, new StakeholderAddedEvent(ID, ORG, STAKEHOLDER, GRACE))
                .when(new EraseStakeholderCommand(ID, ORG, DealTest.ASSIGNED, STAKEHOLDER))
                .expectException(refusal(RefusalCode.FORBIDDEN, null));
    }

    @Test
    void cannotEraseUnknownStakeholder() {
        fixture.given(CREATED)
                .when(new EraseStakeholderCommand(ID, ORG, DealTest.ADMIN, STAKEHOLDER))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    @Test
    void cannotEditErasedStakeholder() {
        fixture.given(CREATED, new StakeholderAddedEvent(ID, ORG, STAKEHOLDER, GRACE),
                        new StakeholderErasedEvent(ID, ORG, STAKEHOLDER))
                .when(new EditStakeholderCommand(ID, ORG, DealTest.ADMIN, STAKEHOLDER, GRACE))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    @Test
    void cannotAddErasedStakeholderAgain() {
        fixture.given(CREATED, new StakeholderAddedEvent(ID, ORG, STAKEHOLDER, GRACE),
                        new StakeholderErasedEvent(ID, ORG, STAKEHOLDER))
                .when(new AddStakeholderCommand(ID, ORG, DealTest.ADMIN, STAKEHOLDER, GRACE))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "stakeholderId"));
    }
}
