package com.firmos.command.playbook;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.relation.AddRelationCommand;
import com.firmos.api.messages.relation.EntityReference;

/**
 * Adds relations to the tenant's graph, creating the graph with its first relation. Ends that this backend
 * owns (activities, winning moves) must exist in the caller's tenant; other entity types are taken as given.
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
    void handle(AddRelationCommand command) throws Exception {
        RelationGraph.checkShape(command);
        requireInTenant(command.source(), command.organizationId());
        requireInTenant(command.target(), command.organizationId());
        graphs.loadOrCreate(RelationGraph.idOf(command.organizationId()), RelationGraph::new)
                .execute(graph -> graph.add(command));
    }

    private void requireInTenant(EntityReference entity, String organizationId) {
        switch (entity.type()) {
            case "activity" -> activities.load(entity.id()).execute(it -> it.engagementOf(organizationId));
            case "winning_move" -> winningMoves.load(entity.id())
                    .execute(it -> it.titleOf(organizationId));
            default -> {
                // Pages, files and entities of later modules are referenced by id only.
            }
        }
    }
}
