package com.firmos.rest.fasttrack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.fasttrack.FindToolAccessQuery;
import com.firmos.api.messages.fasttrack.GrantToolAccessCommand;
import com.firmos.api.messages.fasttrack.RevokeToolAccessCommand;
import com.firmos.api.messages.fasttrack.ToolAccessLevel;
import com.firmos.api.messages.fasttrack.ToolAccessList;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.security.CurrentUser;
import com.firmos.rest.security.Role;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Who may use which Fast Track tool, at which level and until when; admins manage it. */
@RestController
@RequestMapping("/api/v1/fast-track/access")
@Tag(name = "Fast Track")
class ToolAccessController {

    private final RequestCommands commands;
    private final QueryGateway queries;

    ToolAccessController(RequestCommands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Schema(name = "ToolAccessGrantRequest")
    record GrantRequest(ToolAccessLevel level, Instant expiresAt) {
    }

    @PutMapping("/{userId}/{slug}")
    @Operation(summary = "Grant a user view, edit or admin access to a tool, optionally until a time")
    ToolAccessList grant(@PathVariable String userId, @PathVariable String slug, @RequestBody GrantRequest body,
            CurrentUser user, HttpServletRequest request) {
        user.requireAdmin(null, "only admins grant or revoke tool access");
        UUID id = permissionId(user, userId, slug);
        commands.send(new GrantToolAccessCommand(id, user.organizationId(), userId, slug, body.level(),
                body.expiresAt(), user.userId()), user, request);
        return list(userId, user);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{userId}/{slug}")
    @Operation(summary = "Revoke a user's access to a tool")
    ResponseEntity<Void> revoke(@PathVariable String userId, @PathVariable String slug, CurrentUser user,
            HttpServletRequest request) {
        user.requireAdmin(null, "only admins grant or revoke tool access");
        UUID id = permissionId(user, userId, slug);
        commands.send(new RevokeToolAccessCommand(id, user.organizationId()), user, request);
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    @Operation(summary = "Permissions of the organization (admins) or your own")
    ToolAccessList list(@RequestParam(required = false) String userId, CurrentUser user) {
        String whose = user.role() == Role.ADMIN ? userId : user.userId();
        return queries.query(new FindToolAccessQuery(user.organizationId(), whose),
                ResponseTypes.instanceOf(ToolAccessList.class)).join();
    }


    /** One permission per organization, user and tool, so its id follows from them. */
    private static UUID permissionId(CurrentUser user, String userId, String slug) {
        return UUID.nameUUIDFromBytes(("tool-access/" + user.organizationId() + "/" + userId + "/" + slug)
                .getBytes(StandardCharsets.UTF_8));
    }
}
