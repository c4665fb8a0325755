package com.firmos.command.portal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.crm.Sealed;
import com.firmos.api.messages.portal.ErasePortalContactCommand;
import com.firmos.api.messages.portal.ExchangePortalLinkCommand;
import com.firmos.api.messages.portal.GrantPortalAccessCommand;
import com.firmos.api.messages.portal.PortalAccessGrantedEvent;
import com.firmos.api.messages.portal.PortalAccessRevokedEvent;
import com.firmos.api.messages.portal.PortalContactErasedEvent;
import com.firmos.api.messages.portal.PortalLinkExchangedEvent;
import com.firmos.api.messages.portal.PortalLinkRotatedEvent;
import com.firmos.api.messages.portal.PortalSection;
import com.firmos.api.messages.portal.RevokePortalAccessCommand;
import com.firmos.api.messages.portal.RotatePortalLinkCommand;
import com.firmos.command.Caller;
import com.firmos.command.DomainException;
import com.firmos.command.KnownClients;
import com.firmos.command.KnownEngagements;

class PortalAccessTest {

    private static final String ORG = "org_acme";
    private static final UUID ID = UUID.fromString("5e1c1b2e-3f4a-4b5c-8d9e-0a1b2c3d4e5f");
    private static final UUID ENGAGEMENT = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID CLOSED_ENGAGEMENT = UUID.fromString("33333333-2222-4333-8444-555555555555");
    private static final Set<PortalSection> SECTIONS = Set.of(PortalSection.PLAYBOOK, PortalSection.TIMELINE);
    private static final Instant EXPIRES = Instant.parse("2026-12-31T00:00:00Z");
    private static final Instant BEFORE = Instant.parse("2026-12-01T00:00:00Z");
    private static final Sealed NAME = new Sealed(ID.toString(), "v1:sealed-name");

    private AggregateTestFixture<PortalAccess> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PortalAccess.class);
        fixture.registerInjectableResource(KnownClients.assignedToEngagement(ORG, ENGAGEMENT));
        fixture.registerInjectableResource(new KnownEngagements()
                .open(ENGAGEMENT, ORG, PlaybookPhase.ALIGN)
                .closed(CLOSED_ENGAGEMENT, ORG));
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheEngagementsClientGrantPortalAccess(Caller caller) {
        caller.expect(fixture.givenNoPriorActivity().when(grant(ENGAGEMENT, SECTIONS, false), caller.metaData(ORG)),
                granted(false));
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheEngagementsClientRotatePortalLinks(Caller caller) {
        caller.expect(fixture.given(granted(false))
                .when(new RotatePortalLinkCommand(ID, ORG, "hash-2"), caller.metaData(ORG)),
                new PortalLinkRotatedEvent(ID, ORG, ENGAGEMENT, "hash-2"));
    }


    @Test
    void canGrantPortalAccessToAnOpenEngagement() {
        fixture.givenNoPriorActivity()
                .when(grant(ENGAGEMENT, SECTIONS, false))
                .expectEvents(granted(false));
    }

    @Test
    void cannotGrantPortalAccessWithoutSections() {
        fixture.givenNoPriorActivity()
                .when(grant(ENGAGEMENT, Set.of(), false))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void cannotGrantPortalAccessToClosedEngagement() {
        fixture.givenNoPriorActivity()
                .when(grant(CLOSED_ENGAGEMENT, SECTIONS, false))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void canExchangeTheCurrentTokenBeforeItExpires() {
        fixture.given(granted(false))
                .when(new ExchangePortalLinkCommand(ID, ORG, "hash-1", BEFORE))
                .expectEvents(new PortalLinkExchangedEvent(ID, ORG, ENGAGEMENT, BEFORE));
    }

    @Test
    void canExchangeAReusableLinkAgain() {
        fixture.given(granted(false), new PortalLinkExchangedEvent(ID, ORG, ENGAGEMENT, BEFORE))
                .when(new ExchangePortalLinkCommand(ID, ORG, "hash-1", BEFORE))
                .expectEvents(new PortalLinkExchangedEvent(ID, ORG, ENGAGEMENT, BEFORE));
    }

    @Test
    void cannotExchangeASingleUseLinkTwice() {
        fixture.given(granted(true), new PortalLinkExchangedEvent(ID, ORG, ENGAGEMENT, BEFORE))
                .when(new ExchangePortalLinkCommand(ID, ORG, "hash-1", BEFORE))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void cannotExchangeAnExpiredLink() {
        fixture.given(granted(false))
                .when(new ExchangePortalLinkCommand(ID, ORG, "hash-1", EXPIRES))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void cannotExchangeARotatedToken() {
        fixture.given(granted(false), new PortalLinkRotatedEvent(ID, ORG, ENGAGEMENT, "hash-2"))
                .when(new ExchangePortalLinkCommand(ID, ORG, "hash-1", BEFORE))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void cannotExchangeARevokedLink() {
        fixture.given(granted(false), new PortalAccessRevokedEvent(ID, ORG, ENGAGEMENT))
                .when(new ExchangePortalLinkCommand(ID, ORG, "hash-1", BEFORE))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void canRotateAnActiveLink() {
        fixture.given(granted(true), new PortalLinkExchangedEvent(ID, ORG, ENGAGEMENT, BEFORE))
                .when(new RotatePortalLinkCommand(ID, ORG, "hash-2"))
                .expectEvents(new PortalLinkRotatedEvent(ID, ORG, ENGAGEMENT, "hash-2"));
    }

    @Test
    void aRotatedSingleUseLinkCanBeUsedOnceMore() {
        fixture.given(granted(true), new PortalLinkExchangedEvent(ID, ORG, ENGAGEMENT, BEFORE),
                        new PortalLinkRotatedEvent(ID, ORG, ENGAGEMENT, "hash-2"))
                .when(new ExchangePortalLinkCommand(ID, ORG, "hash-2", BEFORE))
                .expectEvents(new PortalLinkExchangedEvent(ID, ORG, ENGAGEMENT, BEFORE));
    }

    @Test
    void cannotRotateARevokedLink() {
        fixture.given(granted(false), new PortalAccessRevokedEvent(ID, ORG, ENGAGEMENT))
                .when(new RotatePortalLinkCommand(ID, ORG, "hash-2"))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void canRevokeAnActiveLink() {
        fixture.given(granted(false))
                .when(new RevokePortalAccessCommand(ID, ORG))
                .expectEvents(new PortalAccessRevokedEvent(ID, ORG, ENGAGEMENT));
    }

    @Test
    void revokingTwiceChangesNothing() {
        fixture.given(granted(false), new PortalAccessRevokedEvent(ID, ORG, ENGAGEMENT))
                .when(new RevokePortalAccessCommand(ID, ORG))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void erasingTheContactRevokesTheAccessAndLeavesARecord() {
        fixture.given(granted(false))
                .when(new ErasePortalContactCommand(ID, ORG))
                .expectEvents(new PortalAccessRevokedEvent(ID, ORG, ENGAGEMENT),
                        new PortalContactErasedEvent(ID, ORG, ENGAGEMENT));
    }

    @Test
    void erasingARevokedAccesssContactOnlyRecordsTheErasure() {
        fixture.given(granted(false), new PortalAccessRevokedEvent(ID, ORG, ENGAGEMENT))
                .when(new ErasePortalContactCommand(ID, ORG))
                .expectEvents(new PortalContactErasedEvent(ID, ORG, ENGAGEMENT));
    }

    @Test
    void erasingTwiceChangesNothing() {
        fixture.given(granted(false), new PortalAccessRevokedEvent(ID, ORG, ENGAGEMENT),
                        new PortalContactErasedEvent(ID, ORG, ENGAGEMENT))
                .when(new ErasePortalContactCommand(ID, ORG))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotTouchAnotherTenantsPortalAccess() {
        fixture.given(granted(false))
                .when(new RevokePortalAccessCommand(ID, "org_other"))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    private static GrantPortalAccessCommand grant(UUID engagement, Set<PortalSection> sections, boolean singleUse) {
        return new GrantPortalAccessCommand(ID, ORG, engagement, NAME, sections, EXPIRES, singleUse,
                "hash-1", null);
    }

    private static PortalAccessGrantedEvent granted(boolean singleUse) {
        return new PortalAccessGrantedEvent(ID, ORG, ENGAGEMENT, KnownEngagements.clientOf(ENGAGEMENT),
                NAME, SECTIONS, EXPIRES, singleUse, "hash-1", null);
    }
}
