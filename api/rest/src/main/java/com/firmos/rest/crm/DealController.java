package com.firmos.rest.crm;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
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

import com.firmos.api.messages.crm.CompetitorList;
import com.firmos.api.messages.crm.CompetitorStatus;
import com.firmos.api.messages.crm.CompetitorView;
import com.firmos.api.messages.crm.CreateCompetitorCommand;
import com.firmos.api.messages.crm.CreateDealCommand;
import com.firmos.api.messages.crm.DealSource;
import com.firmos.api.messages.crm.DealStage;
import com.firmos.api.messages.crm.DealType;
import com.firmos.api.messages.crm.DealView;
import com.firmos.api.messages.crm.EditCompetitorCommand;
import com.firmos.api.messages.crm.EditDealCommand;
import com.firmos.api.messages.crm.FindCompetitorQuery;
import com.firmos.api.messages.crm.FindCompetitorsQuery;
import com.firmos.api.messages.crm.FindDealQuery;
import com.firmos.api.messages.crm.FindForecastQuery;
import com.firmos.api.messages.crm.FindPipelineAsOfQuery;
import com.firmos.api.messages.crm.FindPipelineQuery;
import com.firmos.api.messages.crm.FindWinRateQuery;
import com.firmos.api.messages.crm.Forecast;
import com.firmos.api.messages.crm.LoseDealCommand;
import com.firmos.api.messages.crm.MentionCompetitorCommand;
import com.firmos.api.messages.crm.MoveDealStageCommand;
import com.firmos.api.messages.crm.Pipeline;
import com.firmos.api.messages.crm.WinDealCommand;
import com.firmos.api.messages.crm.WinRate;
import com.firmos.api.messages.engagement.EngagementView;
import com.firmos.api.messages.engagement.FindEngagementQuery;
import com.firmos.platform.consistency.ProjectionCatchUp;
import com.firmos.rest.consistency.IfMatch;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.consistency.Versions;
import com.firmos.rest.history.AsOf;
import com.firmos.rest.history.HistoryReads;
import com.firmos.rest.idempotency.IdempotentCreate;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Deals and their stages, the pipeline with win rate and forecast, and the competitor catalogue. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "CRM")
class DealController {

    private final RequestCommands commands;
    private final QueryGateway queries;
    private final ProjectionCatchUp catchUp;
    private final HistoryReads history;

    DealController(RequestCommands commands, QueryGateway queries, ProjectionCatchUp catchUp,
            HistoryReads history) {
        this.commands = commands;
        this.queries = queries;
        this.history = history;
        this.catchUp = catchUp;
    }

    record DealRequest(UUID id, UUID clientId, String name, DealType type, DealSource source, BigDecimal value,
            LocalDate expectedCloseDate, String ownerId) {
    }

    record StageRequest(DealStage stage) {
    }

    record LossRequest(String reason) {
    }

    record CompetitorMentionRequest(UUID competitorId, CompetitorStatus status) {
    }

    record CompetitorRequest(UUID id, String name, String strengths, String weaknesses, String pricing) {
    }

    @IdempotentCreate
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/deals")
    @Operation(summary = "Create a deal in the pipeline")
    ResponseEntity<DealView> create(@RequestBody DealRequest body, CurrentUser user, HttpServletRequest request) {
        UUID id = commands.idFor(body.id(), "id", request);
        commands.send(new CreateDealCommand(id, user.organizationId(), user.actor(), body.clientId(), body.name(),
                body.type(), body.source(), body.value(), body.expectedCloseDate(),
                body.ownerId() == null ? user.userId() : body.ownerId()), user, request);
        DealView view = deal(user, id);
        return ResponseEntity.created(URI.create("/api/v1/deals/" + id)).eTag(Versions.etag(view.version()))
                .body(view);
    }

    @GetMapping("/deals/{id}")
    @Operation(summary = "A deal with days in stage, competitors and the exit criteria of every stage it left")
    DealView get(@PathVariable UUID id, CurrentUser user) {
        return deal(user, id);
    }

    @PutMapping("/deals/{id}")
    @Operation(summary = "Edit a deal's details")
    DealView edit(@PathVariable UUID id, @RequestBody DealRequest body, @IfMatch Long expected, CurrentUser user,
            HttpServletRequest request) {
        commands.send(new EditDealCommand(id, user.organizationId(), user.actor(), expected, body.name(), body.type(),
                body.source(), body.value(), body.expectedCloseDate(), body.ownerId()), user, request);
        return deal(user, id);
    }

    @PostMapping("/deals/{id}/stage")
    @Operation(summary = "Move forward one stage or back to any earlier open stage; answers with the exit criteria"
            + " of the stage left")
    DealView move(@PathVariable UUID id, @RequestBody StageRequest body, @IfMatch Long expected, CurrentUser user,
            HttpServletRequest request) {
        commands.send(new MoveDealStageCommand(id, user.organizationId(), user.actor(), expected, body.stage()), user,
                request);
        return deal(user, id);
    }

    @PostMapping("/deals/{id}/loss")
    @Operation(summary = "Lose an open deal; the reason is required")
    DealView lose(@PathVariable UUID id, @RequestBody LossRequest body, CurrentUser user,
            HttpServletRequest request) {
        commands.send(new LoseDealCommand(id, user.organizationId(), user.actor(), body.reason()), user, request);
        return deal(user, id);
    }

    @PostMapping("/deals/{id}/win")
    @ApiResponse(responseCode = "200", description = "Done, and what it opens is readable",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "202", description = "Done; what it opens is not readable yet",
            useReturnTypeSchema = true)
    @Operation(summary = "Win a deal in negotiation; answers once the engagement it opens is readable")
    ResponseEntity<DealView> win(@PathVariable UUID id, CurrentUser user, HttpServletRequest request) {
        commands.send(new WinDealCommand(id, user.organizationId(), user.actor()), user, request);
        DealView won = deal(user, id);
        boolean opened = catchUp.awaitCondition(() -> queries.query(new FindEngagementQuery(user.organizationId(),
                won.engagementId()), ResponseTypes.optionalInstanceOf(EngagementView.class)).join().isPresent());
        return (opened ? ResponseEntity.ok() : ResponseEntity.accepted()).body(won);
    }

    @PostMapping("/deals/{id}/competitors")
    @Operation(summary = "Record a competitor of the catalogue in the deal, or change its status there")
    DealView mentionCompetitor(@PathVariable UUID id, @RequestBody CompetitorMentionRequest body, CurrentUser user,
            HttpServletRequest request) {
        commands.send(new MentionCompetitorCommand(id, user.organizationId(), user.actor(), body.competitorId(),
                body.status()), user, request);
        return deal(user, id);
    }

    @GetMapping("/pipeline")
    @Operation(summary = "Open deals by stage: counts, total and weighted value, days in stage, rotting flags")
    Pipeline pipeline(@RequestParam(required = false) String ownerId, @RequestParam(required = false) UUID clientId,
            @RequestParam(required = false) DealType type, @RequestParam(required = false) DealSource source,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closeFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closeTo,
            @RequestParam(required = false) @Parameter(description = AsOf.DESCRIPTION) Instant asOf,
            CurrentUser user) {
        FindPipelineQuery pipeline = new FindPipelineQuery(user.organizationId(), ownerId, clientId, type, source,
                closeFrom, closeTo);
        return history.view(user, asOf, pipeline, moment -> new FindPipelineAsOfQuery(pipeline, moment),
                Pipeline.class);
    }

    @GetMapping("/pipeline/win-rate")
    @Operation(summary = "Deals closed in a period: won, lost, win rate and loss reasons")
    WinRate winRate(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            CurrentUser user) {
        return queries.query(new FindWinRateQuery(user.organizationId(), from, to),
                ResponseTypes.instanceOf(WinRate.class)).join();
    }

    @GetMapping("/pipeline/forecast")
    @Operation(summary = "Open deals by month of expected close, with total and weighted value")
    Forecast forecast(CurrentUser user) {
        return queries.query(new FindForecastQuery(user.organizationId()), ResponseTypes.instanceOf(Forecast.class))
                .join();
    }

    @IdempotentCreate
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/competitors")
    @Operation(summary = "Add a competitor to the tenant's catalogue")
    ResponseEntity<CompetitorView> createCompetitor(@RequestBody CompetitorRequest body, CurrentUser user,
            HttpServletRequest request) {
        UUID id = commands.idFor(body.id(), "id", request);
        commands.send(new CreateCompetitorCommand(id, user.organizationId(), body.name(), body.strengths(),
                body.weaknesses(), body.pricing()), user, request);
        return ResponseEntity.created(URI.create("/api/v1/competitors/" + id)).body(competitor(id, user));
    }

    @GetMapping("/competitors/{id}")
    @Operation(summary = "One competitor of the catalogue")
    CompetitorView competitor(@PathVariable UUID id, CurrentUser user) {
        return queries.query(new FindCompetitorQuery(user.organizationId(), id),
                        ResponseTypes.optionalInstanceOf(CompetitorView.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("competitor"));
    }

    @PutMapping("/competitors/{id}")
    @Operation(summary = "Edit a competitor of the catalogue")
    CompetitorView editCompetitor(@PathVariable UUID id, @RequestBody CompetitorRequest body, CurrentUser user,
            HttpServletRequest request) {
        commands.send(new EditCompetitorCommand(id, user.organizationId(), body.name(), body.strengths(),
                body.weaknesses(), body.pricing()), user, request);
        return competitor(id, user);
    }

    @GetMapping("/competitors")
    @Operation(summary = "The tenant's catalogue of competitors")
    CompetitorList competitors(CurrentUser user) {
        return queries.query(new FindCompetitorsQuery(user.organizationId()),
                ResponseTypes.instanceOf(CompetitorList.class)).join();
    }

    private DealView deal(CurrentUser user, UUID id) {
        return queries.query(new FindDealQuery(user.organizationId(), id),
                        ResponseTypes.optionalInstanceOf(DealView.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("deal"));
    }
}
