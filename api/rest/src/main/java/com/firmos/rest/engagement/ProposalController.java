package com.firmos.rest.engagement;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Optional;
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

import com.firmos.api.messages.engagement.AcceptProposalCommand;
import com.firmos.api.messages.engagement.ChangeProposalStatusCommand;
import com.firmos.api.messages.engagement.DraftProposalCommand;
import com.firmos.api.messages.engagement.EditProposalCommand;
import com.firmos.api.messages.engagement.EngagementView;
import com.firmos.api.messages.engagement.FindEngagementQuery;
import com.firmos.api.messages.engagement.FindProposalQuery;
import com.firmos.api.messages.engagement.ProposalStatus;
import com.firmos.api.messages.engagement.ProposalView;
import com.firmos.platform.consistency.ProjectionCatchUp;
import com.firmos.rest.consistency.IfMatch;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.consistency.Versions;
import com.firmos.rest.idempotency.IdempotentCreate;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Proposals: drafted, sent, viewed, then accepted (signed), rejected or expired. */
@RestController
@RequestMapping("/api/v1/proposals")
@Tag(name = "Engagements")
class ProposalController {

    private final RequestCommands commands;
    private final QueryGateway queries;
    private final ProjectionCatchUp catchUp;

    ProposalController(RequestCommands commands, QueryGateway queries, ProjectionCatchUp catchUp) {
        this.commands = commands;
        this.queries = queries;
        this.catchUp = catchUp;
    }

    /** {@code fundedEngagementId}: accepting funds that engagement instead of opening a new one. */
    @Schema(name = "ProposalDraftRequest")
    record DraftRequest(UUID id, UUID clientId, UUID dealId, UUID fundedEngagementId, String title,
            BigDecimal amount) {
    }

    @Schema(name = "ProposalEditRequest")
    record EditRequest(String title, BigDecimal amount) {
    }

    @Schema(name = "ProposalStatusRequest")
    record StatusRequest(ProposalStatus status) {
    }

    @IdempotentCreate
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @Operation(summary = "Draft a proposal; send your own id to make retries safe")
    ResponseEntity<ProposalView> draft(@RequestBody DraftRequest body, CurrentUser user, HttpServletRequest request) {
        UUID id = commands.idFor(body.id(), "id", request);
        commands.send(new DraftProposalCommand(id, user.organizationId(), body.clientId(), body.dealId(),
                body.fundedEngagementId(), body.title(), body.amount()), user, request);
        ProposalView view = find(user, id).orElseThrow(() -> ApiProblem.notFound("proposal"));
        return ResponseEntity.created(URI.create("/api/v1/proposals/" + id))
                .eTag(Versions.etag(view.version())).body(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A proposal")
    ResponseEntity<ProposalView> get(@PathVariable UUID id, CurrentUser user) {
        return current(user, id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a draft's title and amount")
    ResponseEntity<ProposalView> edit(@PathVariable UUID id, @RequestBody EditRequest body, @IfMatch Long expected,
            CurrentUser user, HttpServletRequest request) {
        commands.send(new EditProposalCommand(id, user.organizationId(), expected, body.title(), body.amount()), user,
                request);
        return current(user, id);
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Send, mark viewed, reject or expire the proposal")
    ResponseEntity<ProposalView> changeStatus(@PathVariable UUID id, @RequestBody StatusRequest body,
            @IfMatch Long expected, CurrentUser user, HttpServletRequest request) {
        commands.send(new ChangeProposalStatusCommand(id, user.organizationId(), expected, body.status()), user,
                request);
        return current(user, id);
    }

    @PostMapping("/{id}/acceptance")
    @ApiResponse(responseCode = "200", description = "Done, and what it opens is readable",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "202", description = "Done; what it opens is not readable yet",
            useReturnTypeSchema = true)
    @Operation(summary = "Record the signed acceptance; answers once the engagement is open and funded by the"
            + " order. Retrying changes nothing.")
    ResponseEntity<ProposalView> accept(@PathVariable UUID id, CurrentUser user, HttpServletRequest request) {
        commands.send(new AcceptProposalCommand(id, user.organizationId(), user.userId()), user, request);
        ProposalView accepted = find(user, id).orElseThrow(() -> ApiProblem.notFound("proposal"));
        boolean converted = catchUp.awaitCondition(() -> funded(user, accepted));
        return (converted ? ResponseEntity.ok() : ResponseEntity.accepted())
                .eTag(Versions.etag(accepted.version())).body(accepted);
    }

    private boolean funded(CurrentUser user, ProposalView proposal) {
        return queries.query(new FindEngagementQuery(user.organizationId(), proposal.engagementId()),
                        ResponseTypes.optionalInstanceOf(EngagementView.class)).join()
                .map(engagement -> engagement.orders().stream()
                        .anyMatch(order -> order.orderId().equals(proposal.orderId())))
                .orElse(false);
    }

    private ResponseEntity<ProposalView> current(CurrentUser user, UUID id) {
        ProposalView view = find(user, id).orElseThrow(() -> ApiProblem.notFound("proposal"));
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    private Optional<ProposalView> find(CurrentUser user, UUID id) {
        return queries.query(new FindProposalQuery(user.organizationId(), id),
                ResponseTypes.optionalInstanceOf(ProposalView.class)).join();
    }
}
