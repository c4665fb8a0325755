package com.firmos.rest.engagement;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Set;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.engagement.ChangeEngagementPhaseCommand;
import com.firmos.api.messages.engagement.CloseEngagementCommand;
import com.firmos.api.messages.engagement.CloseOutcome;
import com.firmos.api.messages.engagement.EngagementList;
import com.firmos.api.messages.engagement.EngagementStatus;
import com.firmos.api.messages.engagement.EngagementView;
import com.firmos.api.messages.engagement.FindEngagementQuery;
import com.firmos.api.messages.engagement.FindEngagementsQuery;
import com.firmos.api.messages.engagement.OpenEngagementCommand;
import com.firmos.api.messages.engagement.PauseEngagementCommand;
import com.firmos.api.messages.engagement.RenameEngagementCommand;
import com.firmos.api.messages.engagement.ResumeEngagementCommand;
import com.firmos.rest.consistency.IfMatch;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.consistency.Versions;
import com.firmos.rest.idempotency.IdempotentCreate;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Engagements: the work relationship with a client, its lifecycle and playbook phase. */
@RestController
@RequestMapping("/api/v1/engagements")
@Tag(name = "Engagements")
class EngagementController {

    private final RequestCommands commands;
    private final QueryGateway queries;

    EngagementController(RequestCommands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** {@code id} is optional and makes a retried open harmless. */
    record OpenRequest(UUID id, UUID clientId, String name, PlaybookPhase phase, UUID dealId, UUID proposalId,
            UUID contractId, BigDecimal budget) {
    }

    record RenameRequest(String name) {
    }

    record CloseRequest(CloseOutcome outcome) {
    }

    @Schema(name = "EngagementPhaseRequest")
    record PhaseRequest(PlaybookPhase phase, String reason) {
    }

    @IdempotentCreate
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @Operation(summary = "Open an engagement for a client")
    ResponseEntity<EngagementView> open(@RequestBody OpenRequest body, CurrentUser user, HttpServletRequest request) {
        UUID id = commands.idFor(body.id(), "id", request);
        commands.send(new OpenEngagementCommand(id, user.organizationId(), body.clientId(), body.name(), body.phase(),
                body.dealId(), body.proposalId(), body.contractId(), body.budget()), user, request);
        EngagementView view = find(user, id);
        return ResponseEntity.created(URI.create("/api/v1/engagements/" + id))
                .eTag(Versions.etag(view.version())).body(view);
    }

    @GetMapping
    @Operation(summary = "The engagements of the tenant, filtered by status, phase and client")
    EngagementList list(@RequestParam(name = "status", required = false) Set<EngagementStatus> statuses,
            @RequestParam(name = "phase", required = false) Set<PlaybookPhase> phases,
            @RequestParam(required = false) UUID clientId, CurrentUser user) {
        return queries.query(new FindEngagementsQuery(user.organizationId(), statuses == null ? Set.of() : statuses,
                phases == null ? Set.of() : phases, clientId), ResponseTypes.instanceOf(EngagementList.class)).join();
    }

    @GetMapping("/{id}")
    @Operation(summary = "An engagement with its projects, open conversations, proposal and orders")
    ResponseEntity<EngagementView> get(@PathVariable UUID id, CurrentUser user) {
        return current(user, id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rename an engagement")
    ResponseEntity<EngagementView> rename(@PathVariable UUID id, @RequestBody RenameRequest body,
            @IfMatch Long expected, CurrentUser user, HttpServletRequest request) {
        commands.send(new RenameEngagementCommand(id, user.organizationId(), expected, body.name()), user, request);
        return current(user, id);
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Pause an active engagement")
    ResponseEntity<EngagementView> pause(@PathVariable UUID id, @IfMatch Long expected, CurrentUser user,
            HttpServletRequest request) {
        commands.send(new PauseEngagementCommand(id, user.organizationId(), expected), user, request);
        return current(user, id);
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume a paused engagement")
    ResponseEntity<EngagementView> resume(@PathVariable UUID id, @IfMatch Long expected, CurrentUser user,
            HttpServletRequest request) {
        commands.send(new ResumeEngagementCommand(id, user.organizationId(), expected), user, request);
        return current(user, id);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close the engagement as completed or cancelled; it takes no changes afterwards")
    ResponseEntity<EngagementView> close(@PathVariable UUID id, @RequestBody CloseRequest body, @IfMatch Long expected,
            CurrentUser user, HttpServletRequest request) {
        commands.send(new CloseEngagementCommand(id, user.organizationId(), expected, body.outcome()), user, request);
        return current(user, id);
    }

    @PostMapping("/{id}/phase")
    @Operation(summary = "Advance the playbook phase one step, or go back to an earlier one with a reason")
    ResponseEntity<EngagementView> changePhase(@PathVariable UUID id, @RequestBody PhaseRequest body,
            @IfMatch Long expected, CurrentUser user, HttpServletRequest request) {
        commands.send(new ChangeEngagementPhaseCommand(id, user.organizationId(), expected, body.phase(),
                body.reason()), user, request);
        return current(user, id);
    }

    private ResponseEntity<EngagementView> current(CurrentUser user, UUID id) {
        EngagementView view = find(user, id);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    EngagementView find(CurrentUser user, UUID id) {
        return queries.query(new FindEngagementQuery(user.organizationId(), id),
                        ResponseTypes.optionalInstanceOf(EngagementView.class))
                .join()
                .orElseThrow(() -> ApiProblem.notFound("engagement"));
    }
}
