package com.firmos.command.activity;

import static com.firmos.command.RefusalMatchers.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.ActivityCommentAdoptedEvent;
import com.firmos.api.messages.activity.ActivityCommentDeletedEvent;
import com.firmos.api.messages.activity.ActivityCommentEditedEvent;
import com.firmos.api.messages.activity.ActivityCommentedEvent;
import com.firmos.api.messages.activity.CommentOnActivityCommand;
import com.firmos.api.messages.activity.DeleteActivityCommentCommand;
import com.firmos.api.messages.activity.EditActivityCommentCommand;
import com.firmos.command.Caller;
import com.firmos.command.KnownClients;

/** A comment on an activity: posted, retried, edited and deleted by its author while the activity takes changes. */
class CommentTest {

    private static final String ORG = "org_acme";
    private static final UUID ACTIVITY = UUID.fromString("7d1c1b2e-3f4a-4b5c-8d9e-0a1b2c3d4e5f");
    private static final UUID DISMISSED = UUID.fromString("7d1c1b2e-3f4a-4b5c-8d9e-0a1b2c3d4e60");
    private static final UUID ENGAGEMENT = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID COMMENT = UUID.fromString("c0000000-0000-4000-8000-000000000003");
    private static final String ADA = "user_ada";

    private AggregateTestFixture<Comment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Comment.class);
        fixture.registerInjectableResource(KnownClients.assignedToEngagement(ORG, ENGAGEMENT));
        fixture.registerInjectableResource((ActivityLookup) (activityId, organizationId) -> {
            if (!ORG.equals(organizationId) || !ACTIVITY.equals(activityId) && !DISMISSED.equals(activityId)) {
                throw RepositoryActivityLookup.unknown();
            }
            return new ActivityFacts(activityId, ENGAGEMENT, DISMISSED.equals(activityId));
        });
    }

    @Test
    void canCommentOnAnActivity() {
        fixture.givenNoPriorActivity()
                .when(comment(ADA, "Great start"))
                .expectEvents(commented(ADA, "Great start"));
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheEngagementsClientComment(Caller caller) {
        caller.expect(fixture.givenNoPriorActivity().when(comment(ADA, "Great start"), caller.metaData(ORG)),
                commented(ADA, "Great start"));
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheEngagementsClientEditComments(Caller caller) {
        caller.expect(fixture.given(commented(ADA, "Great start"))
                        .when(new EditActivityCommentCommand(ACTIVITY, ORG, COMMENT, ADA, "Great start!"),
                                caller.metaData(ORG)),
                new ActivityCommentEditedEvent(ACTIVITY, ORG, ENGAGEMENT, COMMENT, "Great start", "Great start!"));
    }

    @Test
    void aRetriedCommentChangesNothing() {
        fixture.given(commented(ADA, "Great start"))
                .when(comment(ADA, "Great start"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherTextUnderATakenIdIsRefused() {
        fixture.given(commented(ADA, "Great start"))
                .when(comment(ADA, "Bad start"))
                .expectException(refusal(RefusalCode.ALREADY_EXISTS, "commentId"))
                .expectNoEvents();
    }

    @Test
    void anotherAuthorUnderATakenIdIsRefused() {
        fixture.given(commented(ADA, "Great start"))
                .when(comment("user_bob", "Great start"))
                .expectException(refusal(RefusalCode.ALREADY_EXISTS, "commentId"))
                .expectNoEvents();
    }

    @Test
    void aDeletedCommentsIdTakesANewComment() {
        fixture.given(commented(ADA, "Great start"), deleted())
                .when(comment("user_bob", "Second thoughts"))
                .expectEvents(commented("user_bob", "Second thoughts"));
    }

    @Test
    void cannotPostABlankComment() {
        fixture.givenNoPriorActivity()
                .when(comment(ADA, "  "))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "text"));
    }

    @Test
    void aCommentTakesTenThousandCharacters() {
        fixture.givenNoPriorActivity()
                .when(comment(ADA, "x".repeat(Comment.TEXT_MAX)))
                .expectEvents(commented(ADA, "x".repeat(Comment.TEXT_MAX)));
    }

    @Test
    void cannotPostACommentOfMoreThanTenThousandCharacters() {
        fixture.givenNoPriorActivity()
                .when(comment(ADA, "x".repeat(Comment.TEXT_MAX + 1)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "text"));
    }

    @Test
    void cannotCommentWithoutACommentId() {
        fixture.givenNoPriorActivity()
                .when(new CommentOnActivityCommand(ACTIVITY, ORG, null, ADA, "Great start"))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "commentId"));
    }

    @Test
    void cannotCommentOnAnUnknownActivity() {
        fixture.givenNoPriorActivity()
                .when(new CommentOnActivityCommand(UUID.randomUUID(), ORG, COMMENT, ADA, "Great start"))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    @Test
    void anotherTenantCannotCommentOnTheActivity() {
        fixture.givenNoPriorActivity()
                .when(new CommentOnActivityCommand(ACTIVITY, "org_other", COMMENT, ADA, "Great start"))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    @Test
    void aDismissedActivityTakesNoComments() {
        fixture.givenNoPriorActivity()
                .when(new CommentOnActivityCommand(DISMISSED, ORG, COMMENT, ADA, "Great start"))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, null));
    }

    @Test
    void theAuthorCanEditTheirComment() {
        fixture.given(commented(ADA, "Great start"))
                .when(new EditActivityCommentCommand(ACTIVITY, ORG, COMMENT, ADA, "Great start!"))
                .expectEvents(new ActivityCommentEditedEvent(ACTIVITY, ORG, ENGAGEMENT, COMMENT, "Great start",
                        "Great start!"));
    }

    @Test
    void anEditToTheSameTextEmitsNothing() {
        fixture.given(commented(ADA, "Great start"))
                .when(new EditActivityCommentCommand(ACTIVITY, ORG, COMMENT, ADA, "Great start"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotEditSomeoneElsesComment() {
        fixture.given(commented(ADA, "Great start"))
                .when(new EditActivityCommentCommand(ACTIVITY, ORG, COMMENT, "user_bob", "Bad start"))
                .expectException(refusal(RefusalCode.FORBIDDEN, "commentId"))
                .expectNoEvents();
    }

    @Test
    void cannotEditACommentToBlank() {
        fixture.given(commented(ADA, "Great start"))
                .when(new EditActivityCommentCommand(ACTIVITY, ORG, COMMENT, ADA, ""))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "text"));
    }

    @Test
    void cannotEditADeletedComment() {
        fixture.given(commented(ADA, "x"), deleted())
                .when(new EditActivityCommentCommand(ACTIVITY, ORG, COMMENT, ADA, "y"))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    @Test
    void cannotEditACommentOfADismissedActivity() {
        fixture.given(new ActivityCommentedEvent(DISMISSED, ORG, ENGAGEMENT, COMMENT, ADA, "x"))
                .when(new EditActivityCommentCommand(DISMISSED, ORG, COMMENT, ADA, "y"))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, null));
    }

    @Test
    void theAuthorCanDeleteTheirComment() {
        fixture.given(commented(ADA, "Great start"))
                .when(new DeleteActivityCommentCommand(ACTIVITY, ORG, COMMENT, ADA))
                .expectEvents(deleted());
    }

    @Test
    void cannotDeleteSomeoneElsesComment() {
        fixture.given(commented(ADA, "Great start"))
                .when(new DeleteActivityCommentCommand(ACTIVITY, ORG, COMMENT, "user_bob"))
                .expectException(refusal(RefusalCode.FORBIDDEN, "commentId"));
    }

    @Test
    void cannotDeleteACommentTwice() {
        fixture.given(commented(ADA, "Great start"), deleted())
                .when(new DeleteActivityCommentCommand(ACTIVITY, ORG, COMMENT, ADA))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    @Test
    void cannotDeleteACommentOfADismissedActivity() {
        fixture.given(new ActivityCommentedEvent(DISMISSED, ORG, ENGAGEMENT, COMMENT, ADA, "x"))
                .when(new DeleteActivityCommentCommand(DISMISSED, ORG, COMMENT, ADA))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, null));
    }

    @Test
    void anAdoptedCommentIsEditedWithItsCurrentText() {
        fixture.given(adopted(ADA, "Great start, edited"))
                .when(new EditActivityCommentCommand(ACTIVITY, ORG, COMMENT, ADA, "Great start, again"))
                .expectEvents(new ActivityCommentEditedEvent(ACTIVITY, ORG, ENGAGEMENT, COMMENT,
                        "Great start, edited", "Great start, again"));
    }

    @Test
    void theAuthorCanDeleteAnAdoptedComment() {
        fixture.given(adopted(ADA, "Great start"))
                .when(new DeleteActivityCommentCommand(ACTIVITY, ORG, COMMENT, ADA))
                .expectEvents(deleted());
    }

    @Test
    void cannotDeleteSomeoneElsesAdoptedComment() {
        fixture.given(adopted(ADA, "Great start"))
                .when(new DeleteActivityCommentCommand(ACTIVITY, ORG, COMMENT, "user_bob"))
                .expectException(refusal(RefusalCode.FORBIDDEN, "commentId"));
    }

    @Test
    void aRetryOfAnAdoptedCommentChangesNothing() {
        fixture.given(adopted(ADA, "Great start"))
                .when(comment(ADA, "Great start"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theSameCommentIdNamesAnotherCommentOnAnotherActivityOrInAnotherTenant() {
        UUID key = CommentOnActivityCommand.commentKeyOf(ORG, ACTIVITY, COMMENT);

        assertThat(comment(ADA, "x").commentKey()).isEqualTo(key);
        assertThat(new DeleteActivityCommentCommand(ACTIVITY, ORG, COMMENT, ADA).commentKey()).isEqualTo(key);
        assertThat(CommentOnActivityCommand.commentKeyOf(ORG, DISMISSED, COMMENT)).isNotEqualTo(key);
        assertThat(CommentOnActivityCommand.commentKeyOf("org_other", ACTIVITY, COMMENT)).isNotEqualTo(key);
    }

    private static CommentOnActivityCommand comment(String author, String text) {
        return new CommentOnActivityCommand(ACTIVITY, ORG, COMMENT, author, text);
    }

    private static ActivityCommentedEvent commented(String author, String text) {
        return new ActivityCommentedEvent(ACTIVITY, ORG, ENGAGEMENT, COMMENT, author, text);
    }

    private static ActivityCommentAdoptedEvent adopted(String author, String text) {
        return new ActivityCommentAdoptedEvent(ACTIVITY, ORG, ENGAGEMENT, COMMENT, author, text);
    }

    private static ActivityCommentDeletedEvent deleted() {
        return new ActivityCommentDeletedEvent(ACTIVITY, ORG, ENGAGEMENT, COMMENT);
    }
}
