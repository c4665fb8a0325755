package com.firmos.rest.conversation;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.conversation.Attachment;
import com.firmos.api.messages.conversation.CloseConversationCommand;
import com.firmos.api.messages.conversation.ConversationList;
import com.firmos.api.messages.conversation.ConversationView;
import com.firmos.api.messages.conversation.DeleteMessageCommand;
import com.firmos.api.messages.conversation.EditMessageCommand;
import com.firmos.api.messages.conversation.FindConversationQuery;
import com.firmos.api.messages.conversation.FindConversationsQuery;
import com.firmos.api.messages.conversation.FindMessageQuery;
import com.firmos.api.messages.conversation.FindMessagesQuery;
import com.firmos.api.messages.conversation.MessagePage;
import com.firmos.api.messages.conversation.MessageView;
import com.firmos.api.messages.conversation.PostMessageCommand;
import com.firmos.api.messages.conversation.ReopenConversationCommand;
import com.firmos.api.messages.conversation.StartConversationCommand;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.idempotency.IdempotentCreate;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Conversations of an engagement and their messages, for staff: internal messages included. The portal reads
 * the same tables without them.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Conversations")
class ConversationController {

    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 200;

    private final RequestCommands commands;
    private final QueryGateway queries;

    ConversationController(RequestCommands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record StartRequest(UUID id, String subject) {
    }

    /** {@code internal}: staff only, never shown to the client. */
    @Schema(name = "ConversationMessageRequest")
    record MessageRequest(UUID id, String content, List<Attachment> attachments, Boolean internal) {
    }

    @Schema(name = "MessageEditRequest")
    record EditRequest(String content) {
    }

    @IdempotentCreate
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/engagements/{engagementId}/conversations")
    @Operation(summary = "Start a conversation in the engagement; answers the new conversation")
    ResponseEntity<ConversationView> start(@PathVariable UUID engagementId, @RequestBody StartRequest body,
            CurrentUser user, HttpServletRequest request) {
        UUID id = commands.idFor(body.id(), "id", request);
        commands.send(new StartConversationCommand(id, user.organizationId(), engagementId, body.subject()), user,
                request);
        // Stored, but not in the view yet (parked, or the wait ran out): 202 with the id, not a 404.
        return ResponseEntity.created(URI.create("/api/v1/conversations/" + id)).body(conversation(id, user));
    }

    @GetMapping("/conversations/{id}")
    @Operation(summary = "One conversation, its message count and its last message's time; its messages are under"
            + " /messages")
    ConversationView conversation(@PathVariable UUID id, CurrentUser user) {
        return queries.query(new FindConversationQuery(user.organizationId(), id, true),
                        ResponseTypes.optionalInstanceOf(ConversationView.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("conversation"));
    }

    @GetMapping("/engagements/{engagementId}/conversations")
    @Operation(summary = "The engagement's conversations, most recent message first")
    ConversationList list(@PathVariable UUID engagementId, CurrentUser user) {
        return queries.query(new FindConversationsQuery(user.organizationId(), engagementId, true),
                ResponseTypes.instanceOf(ConversationList.class)).join();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/conversations/{id}/close")
    @Operation(summary = "Close a conversation")
    ResponseEntity<Void> close(@PathVariable UUID id, CurrentUser user, HttpServletRequest request) {
        commands.send(new CloseConversationCommand(id, user.organizationId()), user, request);
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/conversations/{id}/reopen")
    @Operation(summary = "Reopen a closed conversation")
    ResponseEntity<Void> reopen(@PathVariable UUID id, CurrentUser user, HttpServletRequest request) {
        commands.send(new ReopenConversationCommand(id, user.organizationId()), user, request);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/conversations/{id}/messages")
    @Operation(summary = "The conversation's messages, newest first; pass nextCursor as cursor for older ones")
    MessagePage messages(@PathVariable UUID id, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, CurrentUser user) {
        int size = limit == null ? DEFAULT_PAGE_SIZE : limit;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-value", "limit",
                    "limit must be between 1 and " + MAX_PAGE_SIZE);
        }
        return queries.query(new FindMessagesQuery(user.organizationId(), id, true, cursor, size),
                ResponseTypes.instanceOf(MessagePage.class)).join();
    }

    @IdempotentCreate
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/conversations/{id}/messages")
    @Operation(summary = "Post a message in a conversation; answers the new message")
    ResponseEntity<MessageView> post(@PathVariable UUID id, @RequestBody MessageRequest body, CurrentUser user,
            HttpServletRequest request) {
        UUID messageId = commands.idFor(body.id(), "id", request);
        commands.send(new PostMessageCommand(messageId, user.organizationId(), id, user.userId(), body.content(),
                body.attachments(), Boolean.TRUE.equals(body.internal())), user, request);
        return ResponseEntity.created(URI.create("/api/v1/messages/" + messageId)).body(message(messageId, user));
    }

    @GetMapping("/messages/{id}")
    @Operation(summary = "One message, internal ones included")
    MessageView message(@PathVariable UUID id, CurrentUser user) {
        return queries.query(new FindMessageQuery(user.organizationId(), id, true),
                        ResponseTypes.optionalInstanceOf(MessageView.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("message"));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PutMapping("/messages/{id}")
    @Operation(summary = "Change a message's content; only its sender may")
    ResponseEntity<Void> edit(@PathVariable UUID id, @RequestBody EditRequest body, CurrentUser user,
            HttpServletRequest request) {
        commands.send(new EditMessageCommand(id, user.organizationId(), user.userId(), body.content()), user, request);
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/messages/{id}")
    @Operation(summary = "Delete a message; only its sender may. It stays in the audit trail.")
    ResponseEntity<Void> delete(@PathVariable UUID id, CurrentUser user, HttpServletRequest request) {
        commands.send(new DeleteMessageCommand(id, user.organizationId(), user.userId()), user, request);
        return ResponseEntity.noContent().build();
    }
}
