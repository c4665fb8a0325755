package com.firmos.command.activity;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.relation.AddRelationCommand;
import com.firmos.api.messages.relation.EntityReference;
import com.firmos.api.messages.relation.RemoveRelationCommand;
import com.firmos.command.ClientWriteAccess;

/**
 * Adds relations to the tenant's graph, creating the graph with its first relation, and removes them. Ends that
 * this backend owns (activities, winning moves) must exist in the caller's tenant, and the caller must have write
 * access to each such end's client, on adding and on removing; other entity types are taken as given.
 */
@Component
class RelationCommands {

    private final Repository<RelationGraph> graphs;
    private final Repository<Activity> activities;
    private final Repository<WinningMove> winningMoves;

    RelationCommands(Repository<RelationGraph> graphs, Repository<Activity> activities,
            Repository<WinningMove> winningMoves) {
        this.graphs = graphs;
        this.activities = activities;
        this.winningMoves = winningMoves;
    }

    @CommandHandler
    void handle(AddRelationCommand command, MetaData metaData, ClientWriteAccess access) throws Exception {
        RelationGraph.checkShape(command);
        requireWritable(command.source(), command.organizationId(), metaData, access);
        requireWritable(command.target(), command.organizationId(), metaData, access);
        graphs.loadOrCreate(RelationGraph.idOf(command.organizationId()), RelationGraph::new)
                .execute(graph -> graph.add(command));
    }

    /** Handled here rather than in the graph: the ends' engagements are other aggregates, loaded in this unit. */
    @CommandHandler
    void handle(RemoveRelationCommand command, MetaData metaData, ClientWriteAccess access) {
        var graph = graphs.load(command.relationGraphId());
        RelationGraph.Edge edge = graph.invoke(it -> it.edgeToRemove(command));
        requireWritable(edge.source(), command.organizationId(), metaData, access);
        requireWritable(edge.target(), command.organizationId(), metaData, access);
        graph.execute(it -> it.remove(command));
    }

    /** An end this backend owns must be the tenant's, and the caller must have write access to its client. */
    private void requireWritable(EntityReference entity, String organizationId, MetaData metaData,
            ClientWriteAccess access) {
        UUID engagementId = switch (entity.type()) {
            case "activity" -> activities.load(entity.id()).invoke(it -> it.engagementOf(organizationId));
            case "winning_move" -> winningMoves.load(entity.id()).invoke(it -> it.engagementOf(organizationId));
            // Pages, files and entities of later modules are referenced by id only.
            default -> null;
        };
        if (engagementId != null) {
            access.requireForEngagement(engagementId, organizationId, metaData);
        }
    }
}
