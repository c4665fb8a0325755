package com.firmos.rest.fasttrack;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.fasttrack.AddHypothesisCommand;
import com.firmos.api.messages.fasttrack.AddTeamAssessmentCommand;
import com.firmos.api.messages.fasttrack.EditHypothesisCommand;
import com.firmos.api.messages.fasttrack.EditTeamAssessmentCommand;
import com.firmos.api.messages.fasttrack.FindHypothesisQuery;
import com.firmos.api.messages.fasttrack.FindTeamAssessmentQuery;
import com.firmos.api.messages.fasttrack.FindToolDocumentQuery;
import com.firmos.api.messages.fasttrack.Hypothesis;
import com.firmos.api.messages.fasttrack.HypothesisCategory;
import com.firmos.api.messages.fasttrack.HypothesisDetails;
import com.firmos.api.messages.fasttrack.RemoveHypothesisCommand;
import com.firmos.api.messages.fasttrack.RemoveTeamAssessmentCommand;
import com.firmos.api.messages.fasttrack.TeamAssessment;
import com.firmos.api.messages.fasttrack.TeamAssessmentDetails;
import com.firmos.api.messages.fasttrack.ToolAccessLevel;
import com.firmos.api.messages.fasttrack.ToolDocumentView;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Hypotheses of your value proposition and team assessments of your FIT & ABC analysis. */
@RestController
@RequestMapping({"/api/v1/fast-track/tools", "/api/v1/portal/fast-track/tools"})
@Tag(name = "Fast Track")
class ToolChildrenController {

    private static final String VALUE_PROPOSITION = "value_proposition";
    private static final String FIT_ABC = "fit_abc_analysis";

    private final RequestCommands commands;
    private final QueryGateway queries;
    private final ToolAccessGuard access;

    ToolChildrenController(RequestCommands commands, QueryGateway queries, ToolAccessGuard access) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
    }

    /** Untested unless said otherwise. */
    record HypothesisRequest(String text, HypothesisCategory category, Integer priority, Boolean tested,
            Map<String, Object> results) {

        HypothesisDetails details() {
            return new HypothesisDetails(text, category, priority, Boolean.TRUE.equals(tested), results);
        }
    }

    @PostMapping("/value_proposition/document/hypotheses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a hypothesis (gain, pain or jobs) to your value proposition; answers the hypothesis")
    ResponseEntity<Hypothesis> addHypothesis(@RequestBody HypothesisRequest body, CurrentUser user,
            HttpServletRequest request) {
        UUID hypothesisId = commands.newId(request);
        store(user, VALUE_PROPOSITION, id -> new AddHypothesisCommand(id, user.organizationId(), user.userId(),
                hypothesisId, body.details()), request);
        return ResponseEntity.created(URI.create(ToolDocumentIds.path(user, VALUE_PROPOSITION) + "/hypotheses/"
                        + hypothesisId))
                .body(hypothesis(hypothesisId, user));
    }

    @GetMapping("/value_proposition/document/hypotheses/{hypothesisId}")
    @Operation(summary = "One hypothesis of your value proposition")
    Hypothesis hypothesis(@PathVariable UUID hypothesisId, CurrentUser user) {
        access.require(user, VALUE_PROPOSITION, ToolAccessLevel.VIEW);
        return queries.query(new FindHypothesisQuery(user.organizationId(), ToolDocumentIds.of(user,
                        VALUE_PROPOSITION), hypothesisId), ResponseTypes.optionalInstanceOf(Hypothesis.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("hypothesis"));
    }

    @PutMapping("/value_proposition/document/hypotheses/{hypothesisId}")
    @Operation(summary = "Edit a value proposition hypothesis")
    ToolDocumentView editHypothesis(@PathVariable UUID hypothesisId, @RequestBody HypothesisRequest body,
            CurrentUser user, HttpServletRequest request) {
        return send(user, VALUE_PROPOSITION, id -> new EditHypothesisCommand(id, user.organizationId(),
                user.userId(), hypothesisId, body.details()), request);
    }

    @DeleteMapping("/value_proposition/document/hypotheses/{hypothesisId}")
    @Operation(summary = "Remove a value proposition hypothesis")
    ToolDocumentView removeHypothesis(@PathVariable UUID hypothesisId, CurrentUser user,
            HttpServletRequest request) {
        return send(user, VALUE_PROPOSITION, id -> new RemoveHypothesisCommand(id, user.organizationId(),
                user.userId(), hypothesisId), request);
    }

    @PostMapping("/fit_abc_analysis/document/team-assessments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Assess a team member: energy, skill, values, impact (1-10) and an A, B or C rating;"
            + " answers the assessment")
    ResponseEntity<TeamAssessment> addAssessment(@RequestBody TeamAssessmentDetails body, CurrentUser user,
            HttpServletRequest request) {
        UUID assessmentId = commands.newId(request);
        store(user, FIT_ABC, id -> new AddTeamAssessmentCommand(id, user.organizationId(), user.userId(),
                assessmentId, body), request);
        return ResponseEntity.created(URI.create(ToolDocumentIds.path(user, FIT_ABC) + "/team-assessments/"
                        + assessmentId))
                .body(assessment(assessmentId, user));
    }

    @GetMapping("/fit_abc_analysis/document/team-assessments/{assessmentId}")
    @Operation(summary = "One team member's ABC assessment of your FIT & ABC analysis")
    TeamAssessment assessment(@PathVariable UUID assessmentId, CurrentUser user) {
        access.require(user, FIT_ABC, ToolAccessLevel.VIEW);
        return queries.query(new FindTeamAssessmentQuery(user.organizationId(), ToolDocumentIds.of(user, FIT_ABC),
                        assessmentId), ResponseTypes.optionalInstanceOf(TeamAssessment.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("team assessment"));
    }

    @PutMapping("/fit_abc_analysis/document/team-assessments/{assessmentId}")
    @Operation(summary = "Edit a team member's ABC assessment")
    ToolDocumentView editAssessment(@PathVariable UUID assessmentId, @RequestBody TeamAssessmentDetails body,
            CurrentUser user, HttpServletRequest request) {
        return send(user, FIT_ABC, id -> new EditTeamAssessmentCommand(id, user.organizationId(), user.userId(),
                assessmentId, body), request);
    }

    @DeleteMapping("/fit_abc_analysis/document/team-assessments/{assessmentId}")
    @Operation(summary = "Remove a team member's ABC assessment")
    ToolDocumentView removeAssessment(@PathVariable UUID assessmentId, CurrentUser user,
            HttpServletRequest request) {
        return send(user, FIT_ABC, id -> new RemoveTeamAssessmentCommand(id, user.organizationId(), user.userId(),
                assessmentId), request);
    }

    /** Sends the command for the caller's document of the tool, and answers that document as it is after it. */
    private ToolDocumentView send(CurrentUser user, String slug, Function<UUID, Object> command,
            HttpServletRequest request) {
        store(user, slug, command, request);
        return document(user, slug);
    }

    private void store(CurrentUser user, String slug, Function<UUID, Object> command, HttpServletRequest request) {
        access.require(user, slug, ToolAccessLevel.EDIT);
        commands.send(command.apply(ToolDocumentIds.of(user, slug)), user, request);
    }

    private ToolDocumentView document(CurrentUser user, String slug) {
        return queries.query(new FindToolDocumentQuery(user.organizationId(), user.userId(), slug),
                        ResponseTypes.optionalInstanceOf(ToolDocumentView.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("tool document"));
    }
}
