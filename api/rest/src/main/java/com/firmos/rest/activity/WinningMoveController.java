package com.firmos.rest.activity;

import java.net.URI;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.activity.ChangeWinningMoveStatusCommand;
import com.firmos.api.messages.activity.CreateWinningMoveCommand;
import com.firmos.api.messages.activity.EditWinningMoveCommand;
import com.firmos.api.messages.activity.FindWinningMoveQuery;
import com.firmos.api.messages.activity.FindWinningMovesQuery;
import com.firmos.api.messages.activity.WinningMoveView;
import com.firmos.api.messages.activity.WinningMovesView;
import com.firmos.rest.consistency.IfMatch;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.consistency.Versions;
import com.firmos.rest.idempotency.IdempotentCreate;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Winning moves: the engagement's strategic initiatives and the activities contributing to them. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Living Playbook")
class WinningMoveController {

    private final RequestCommands commands;
    private final QueryGateway queries;

    WinningMoveController(RequestCommands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @IdempotentCreate
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/winning-moves")
    @Operation(summary = "Create a winning move")
    ResponseEntity<WinningMoveView> create(@RequestBody WinningMoveRequests.Create body, CurrentUser user,
            HttpServletRequest request) {
        UUID id = commands.idFor(body.id(), "id", request);
        commands.send(new CreateWinningMoveCommand(id, user.organizationId(), body.engagementId(), body.title(),
                body.description(), body.sourcePhase(), body.sourceActivityId()), user, request);
        WinningMoveView view = find(user, id);
        return ResponseEntity.created(URI.create("/api/v1/winning-moves/" + id))
                .eTag(Versions.etag(view.version())).body(view);
    }

    @GetMapping("/winning-moves/{id}")
    @Operation(summary = "A winning move with the activities that contribute to it")
    ResponseEntity<WinningMoveView> get(@PathVariable UUID id, CurrentUser user) {
        return current(user, id);
    }

    @PutMapping("/winning-moves/{id}")
    @Operation(summary = "Edit a winning move")
    ResponseEntity<WinningMoveView> edit(@PathVariable UUID id, @RequestBody WinningMoveRequests.Edit body,
            @IfMatch Long expected, CurrentUser user, HttpServletRequest request) {
        commands.send(new EditWinningMoveCommand(id, user.organizationId(), expected, body.title(), body.description()),
                user, request);
        return current(user, id);
    }

    @PostMapping("/winning-moves/{id}/status")
    @Operation(summary = "Achieve, archive or reactivate a winning move")
    ResponseEntity<WinningMoveView> changeStatus(@PathVariable UUID id,
            @RequestBody WinningMoveRequests.ChangeStatus body,
            @IfMatch Long expected, CurrentUser user, HttpServletRequest request) {
        commands.send(new ChangeWinningMoveStatusCommand(id, user.organizationId(), expected, body.status()), user,
                request);
        return current(user, id);
    }

    @GetMapping("/engagements/{engagementId}/winning-moves")
    @Operation(summary = "The engagement's winning moves, each with its activities and the share of completed"
            + " contributions")
    WinningMovesView list(@PathVariable UUID engagementId, CurrentUser user) {
        return queries.query(new FindWinningMovesQuery(user.organizationId(), engagementId),
                ResponseTypes.instanceOf(WinningMovesView.class)).join();
    }

    private ResponseEntity<WinningMoveView> current(CurrentUser user, UUID id) {
        WinningMoveView view = find(user, id);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    private WinningMoveView find(CurrentUser user, UUID id) {
        return queries.query(new FindWinningMoveQuery(user.organizationId(), id),
                        ResponseTypes.optionalInstanceOf(WinningMoveView.class))
                .join()
                .orElseThrow(() -> ApiProblem.notFound("winning move"));
    }
}
