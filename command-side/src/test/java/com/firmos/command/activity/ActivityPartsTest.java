package com.firmos.command.activity;

import static com.firmos.command.RefusalMatchers.refusal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.ActivityCreatedEvent;
import com.firmos.api.messages.activity.ActivityDetails;
import com.firmos.api.messages.activity.ActivityLinkedToWinningMoveEvent;
import com.firmos.api.messages.activity.ActivityResource;
import com.firmos.api.messages.activity.ActivityResourceAddedEvent;
import com.firmos.api.messages.activity.ActivityResourceRemovedEvent;
import com.firmos.api.messages.activity.ActivityResourcesReorderedEvent;
import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.ActivitySuggestionDismissedEvent;
import com.firmos.api.messages.activity.ActivityTeamAssignedEvent;
import com.firmos.api.messages.activity.ActivityTeamMemberAddedEvent;
import com.firmos.api.messages.activity.ActivityTeamMemberRemovedEvent;
import com.firmos.api.messages.activity.ActivityUnlinkedFromWinningMoveEvent;
import com.firmos.api.messages.activity.AddActivityResourceCommand;
import com.firmos.api.messages.activity.AddActivityTeamMemberCommand;
import com.firmos.api.messages.activity.AssignActivityTeamCommand;
import com.firmos.api.messages.activity.CompleteWinningMoveContributionCommand;
import com.firmos.api.messages.activity.MoveActivityCommand;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.activity.RemoveActivityResourceCommand;
import com.firmos.api.messages.activity.RemoveActivityTeamMemberCommand;
import com.firmos.api.messages.activity.ReorderActivityResourcesCommand;
import com.firmos.api.messages.activity.ResourceType;
import com.firmos.api.messages.activity.TeamMember;
import com.firmos.api.messages.crm.Sealed;
import com.firmos.api.messages.activity.TimeBucket;
import com.firmos.api.messages.activity.UnlinkActivityFromWinningMoveCommand;
import com.firmos.api.messages.activity.WinningMoveContributionCompletedEvent;
import com.firmos.command.DomainException;
import com.firmos.command.KnownClients;
import com.firmos.command.KnownEngagements;

/**
 * The parts of an activity card (what {@code ActivityPartsController} changes): resources, team and members, and
 * contributions to winning moves. The card itself is {@link ActivityLifecycleTest}'s, comments {@link CommentTest}'s.
 */
class ActivityPartsTest {

    private static final String ORG = "org_acme";
    private static final UUID ID = UUID.fromString("7d1c1b2e-3f4a-4b5c-8d9e-0a1b2c3d4e5f");
    private static final UUID ENGAGEMENT = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID CLOSED_ENGAGEMENT = UUID.fromString("33333333-2222-4333-8444-555555555555");
    private static final UUID MOVE = UUID.fromString("22222222-3333-4444-8555-666666666666");
    private static final UUID RESOURCE_A = UUID.fromString("a0000000-0000-4000-8000-000000000001");
    private static final UUID RESOURCE_B = UUID.fromString("b0000000-0000-4000-8000-000000000002");
    private static final UUID GUEST = UUID.fromString("d0000000-0000-4000-8000-000000000004");
    private static final ActivityDetails DETAILS = new ActivityDetails("Interviews", null, null, null,
            PlaybookPhase.ALIGN, TimeBucket.THIS_QUARTER, null, null, 0);
    private static final ActivityCreatedEvent CREATED = new ActivityCreatedEvent(ID, ORG, ENGAGEMENT, DETAILS,
            ActivityStatus.PLANNED);

    private AggregateTestFixture<Activity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Activity.class);
        fixture.registerInjectableResource(KnownClients.unchecked());
        fixture.registerInjectableResource(new KnownEngagements()
                .open(ENGAGEMENT, ORG, PlaybookPhase.ACTIVATE)
                .closed(CLOSED_ENGAGEMENT, ORG));
    }

    @Test
    void canAddUrlResource() {
        ActivityResource link = url(RESOURCE_A, "Brief", "https://example.com/brief");
        fixture.given(CREATED)
                .when(new AddActivityResourceCommand(ID, ORG, link))
                .expectEvents(new ActivityResourceAddedEvent(ID, ORG, ENGAGEMENT, link));
    }

    @ParameterizedTest(name = "canAdd{0}ResourceWithItsReference")
    @EnumSource(ResourceType.class)
    void canAddEachResourceTypeWithItsReference(ResourceType type) {
        ActivityResource resource = switch (type) {
            case URL, FILE -> new ActivityResource(RESOURCE_A, type, "T", null, "https://x.io/f", null, null, null);
            case NOTION -> new ActivityResource(RESOURCE_A, type, "T", null, null, "abc123", null, null);
            case TENANT_PAGE -> new ActivityResource(RESOURCE_A, type, "T", null, null, null, GUEST, null);
            case TENANT_FILE -> new ActivityResource(RESOURCE_A, type, "T", null, null, null, null, GUEST);
        };
        fixture.given(CREATED)
                .when(new AddActivityResourceCommand(ID, ORG, resource))
                .expectEvents(new ActivityResourceAddedEvent(ID, ORG, ENGAGEMENT, resource));
    }

    @ParameterizedTest(name = "cannotAddUrlResourceWith {0}")
    @ValueSource(strings = {"ftp://example.com/x", "not a url", "https://", "/relative/path", " "})
    void cannotAddUrlResourceWithoutWebUrl(String url) {
        fixture.given(CREATED)
                .when(new AddActivityResourceCommand(ID, ORG, url(RESOURCE_A, "Brief", url)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "url"))
                .expectNoEvents();
    }

    @Test
    void cannotAddFileResourceWithoutUrl() {
        fixture.given(CREATED)
                .when(new AddActivityResourceCommand(ID, ORG,
                        new ActivityResource(RESOURCE_A, ResourceType.FILE, "deck.pdf", null, null, null, null, null)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "url"));
    }

    @Test
    void cannotAddNotionResourceWithoutPageId() {
        fixture.given(CREATED)
                .when(new AddActivityResourceCommand(ID, ORG,
                        new ActivityResource(RESOURCE_A, ResourceType.NOTION, "Notes", null, null, null, null, null)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "notionPageId"));
    }

    @Test
    void cannotAddTenantPageWithoutItsId() {
        fixture.given(CREATED)
                .when(new AddActivityResourceCommand(ID, ORG, new ActivityResource(RESOURCE_A,
                        ResourceType.TENANT_PAGE, "Page", null, null, null, null, null)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "tenantPageId"));
    }

    @Test
    void cannotAddTenantFileWithoutItsId() {
        fixture.given(CREATED)
                .when(new AddActivityResourceCommand(ID, ORG, new ActivityResource(RESOURCE_A,
                        ResourceType.TENANT_FILE, "File", null, null, null, GUEST, null)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "tenantFileId"));
    }

    @Test
    void cannotAddResourceWithAnotherTypesReference() {
        fixture.given(CREATED)
                .when(new AddActivityResourceCommand(ID, ORG, new ActivityResource(RESOURCE_A,
                        ResourceType.NOTION, "Notes", null, "https://notion.so/x", "abc", null, null)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "url"));
    }

    @Test
    void cannotAddResourceWithoutTitle() {
        fixture.given(CREATED)
                .when(new AddActivityResourceCommand(ID, ORG, url(RESOURCE_A, " ", "https://example.com")))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "title"));
    }

    @Test
    void cannotAddTheSameResourceTwice() {
        ActivityResource link = url(RESOURCE_A, "Brief", "https://example.com/brief");
        fixture.given(CREATED, new ActivityResourceAddedEvent(ID, ORG, ENGAGEMENT, link))
                .when(new AddActivityResourceCommand(ID, ORG, link))
                .expectException(refusal(RefusalCode.ALREADY_EXISTS, "resourceId"))
                .expectNoEvents();
    }

    @Test
    void canRemoveResourceNamingItsTitle() {
        fixture.given(CREATED, added(RESOURCE_A, "Brief"))
                .when(new RemoveActivityResourceCommand(ID, ORG, RESOURCE_A))
                .expectEvents(new ActivityResourceRemovedEvent(ID, ORG, ENGAGEMENT, RESOURCE_A, "Brief"));
    }

    @Test
    void cannotRemoveUnknownResource() {
        fixture.given(CREATED)
                .when(new RemoveActivityResourceCommand(ID, ORG, RESOURCE_A))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    @Test
    void canReorderResources() {
        fixture.given(CREATED, added(RESOURCE_A, "A"), added(RESOURCE_B, "B"))
                .when(new ReorderActivityResourcesCommand(ID, ORG, List.of(RESOURCE_B, RESOURCE_A)))
                .expectEvents(new ActivityResourcesReorderedEvent(ID, ORG, ENGAGEMENT,
                        List.of(RESOURCE_B, RESOURCE_A)));
    }

    @Test
    void reorderIntoTheCurrentOrderEmitsNothing() {
        fixture.given(CREATED, added(RESOURCE_A, "A"), added(RESOURCE_B, "B"))
                .when(new ReorderActivityResourcesCommand(ID, ORG, List.of(RESOURCE_A, RESOURCE_B)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotReorderLeavingAResourceOut() {
        fixture.given(CREATED, added(RESOURCE_A, "A"), added(RESOURCE_B, "B"))
                .when(new ReorderActivityResourcesCommand(ID, ORG, List.of(RESOURCE_B)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "resourceIds"));
    }

    @Test
    void cannotReorderNamingAResourceTwice() {
        fixture.given(CREATED, added(RESOURCE_A, "A"), added(RESOURCE_B, "B"))
                .when(new ReorderActivityResourcesCommand(ID, ORG, List.of(RESOURCE_A, RESOURCE_A)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "resourceIds"));
    }

    @Test
    void canAssignTeam() {
        fixture.given(CREATED)
                .when(new AssignActivityTeamCommand(ID, ORG, "Coreteam"))
                .expectEvents(new ActivityTeamAssignedEvent(ID, ORG, ENGAGEMENT, null, "Coreteam"));
    }

    @Test
    void canChangeTeamRecordingOldAndNew() {
        fixture.given(CREATED, new ActivityTeamAssignedEvent(ID, ORG, ENGAGEMENT, null, "Coreteam"))
                .when(new AssignActivityTeamCommand(ID, ORG, "IT"))
                .expectEvents(new ActivityTeamAssignedEvent(ID, ORG, ENGAGEMENT, "Coreteam", "IT"));
    }

    @Test
    void canUnassignTeam() {
        fixture.given(CREATED, new ActivityTeamAssignedEvent(ID, ORG, ENGAGEMENT, null, "IT"))
                .when(new AssignActivityTeamCommand(ID, ORG, null))
                .expectEvents(new ActivityTeamAssignedEvent(ID, ORG, ENGAGEMENT, "IT", null));
    }

    @Test
    void assigningTheSameTeamEmitsNothing() {
        fixture.given(CREATED, new ActivityTeamAssignedEvent(ID, ORG, ENGAGEMENT, null, "IT"))
                .when(new AssignActivityTeamCommand(ID, ORG, "IT"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotAssignOversizedTeamName() {
        fixture.given(CREATED)
                .when(new AssignActivityTeamCommand(ID, ORG, "x".repeat(101)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "team"));
    }

    @Test
    void canAddUserAndNonUserMembers() {
        TeamMember user = new TeamMember("user_bob", null, null, null, "lead");
        TeamMember guest = new TeamMember(null, GUEST, sealed("Grace"), sealed("grace@client.com"), "sponsor");
        fixture.given(CREATED, new ActivityTeamMemberAddedEvent(ID, ORG, ENGAGEMENT, user))
                .when(new AddActivityTeamMemberCommand(ID, ORG, guest))
                .expectEvents(new ActivityTeamMemberAddedEvent(ID, ORG, ENGAGEMENT, guest));
    }

    @Test
    void cannotAddMemberWithBothAUserAndANonUserId() {
        fixture.given(CREATED)
                .when(new AddActivityTeamMemberCommand(ID, ORG, new TeamMember("user_bob", GUEST, null, null, null)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "userId"));
    }

    @Test
    void cannotAddMemberWithNeitherId() {
        fixture.given(CREATED)
                .when(new AddActivityTeamMemberCommand(ID, ORG, new TeamMember(null, null, sealed("Bob"), null, null)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "userId"));
    }

    @Test
    void cannotAddNonUserMemberWithoutName() {
        fixture.given(CREATED)
                .when(new AddActivityTeamMemberCommand(ID, ORG, new TeamMember(null, GUEST, null, sealed("g@x.io"),
                        null)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "name"));
    }

    @Test
    void cannotAddNonUserMemberWithEmailInClear() {
        TeamMember clear = new TeamMember(null, GUEST, sealed("G"), new Sealed(GUEST.toString(), "g@x.io"), null);
        fixture.given(CREATED)
                .when(new AddActivityTeamMemberCommand(ID, ORG, clear))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "email"));
    }

    @Test
    void cannotAddNonUserMemberSealedUnderAnotherKey() {
        TeamMember borrowed = new TeamMember(null, GUEST, new Sealed(UUID.randomUUID().toString(), "v1:g"), null,
                null);
        fixture.given(CREATED)
                .when(new AddActivityTeamMemberCommand(ID, ORG, borrowed))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "name"));
    }

    @Test
    void cannotAddUserMemberWithAName() {
        fixture.given(CREATED)
                .when(new AddActivityTeamMemberCommand(ID, ORG, new TeamMember("user_bob", null, sealed("Bob"), null,
                        null)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "name"));
    }

    @Test
    void cannotAddTheSameUserTwice() {
        TeamMember user = new TeamMember("user_bob", null, null, null, null);
        fixture.given(CREATED, new ActivityTeamMemberAddedEvent(ID, ORG, ENGAGEMENT, user))
                .when(new AddActivityTeamMemberCommand(ID, ORG, new TeamMember("user_bob", null, null, null, "x")))
                .expectException(refusal(RefusalCode.ALREADY_EXISTS, "userId"))
                .expectNoEvents();
    }

    @Test
    void cannotAddTheSamePersonTwice() {
        TeamMember guest = new TeamMember(null, GUEST, sealed("Grace"), sealed("grace@client.com"), null);
        TeamMember again = new TeamMember(null, GUEST, sealed("Grace H."), null, null);
        fixture.given(CREATED, new ActivityTeamMemberAddedEvent(ID, ORG, ENGAGEMENT, guest))
                .when(new AddActivityTeamMemberCommand(ID, ORG, again))
                .expectException(refusal(RefusalCode.ALREADY_EXISTS, "nonUserMemberId"));
    }

    @Test
    void canRemoveMember() {
        TeamMember guest = new TeamMember(null, GUEST, sealed("Grace"), null, null);
        fixture.given(CREATED, new ActivityTeamMemberAddedEvent(ID, ORG, ENGAGEMENT, guest))
                .when(new RemoveActivityTeamMemberCommand(ID, ORG, null, GUEST))
                .expectEvents(new ActivityTeamMemberRemovedEvent(ID, ORG, ENGAGEMENT, guest));
    }

    @Test
    void cannotRemoveSomeoneNotOnTheTeam() {
        fixture.given(CREATED)
                .when(new RemoveActivityTeamMemberCommand(ID, ORG, "user_bob", null))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    @Test
    void canCompleteContributionToLinkedWinningMove() {
        Instant now = fixture.currentTime();
        fixture.given(CREATED, linked())
                .when(new CompleteWinningMoveContributionCommand(ID, ORG, MOVE))
                .expectEvents(new WinningMoveContributionCompletedEvent(ID, ORG, ENGAGEMENT, MOVE, now));
    }

    @Test
    void cannotCompleteContributionTwice() {
        fixture.given(CREATED, linked(), new WinningMoveContributionCompletedEvent(ID, ORG, ENGAGEMENT, MOVE,
                        Instant.parse("2026-11-01T00:00:00Z")))
                .when(new CompleteWinningMoveContributionCommand(ID, ORG, MOVE))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "winningMoveId"));
    }

    @Test
    void cannotCompleteContributionWithoutALink() {
        fixture.given(CREATED)
                .when(new CompleteWinningMoveContributionCommand(ID, ORG, MOVE))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    @Test
    void canUnlinkWinningMove() {
        fixture.given(CREATED, linked())
                .when(new UnlinkActivityFromWinningMoveCommand(ID, ORG, MOVE))
                .expectEvents(new ActivityUnlinkedFromWinningMoveEvent(ID, ORG, ENGAGEMENT, MOVE));
    }

    @Test
    void cannotUnlinkWhatIsNotLinked() {
        fixture.given(CREATED)
                .when(new UnlinkActivityFromWinningMoveCommand(ID, ORG, MOVE))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    static List<Object> changesToADismissedSuggestion() {
        return List.of(
                new AddActivityResourceCommand(ID, ORG, url(RESOURCE_A, "A", "https://a.io")),
                new MoveActivityCommand(ID, ORG, null, TimeBucket.LATER, 0),
                new AssignActivityTeamCommand(ID, ORG, "IT"),
                new AddActivityTeamMemberCommand(ID, ORG, new TeamMember("user_bob", null, null, null, null)));
    }

    @ParameterizedTest(name = "dismissedSuggestionRefuses {0}")
    @MethodSource("changesToADismissedSuggestion")
    void dismissedSuggestionTakesNoMoreChanges(Object command) {
        fixture.given(new ActivityCreatedEvent(ID, ORG, ENGAGEMENT, DETAILS, ActivityStatus.SUGGESTION),
                        new ActivitySuggestionDismissedEvent(ID, ORG, ENGAGEMENT, null))
                .when(command)
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, null))
                .expectNoEvents();
    }

    @Test
    void anotherTenantCannotTouchTheActivity() {
        fixture.given(CREATED)
                .when(new AssignActivityTeamCommand(ID, "org_other", "IT"))
                .expectException(DomainException.class)
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    private static ActivityResource url(UUID id, String title, String url) {
        return new ActivityResource(id, ResourceType.URL, title, null, url, null, null, null);
    }

    private static ActivityResourceAddedEvent added(UUID id, String title) {
        return new ActivityResourceAddedEvent(ID, ORG, ENGAGEMENT, url(id, title, "https://example.com/" + title));
    }

    private static ActivityLinkedToWinningMoveEvent linked() {
        return new ActivityLinkedToWinningMoveEvent(ID, ORG, ENGAGEMENT, MOVE, "Own the onboarding");
    }

    private static Sealed sealed(String value) {
        return new Sealed(GUEST.toString(), "v1:" + value.hashCode());
    }
}
