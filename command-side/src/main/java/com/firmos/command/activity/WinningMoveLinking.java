package com.firmos.command.activity;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.activity.LinkActivityToWinningMoveCommand;
import com.firmos.command.ClientWriteAccess;
import com.firmos.command.FieldRules;

/**
 * Links an activity to a winning move. The link belongs to the activity (its timeline entry is the activity's),
 * but whether the move takes links is the move's to say, so both aggregates are loaded in one unit of work.
 */
@Component
class WinningMoveLinking {

    private final Repository<Activity> activities;
    private final Repository<WinningMove> winningMoves;

    WinningMoveLinking(Repository<Activity> activities, Repository<WinningMove> winningMoves) {
        this.activities = activities;
        this.winningMoves = winningMoves;
    }

    @CommandHandler
    void handle(LinkActivityToWinningMoveCommand command, MetaData metaData, ClientWriteAccess access) {
        String organization = command.organizationId();
        var activity = activities.load(command.activityId().toString());
        UUID engagement = activity.invoke(it -> it.engagementOf(organization));
        // Loaded through the repository, the activity's own interceptor does not run.
        access.requireForEngagement(engagement, organization, metaData);
        FieldRules.required("winningMoveId", command.winningMoveId());
        String title = winningMoves.load(command.winningMoveId().toString())
                .invoke(move -> move.titleForLinkFrom(organization, engagement));
        activity.execute(it -> it.linkWinningMove(organization, command.winningMoveId(), title));
    }
}
