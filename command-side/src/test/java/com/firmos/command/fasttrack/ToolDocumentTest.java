package com.firmos.command.fasttrack;

import static com.firmos.command.RefusalMatchers.refusal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.fasttrack.AbcRating;
import com.firmos.api.messages.fasttrack.AddHypothesisCommand;
import com.firmos.api.messages.fasttrack.AddTeamAssessmentCommand;
import com.firmos.api.messages.fasttrack.ChangeToolDocumentStatusCommand;
import com.firmos.api.messages.fasttrack.EditHypothesisCommand;
import com.firmos.api.messages.fasttrack.HypothesisAddedEvent;
import com.firmos.api.messages.fasttrack.HypothesisCategory;
import com.firmos.api.messages.fasttrack.HypothesisDetails;
import com.firmos.api.messages.fasttrack.HypothesisEditedEvent;
import com.firmos.api.messages.fasttrack.HypothesisRemovedEvent;
import com.firmos.api.messages.fasttrack.PatchToolDocumentCommand;
import com.firmos.api.messages.fasttrack.RemoveHypothesisCommand;
import com.firmos.api.messages.fasttrack.RemoveTeamAssessmentCommand;
import com.firmos.api.messages.fasttrack.SaveToolDocumentCommand;
import com.firmos.api.messages.fasttrack.StartToolDocumentCommand;
import com.firmos.api.messages.fasttrack.TeamAssessmentAddedEvent;
import com.firmos.api.messages.fasttrack.TeamAssessmentDetails;
import com.firmos.api.messages.fasttrack.TeamAssessmentRemovedEvent;
import com.firmos.api.messages.fasttrack.ToolDocumentSavedEvent;
import com.firmos.api.messages.fasttrack.ToolDocumentStartedEvent;
import com.firmos.api.messages.fasttrack.ToolDocumentStatus;
import com.firmos.api.messages.fasttrack.ToolDocumentStatusChangedEvent;
import com.firmos.command.DomainException;

class ToolDocumentTest {

    private static final String ORG = "org_acme";
    private static final String USER = "u_ana";
    private static final UUID ID = UUID.fromString("f7000000-0000-4000-8000-000000000001");
    private static final UUID KNOW_THYSELF = UUID.fromString("f7000000-0000-4000-8000-0000000000a1");
    private static final ToolDocumentStartedEvent WOOP = new ToolDocumentStartedEvent(ID, ORG, USER, "woop");
    private static final Map<String, Object> WISH = Map.of("wish", "Double revenue");
    private static final UUID CHILD = UUID.fromString("f7000000-0000-4000-8000-0000000000c1");
    private static final HypothesisDetails HYPOTHESIS = new HypothesisDetails("Buyers hate setup",
            HypothesisCategory.PAIN, 2, false, null);

    private AggregateTestFixture<ToolDocument> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ToolDocument.class);
        fixture.registerInjectableResource(new JsonSchemaToolCatalog());
        fixture.registerInjectableResource((ToolDocumentLookup) (field, documentId, org, user, tool) -> {
            if (!KNOW_THYSELF.equals(documentId) || !ORG.equals(org) || !USER.equals(user)
                    || !"know_thyself".equals(tool)) {
                throw DomainException.invalid(field, field + " names no " + tool + " document of yours");
            }
        });
    }

    @Test
    void aStartedDocumentIsADraftOfAKnownTool() {
        fixture.givenNoPriorActivity()
                .when(new StartToolDocumentCommand(ID, ORG, USER, "woop"))
                .expectEvents(WOOP);
    }

    @Test
    void startingAgainChangesNothing() {
        fixture.given(WOOP)
                .when(new StartToolDocumentCommand(ID, ORG, USER, "woop"))
                .expectNoEvents();
    }

    @Test
    void cannotStartAnUnknownTool() {
        fixture.givenNoPriorActivity()
                .when(new StartToolDocumentCommand(ID, ORG, USER, "astrology"))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "toolSlug"));
    }

    @Test
    void everySaveRaisesTheVersion() {
        fixture.given(WOOP, saved(1, WISH))
                .when(new SaveToolDocumentCommand(ID, ORG, USER, 1, Map.of("wish", "Triple revenue")))
                .expectEvents(saved(2, Map.of("wish", "Triple revenue")));
    }

    @Test
    void aSaveFromAnOlderVersionIsAConflict() {
        fixture.given(WOOP, saved(1, WISH), saved(2, Map.of("wish", "Triple revenue")))
                .when(new SaveToolDocumentCommand(ID, ORG, USER, 1, Map.of("wish", "Mine")))
                .expectException(refusal(RefusalCode.CONFLICT, "version"));
    }

    @Test
    void aMergePatchChangesOnlyTheMembersItNamesAndNullRemoves() {
        fixture.given(WOOP, saved(1, Map.of("wish", "Double revenue", "plan", "Hire")))
                .when(new PatchToolDocumentCommand(ID, ORG, USER, 1, withNull("plan", "outcome", "Profit")))
                .expectEvents(saved(2, Map.of("wish", "Double revenue", "outcome", "Profit")));
    }

    @Test
    void dataTheSchemaRejectsIsRefusedNamingThePath() {
        fixture.given(WOOP)
                .when(new SaveToolDocumentCommand(ID, ORG, USER, 0, Map.of("wish", 42)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "data.wish"));
    }

    @Test
    void membersTheToolDoesNotHaveAreRefused() {
        fixture.given(WOOP)
                .when(new SaveToolDocumentCommand(ID, ORG, USER, 0, Map.of("horoscope", "Leo")))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "data"));
    }

    @Test
    void aDreamMayReferToTheUsersKnowThyselfDocument() {
        ToolDocumentStartedEvent dream = new ToolDocumentStartedEvent(ID, ORG, USER, "dream");
        Map<String, Object> data = Map.of("sourceKnowThyselfId", KNOW_THYSELF.toString(), "companyDream", "Lead");

        fixture.given(dream)
                .when(new SaveToolDocumentCommand(ID, ORG, USER, 0, data))
                .expectEvents(new ToolDocumentSavedEvent(ID, ORG, USER, "dream", 1, data));
    }

    @Test
    void aDreamCannotReferToADocumentThatIsNotTheUsersKnowThyself() {
        fixture.given(new ToolDocumentStartedEvent(ID, ORG, USER, "dream"))
                .when(new SaveToolDocumentCommand(ID, ORG, USER, 0, Map.of("sourceKnowThyselfId",
                        UUID.randomUUID().toString())))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "data.sourceKnowThyselfId"));
    }

    @Test
    void canMoveDraftToInProgress() {
        fixture.given(WOOP)
                .when(status(ToolDocumentStatus.IN_PROGRESS))
                .expectEvents(moved(ToolDocumentStatus.DRAFT, ToolDocumentStatus.IN_PROGRESS));
    }

    @Test
    void canCompleteInProgressDocument() {
        fixture.given(WOOP, moved(ToolDocumentStatus.DRAFT, ToolDocumentStatus.IN_PROGRESS))
                .when(status(ToolDocumentStatus.COMPLETED))
                .expectEvents(moved(ToolDocumentStatus.IN_PROGRESS, ToolDocumentStatus.COMPLETED));
    }

    @Test
    void canSubmitCompletedDocument() {
        fixture.given(completed())
                .when(status(ToolDocumentStatus.SUBMITTED))
                .expectEvents(moved(ToolDocumentStatus.COMPLETED, ToolDocumentStatus.SUBMITTED));
    }

    @Test
    void canReopenCompletedDocument() {
        fixture.given(completed())
                .when(status(ToolDocumentStatus.IN_PROGRESS))
                .expectEvents(moved(ToolDocumentStatus.COMPLETED, ToolDocumentStatus.IN_PROGRESS));
    }

    @Test
    void cannotCompleteADraft() {
        fixture.given(WOOP)
                .when(status(ToolDocumentStatus.COMPLETED))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void cannotSubmitAnInProgressDocument() {
        fixture.given(WOOP, moved(ToolDocumentStatus.DRAFT, ToolDocumentStatus.IN_PROGRESS))
                .when(status(ToolDocumentStatus.SUBMITTED))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void aSubmittedDocumentIsFrozen() {
        Object[] submitted = List.of(completed(), List.of(moved(ToolDocumentStatus.COMPLETED,
                ToolDocumentStatus.SUBMITTED))).stream().flatMap(List::stream).toArray();
        fixture.given(submitted)
                .when(new SaveToolDocumentCommand(ID, ORG, USER, 0, WISH))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
        fixture.given(submitted)
                .when(status(ToolDocumentStatus.IN_PROGRESS))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void aCompletedDocumentIsReopenedBeforeItChanges() {
        fixture.given(completed())
                .when(new SaveToolDocumentCommand(ID, ORG, USER, 0, WISH))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void anotherUserCannotSaveTheDocument() {
        fixture.given(WOOP)
                .when(new SaveToolDocumentCommand(ID, ORG, "u_bob", 0, WISH))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    @Test
    void anotherTenantCannotSaveTheDocument() {
        fixture.given(WOOP)
                .when(new SaveToolDocumentCommand(ID, "org_other", USER, 0, WISH))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    @Test
    void canAddAHypothesisToAValueProposition() {
        fixture.given(valueProposition())
                .when(new AddHypothesisCommand(ID, ORG, USER, CHILD, HYPOTHESIS))
                .expectEvents(new HypothesisAddedEvent(ID, ORG, USER, "value_proposition", CHILD, HYPOTHESIS));
    }

    @Test
    void canEditAndRemoveAHypothesis() {
        HypothesisDetails tested = new HypothesisDetails("Buyers hate setup", HypothesisCategory.PAIN, 1, true,
                Map.of("interviews", 12));
        fixture.given(valueProposition(), new HypothesisAddedEvent(ID, ORG, USER, "value_proposition", CHILD,
                        HYPOTHESIS))
                .when(new EditHypothesisCommand(ID, ORG, USER, CHILD, tested))
                .expectEvents(new HypothesisEditedEvent(ID, ORG, USER, "value_proposition", CHILD, tested));
        fixture.given(valueProposition(), new HypothesisAddedEvent(ID, ORG, USER, "value_proposition", CHILD,
                        HYPOTHESIS))
                .when(new RemoveHypothesisCommand(ID, ORG, USER, CHILD))
                .expectEvents(new HypothesisRemovedEvent(ID, ORG, USER, "value_proposition", CHILD));
    }

    @Test
    void cannotEditARemovedHypothesis() {
        fixture.given(valueProposition(), new HypothesisAddedEvent(ID, ORG, USER, "value_proposition", CHILD,
                        HYPOTHESIS), new HypothesisRemovedEvent(ID, ORG, USER, "value_proposition", CHILD))
                .when(new EditHypothesisCommand(ID, ORG, USER, CHILD, HYPOTHESIS))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    @Test
    void aWoopKeepsNoHypotheses() {
        fixture.given(WOOP)
                .when(new AddHypothesisCommand(ID, ORG, USER, CHILD, HYPOTHESIS))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "toolSlug"));
    }

    @Test
    void aHypothesisNeedsACategory() {
        fixture.given(valueProposition())
                .when(new AddHypothesisCommand(ID, ORG, USER, CHILD, new HypothesisDetails("x", null, null, false,
                        null)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "category"));
    }

    @Test
    void canAssessATeamMember() {
        fixture.given(fitAbc())
                .when(new AddTeamAssessmentCommand(ID, ORG, USER, CHILD, assessment(8)))
                .expectEvents(new TeamAssessmentAddedEvent(ID, ORG, USER, "fit_abc_analysis", CHILD, assessment(8)));
    }

    @Test
    void fitScoresRunFromOneToTen() {
        fixture.given(fitAbc())
                .when(new AddTeamAssessmentCommand(ID, ORG, USER, CHILD, assessment(11)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "energy"));
    }

    @Test
    void aSubmittedAnalysisTakesNoNewAssessments() {
        fixture.given(fitAbc(), moved("fit_abc_analysis", ToolDocumentStatus.DRAFT, ToolDocumentStatus.IN_PROGRESS),
                        moved("fit_abc_analysis", ToolDocumentStatus.IN_PROGRESS, ToolDocumentStatus.COMPLETED),
                        moved("fit_abc_analysis", ToolDocumentStatus.COMPLETED, ToolDocumentStatus.SUBMITTED))
                .when(new AddTeamAssessmentCommand(ID, ORG, USER, CHILD, assessment(8)))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void canRemoveAnAssessment() {
        fixture.given(fitAbc(), new TeamAssessmentAddedEvent(ID, ORG, USER, "fit_abc_analysis", CHILD,
                        assessment(8)))
                .when(new RemoveTeamAssessmentCommand(ID, ORG, USER, CHILD))
                .expectEvents(new TeamAssessmentRemovedEvent(ID, ORG, USER, "fit_abc_analysis", CHILD));
    }

    private static ToolDocumentStartedEvent valueProposition() {
        return new ToolDocumentStartedEvent(ID, ORG, USER, "value_proposition");
    }

    private static ToolDocumentStartedEvent fitAbc() {
        return new ToolDocumentStartedEvent(ID, ORG, USER, "fit_abc_analysis");
    }

    private static TeamAssessmentDetails assessment(int energy) {
        return new TeamAssessmentDetails("Ana", "Sales lead", energy, 7, 9, 6, AbcRating.A, "Strong",
                List.of("Own the Q3 pipeline"));
    }

    private static ToolDocumentStatusChangedEvent moved(String tool, ToolDocumentStatus from,
            ToolDocumentStatus to) {
        return new ToolDocumentStatusChangedEvent(ID, ORG, USER, tool, from, to);
    }

    private static List<Object> completed() {
        return List.of(WOOP, moved(ToolDocumentStatus.DRAFT, ToolDocumentStatus.IN_PROGRESS),
                moved(ToolDocumentStatus.IN_PROGRESS, ToolDocumentStatus.COMPLETED));
    }

    private static ToolDocumentSavedEvent saved(long version, Map<String, Object> data) {
        return new ToolDocumentSavedEvent(ID, ORG, USER, "woop", version, data);
    }

    private static ChangeToolDocumentStatusCommand status(ToolDocumentStatus status) {
        return new ChangeToolDocumentStatusCommand(ID, ORG, USER, status);
    }

    private static ToolDocumentStatusChangedEvent moved(ToolDocumentStatus from, ToolDocumentStatus to) {
        return new ToolDocumentStatusChangedEvent(ID, ORG, USER, "woop", from, to);
    }

    private static Map<String, Object> withNull(String removed, String name, Object value) {
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put(removed, null);
        patch.put(name, value);
        return patch;
    }
}
