package com.firmos.rest.relation;

import java.net.URI;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.relation.AddRelationCommand;
import com.firmos.api.messages.relation.DependencyGraph;
import com.firmos.api.messages.relation.EntityReference;
import com.firmos.api.messages.relation.FindDependencyGraphQuery;
import com.firmos.api.messages.relation.FindRelationQuery;
import com.firmos.api.messages.relation.FindRelationsQuery;
import com.firmos.api.messages.relation.RelationDetail;
import com.firmos.api.messages.relation.RelationGraphs;
import com.firmos.api.messages.relation.RelationType;
import com.firmos.api.messages.relation.RelationsView;
import com.firmos.api.messages.relation.RemoveRelationCommand;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.idempotency.IdempotentCreate;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Typed links between any two entities of the tenant, and the dependency graph of an engagement. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Relations")
class RelationController {

    private final RequestCommands commands;
    private final QueryGateway queries;

    RelationController(RequestCommands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** {@code id} is optional and makes a retried add harmless; an untyped relation is a plain link. */
    record AddRelationRequest(UUID id, EntityReference source, EntityReference target, RelationType relationType,
            String label) {
    }

    @IdempotentCreate
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/relations")
    @Operation(summary = "Relate two entities; unique per (source, target), never to itself, and no cycle through"
            + " blocks or depends_on")
    ResponseEntity<RelationDetail> add(@RequestBody AddRelationRequest body, CurrentUser user,
            HttpServletRequest request) {
        UUID id = commands.idFor(body.id(), "id", request);
        String graph = RelationGraphs.ID_PREFIX + user.organizationId();
        commands.send(new AddRelationCommand(graph, user.organizationId(), id, body.source(), body.target(),
                body.relationType(), body.label(), user.userId()), user, request);
        return ResponseEntity.created(URI.create("/api/v1/relations/" + id)).body(relation(id, user));
    }

    @GetMapping("/relations/{relationId}")
    @Operation(summary = "One relation with both of its ends")
    RelationDetail relation(@PathVariable UUID relationId, CurrentUser user) {
        return queries.query(new FindRelationQuery(user.organizationId(), relationId),
                        ResponseTypes.optionalInstanceOf(RelationDetail.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("relation"));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/relations/{relationId}")
    @Operation(summary = "Remove a relation between activities")
    ResponseEntity<Void> remove(@PathVariable UUID relationId, CurrentUser user, HttpServletRequest request) {
        String graph = RelationGraphs.ID_PREFIX + user.organizationId();
        commands.send(new RemoveRelationCommand(graph, user.organizationId(), relationId), user, request);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/relations")
    @Operation(summary = "An entity's outgoing and incoming relations, each with the other side's title")
    RelationsView relations(@RequestParam String entityType, @RequestParam String entityId, CurrentUser user) {
        return relationsOf(user, new EntityReference(entityType, entityId));
    }

    @GetMapping("/engagements/{engagementId}/dependency-graph")
    @Operation(summary = "The engagement's activities and winning moves as nodes and their relations as typed"
            + " edges")
    DependencyGraph dependencyGraph(@PathVariable UUID engagementId, CurrentUser user) {
        return queries.query(new FindDependencyGraphQuery(user.organizationId(), engagementId),
                ResponseTypes.instanceOf(DependencyGraph.class)).join();
    }

    private RelationsView relationsOf(CurrentUser user, EntityReference entity) {
        return queries.query(new FindRelationsQuery(user.organizationId(), entity),
                ResponseTypes.instanceOf(RelationsView.class)).join();
    }
}
