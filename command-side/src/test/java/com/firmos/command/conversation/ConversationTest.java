package com.firmos.command.conversation;

import static com.firmos.command.RefusalMatchers.refusal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.conversation.Attachment;
import com.firmos.api.messages.conversation.CloseConversationCommand;
import com.firmos.api.messages.conversation.ConversationClosedEvent;
import com.firmos.api.messages.conversation.ConversationReopenedEvent;
import com.firmos.api.messages.conversation.ConversationStartedEvent;
import com.firmos.api.messages.conversation.DeleteMessageCommand;
import com.firmos.api.messages.conversation.EditMessageCommand;
import com.firmos.api.messages.conversation.MessageDeletedEvent;
import com.firmos.api.messages.conversation.MessageEditedEvent;
import com.firmos.api.messages.conversation.MessagePostedEvent;
import com.firmos.api.messages.conversation.PostMessageCommand;
import com.firmos.api.messages.conversation.ReopenConversationCommand;
import com.firmos.api.messages.conversation.StartConversationCommand;
import com.firmos.command.Caller;
import com.firmos.command.DomainException;
import com.firmos.command.KnownClients;
import com.firmos.command.KnownEngagements;

/** Conversations and their messages. */
class ConversationTest {

    private static final String ORG = "org_acme";
    private static final UUID ID = UUID.fromString("5c000000-0000-4000-8000-000000000001");
    private static final UUID CLOSED = UUID.fromString("5c000000-0000-4000-8000-000000000002");
    private static final UUID MESSAGE = UUID.fromString("5d000000-0000-4000-8000-000000000001");
    private static final UUID ENGAGEMENT = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final ConversationStartedEvent STARTED = new ConversationStartedEvent(ID, ORG, ENGAGEMENT,
            "Kick-off logistics");
    private static final Attachment AGENDA = new Attachment("agenda.pdf", "https://files.io/agenda.pdf", 2048);

    private AggregateTestFixture<Conversation> conversations;
    private AggregateTestFixture<Message> messages;

    @BeforeEach
    void setUp() {
        KnownEngagements engagements = new KnownEngagements().open(ENGAGEMENT, ORG, PlaybookPhase.ALIGN);
        conversations = new AggregateTestFixture<>(Conversation.class);
        conversations.registerInjectableResource(KnownClients.assignedToEngagement(ORG, ENGAGEMENT));
        conversations.registerInjectableResource(engagements);
        messages = new AggregateTestFixture<>(Message.class);
        messages.registerInjectableResource(KnownClients.assignedToEngagement(ORG, ENGAGEMENT));
        messages.registerInjectableResource(engagements);
        messages.registerInjectableResource((ConversationLookup) (conversationId, organizationId) -> {
            if (!ORG.equals(organizationId) || !ID.equals(conversationId) && !CLOSED.equals(conversationId)) {
                throw RepositoryConversationLookup.unknown();
            }
            if (CLOSED.equals(conversationId)) {
                throw new DomainException(RefusalCode.INVALID_TRANSITION, "conversationId", "closed");
            }
            return new ConversationFacts(conversationId, ENGAGEMENT);
        });
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheEngagementsClientStartConversations(Caller caller) {
        caller.expect(conversations.givenNoPriorActivity()
                .when(new StartConversationCommand(ID, ORG, ENGAGEMENT, "Kick-off logistics"), caller.metaData(ORG)),
                STARTED);
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheEngagementsClientCloseConversations(Caller caller) {
        caller.expect(conversations.given(STARTED).when(new CloseConversationCommand(ID, ORG), caller.metaData(ORG)),
                new ConversationClosedEvent(ID, ORG, ENGAGEMENT));
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheEngagementsClientPostMessages(Caller caller) {
        caller.expect(messages.givenNoPriorActivity()
                .when(new PostMessageCommand(MESSAGE, ORG, ID, "user_ada", "Agenda attached", null, false),
                        caller.metaData(ORG)), posted());
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheEngagementsClientEditMessages(Caller caller) {
        caller.expect(messages.given(posted())
                .when(new EditMessageCommand(MESSAGE, ORG, "user_ada", "Agenda attached (v2)"), caller.metaData(ORG)),
                new MessageEditedEvent(MESSAGE, ORG, ENGAGEMENT, ID, false, "Agenda attached",
                        "Agenda attached (v2)"));
    }


    @Test
    void canStartConversation() {
        conversations.givenNoPriorActivity()
                .when(new StartConversationCommand(ID, ORG, ENGAGEMENT, "Kick-off logistics"))
                .expectEvents(STARTED);
    }

    @Test
    void cannotStartConversationWithoutSubject() {
        conversations.givenNoPriorActivity()
                .when(new StartConversationCommand(ID, ORG, ENGAGEMENT, ""))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "subject"));
    }

    @Test
    void canCloseOpenConversation() {
        conversations.given(STARTED)
                .when(new CloseConversationCommand(ID, ORG))
                .expectEvents(new ConversationClosedEvent(ID, ORG, ENGAGEMENT));
    }

    @Test
    void cannotCloseClosedConversation() {
        conversations.given(STARTED, new ConversationClosedEvent(ID, ORG, ENGAGEMENT))
                .when(new CloseConversationCommand(ID, ORG))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void canReopenClosedConversation() {
        conversations.given(STARTED, new ConversationClosedEvent(ID, ORG, ENGAGEMENT))
                .when(new ReopenConversationCommand(ID, ORG))
                .expectEvents(new ConversationReopenedEvent(ID, ORG, ENGAGEMENT));
    }

    @Test
    void cannotReopenOpenConversation() {
        conversations.given(STARTED)
                .when(new ReopenConversationCommand(ID, ORG))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void canPostMessageWithAttachments() {
        messages.givenNoPriorActivity()
                .when(new PostMessageCommand(MESSAGE, ORG, ID, "user_ada", "Agenda attached", List.of(AGENDA), false))
                .expectEvents(new MessagePostedEvent(MESSAGE, ORG, ENGAGEMENT, ID, "user_ada", "Agenda attached",
                        List.of(AGENDA), false));
    }

    @Test
    void canPostInternalMessage() {
        messages.givenNoPriorActivity()
                .when(new PostMessageCommand(MESSAGE, ORG, ID, "user_ada", "Budget is tight", null, true))
                .expectEvents(new MessagePostedEvent(MESSAGE, ORG, ENGAGEMENT, ID, "user_ada", "Budget is tight",
                        List.of(), true));
    }

    @Test
    void cannotPostToClosedConversation() {
        messages.givenNoPriorActivity()
                .when(new PostMessageCommand(MESSAGE, ORG, CLOSED, "user_ada", "Hello", null, false))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "conversationId"));
    }

    @Test
    void cannotPostToAnotherTenantsConversation() {
        messages.givenNoPriorActivity()
                .when(new PostMessageCommand(MESSAGE, "org_other", ID, "user_x", "Hello", null, false))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    @Test
    void cannotPostAttachmentWithoutWebUrl() {
        messages.givenNoPriorActivity()
                .when(new PostMessageCommand(MESSAGE, ORG, ID, "user_ada", "See file",
                        List.of(new Attachment("x.pdf", "file:///etc/passwd", 1)), false))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "attachments[0].url"));
    }

    @Test
    void cannotPostEmptyMessage() {
        messages.givenNoPriorActivity()
                .when(new PostMessageCommand(MESSAGE, ORG, ID, "user_ada", " ", null, false))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "content"));
    }

    @Test
    void senderCanEditTheirMessage() {
        messages.given(posted())
                .when(new EditMessageCommand(MESSAGE, ORG, "user_ada", "Agenda attached (v2)"))
                .expectEvents(new MessageEditedEvent(MESSAGE, ORG, ENGAGEMENT, ID, false, "Agenda attached",
                        "Agenda attached (v2)"));
    }

    @Test
    void cannotEditSomeoneElsesMessage() {
        messages.given(posted())
                .when(new EditMessageCommand(MESSAGE, ORG, "user_bob", "Hijacked"))
                .expectException(refusal(RefusalCode.FORBIDDEN, "messageId"));
    }

    @Test
    void senderCanDeleteTheirMessage() {
        Instant now = messages.currentTime();
        messages.given(posted())
                .when(new DeleteMessageCommand(MESSAGE, ORG, "user_ada"))
                .expectEvents(new MessageDeletedEvent(MESSAGE, ORG, ENGAGEMENT, ID, false, now));
    }

    @Test
    void cannotDeleteSomeoneElsesMessage() {
        messages.given(posted())
                .when(new DeleteMessageCommand(MESSAGE, ORG, "user_bob"))
                .expectException(refusal(RefusalCode.FORBIDDEN, "messageId"));
    }

    @Test
    void deletedMessageIsGone() {
        messages.given(posted(), new MessageDeletedEvent(MESSAGE, ORG, ENGAGEMENT, ID, false,
                        Instant.parse("2026-11-01T00:00:00Z")))
                .when(new EditMessageCommand(MESSAGE, ORG, "user_ada", "Back"))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    private static MessagePostedEvent posted() {
        return new MessagePostedEvent(MESSAGE, ORG, ENGAGEMENT, ID, "user_ada", "Agenda attached", List.of(), false);
    }
}
