package com.firmos.rest.demo;

import static com.firmos.api.messages.activity.ActivityStatus.DONE;
import static com.firmos.api.messages.activity.ActivityStatus.IN_PROGRESS;
import static com.firmos.api.messages.activity.ActivityStatus.PLANNED;
import static com.firmos.api.messages.activity.ActivityStatus.SKIPPED;
import static com.firmos.api.messages.activity.ActivityStatus.SUGGESTION;
import static com.firmos.api.messages.activity.PlaybookPhase.ACTIVATE;
import static com.firmos.api.messages.activity.PlaybookPhase.ADOPT;
import static com.firmos.api.messages.activity.PlaybookPhase.ALIGN;
import static com.firmos.api.messages.activity.TimeBucket.LATER;
import static com.firmos.api.messages.activity.TimeBucket.NEXT_QUARTER;
import static com.firmos.api.messages.activity.TimeBucket.THIS_QUARTER;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.MetadataKeys;
import com.firmos.api.messages.activity.ActivityDetails;
import com.firmos.api.messages.activity.ActivityResource;
import com.firmos.api.messages.activity.AddActivityResourceCommand;
import com.firmos.api.messages.activity.AddActivityTeamMemberCommand;
import com.firmos.api.messages.activity.AssignActivityTeamCommand;
import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.ActivityView;
import com.firmos.api.messages.activity.ChangeActivityStatusCommand;
import com.firmos.api.messages.activity.CompleteWinningMoveContributionCommand;
import com.firmos.api.messages.activity.CreateActivityCommand;
import com.firmos.api.messages.activity.CreateWinningMoveCommand;
import com.firmos.api.messages.activity.FindActivityQuery;
import com.firmos.api.messages.activity.LinkActivityToWinningMoveCommand;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.activity.ResourceType;
import com.firmos.api.messages.activity.ScoreData;
import com.firmos.api.messages.activity.ScoreMetric;
import com.firmos.api.messages.activity.TeamMember;
import com.firmos.api.messages.activity.TimeBucket;
import com.firmos.api.messages.engagement.OpenEngagementCommand;
import com.firmos.api.messages.relation.AddRelationCommand;
import com.firmos.api.messages.relation.EntityReference;
import com.firmos.api.messages.relation.RelationGraphs;
import com.firmos.api.messages.relation.RelationType;
import com.firmos.platform.consistency.ProjectionCatchUp;

/**
 * With {@code --demo} (or {@code firmos.demo=true}) fills tenant {@code org_demo} through commands, as a
 * consultant would: one engagement's playbook across the three buckets, the three phases and every status,
 * with two winning moves and their contributions, a scored result, a resource, a team and a dependency.
 * Ids are derived from names, so a second start finds the demo in place and adds nothing.
 */
@Component
class DemoData implements ApplicationRunner {

    static final String ORGANIZATION = Demo.ORGANIZATION;
    static final UUID ENGAGEMENT = nameId("engagement:northwind-transformation");
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final String CONSULTANT = "user_demo_consultant";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProjectionCatchUp catchUp;
    private final Environment environment;

    DemoData(CommandGateway commands, QueryGateway queries, ProjectionCatchUp catchUp, Environment environment) {
        this.commands = commands;
        this.queries = queries;
        this.catchUp = catchUp;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!Demo.requested(arguments, environment)) {
            return;
        }
        List<DemoActivity> playbook = playbook();
        if (exists(playbook.getFirst())) {
            LOG.info("Demo tenant {} is already filled; engagement {}", ORGANIZATION, ENGAGEMENT);
            return;
        }
        send(new OpenEngagementCommand(ENGAGEMENT, ORGANIZATION, nameId("client:northwind"),
                "Northwind transformation", PlaybookPhase.ACTIVATE, null, null, null, new BigDecimal("120000")));
        playbook.forEach(this::create);
        addWinningMovesAndLinks();
        LOG.info("Demo tenant {} filled: engagement {} with {} activities", ORGANIZATION, ENGAGEMENT,
                playbook.size());
    }

    private void create(DemoActivity activity) {
        UUID id = activityId(activity.title());
        ActivityStatus initial = activity.status() == SUGGESTION ? SUGGESTION : PLANNED;
        send(new CreateActivityCommand(id, ORGANIZATION, ENGAGEMENT, activity.details(), initial));
        for (ActivityStatus step : pathTo(activity.status())) {
            ScoreData score = step == DONE ? new ScoreData("Solid working ground", List.of(
                    new ScoreMetric("low hanging fruits", BigDecimal.valueOf(9)),
                    new ScoreMetric("strong recommendations", BigDecimal.valueOf(3)))) : null;
            send(new ChangeActivityStatusCommand(id, ORGANIZATION, null, step, null, CONSULTANT, score));
        }
        catchUp.awaitAggregate(id.toString());
    }

    /** Two winning moves from the align phase, the activities that serve them, a resource, a team, a dependency. */
    private void addWinningMovesAndLinks() {
        UUID onboarding = nameId("move:onboarding");
        UUID automation = nameId("move:automation");
        UUID definingMoves = activityId("Define winning moves");
        send(new CreateWinningMoveCommand(onboarding, ORGANIZATION, ENGAGEMENT, "Own the customer onboarding",
                "Every new customer live within two weeks", ALIGN, definingMoves));
        send(new CreateWinningMoveCommand(automation, ORGANIZATION, ENGAGEMENT, "Automate the back office",
                "Half of the manual steps gone by year end", ALIGN, definingMoves));
        send(new LinkActivityToWinningMoveCommand(activityId("Pilot team onboarding"), ORGANIZATION, onboarding));
        send(new LinkActivityToWinningMoveCommand(activityId("Stakeholder interviews"), ORGANIZATION, onboarding));
        send(new CompleteWinningMoveContributionCommand(activityId("Stakeholder interviews"), ORGANIZATION,
                onboarding));
        send(new LinkActivityToWinningMoveCommand(activityId("Quick-win automation sprint"), ORGANIZATION,
                automation));
        send(new AddActivityResourceCommand(activityId("Kick-off workshop"), ORGANIZATION, new ActivityResource(
                nameId("resource:kickoff-deck"), ResourceType.URL, "Kick-off deck", "slides",
                "https://example.com/northwind/kickoff-deck", null, null, null)));
        send(new AssignActivityTeamCommand(activityId("Pilot team onboarding"), ORGANIZATION, "Coreteam"));
        send(new AddActivityTeamMemberCommand(activityId("Pilot team onboarding"), ORGANIZATION,
                new TeamMember(CONSULTANT, null, null, null, "lead")));
        String graph = RelationGraphs.ID_PREFIX + ORGANIZATION;
        send(new AddRelationCommand(graph, ORGANIZATION, nameId("relation:pilot-before-rollout"),
                new EntityReference("activity", activityId("Pilot team onboarding").toString()),
                new EntityReference("activity", activityId("Rollout to all regions").toString()),
                RelationType.BLOCKS, "pilot first", CONSULTANT));
        catchUp.awaitAggregate(graph);
    }

    private static UUID activityId(String title) {
        return nameId("activity:" + title);
    }

    private static List<ActivityStatus> pathTo(ActivityStatus status) {
        return switch (status) {
            case SUGGESTION, PLANNED -> List.of();
            case IN_PROGRESS -> List.of(IN_PROGRESS);
            case DONE -> List.of(IN_PROGRESS, DONE);
            case SKIPPED -> List.of(SKIPPED);
        };
    }

    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                MetadataKeys.ORGANIZATION_ID, ORGANIZATION,
                MetadataKeys.USER_ID, CONSULTANT,
                MetadataKeys.USER_NAME, "Demo Consultant",
                MetadataKeys.CORRELATION_ID, "demo-data")));
    }

    private boolean exists(DemoActivity activity) {
        return queries.query(new FindActivityQuery(ORGANIZATION, activityId(activity.title())),
                ResponseTypes.optionalInstanceOf(ActivityView.class)).join().isPresent();
    }

    private static UUID nameId(String name) {
        return UUID.nameUUIDFromBytes(("firmos-demo:" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static List<DemoActivity> playbook() {
        LocalDate start = LocalDate.now().withDayOfMonth(1);
        return List.of(
                new DemoActivity("Kick-off workshop", ALIGN, THIS_QUARTER, DONE, start, 0),
                new DemoActivity("Stakeholder interviews", ALIGN, THIS_QUARTER, DONE, start.plusDays(7), 1),
                new DemoActivity("Define winning moves", ALIGN, THIS_QUARTER, IN_PROGRESS, start.plusDays(14), 2),
                new DemoActivity("Current-state process map", ALIGN, THIS_QUARTER, SKIPPED, null, 3),
                new DemoActivity("Pilot team onboarding", ACTIVATE, THIS_QUARTER, PLANNED, start.plusDays(28), 4),
                new DemoActivity("Quick-win automation sprint", ACTIVATE, NEXT_QUARTER, PLANNED,
                        start.plusMonths(3), 0),
                new DemoActivity("Leadership alignment offsite", ACTIVATE, NEXT_QUARTER, SUGGESTION, null, 1),
                new DemoActivity("Metrics dashboard", ACTIVATE, NEXT_QUARTER, PLANNED, start.plusMonths(4), 2),
                new DemoActivity("Rollout to all regions", ADOPT, LATER, PLANNED, null, 0),
                new DemoActivity("Champion community of practice", ADOPT, LATER, SUGGESTION, null, 1),
                new DemoActivity("Adoption health review", ADOPT, LATER, PLANNED, null, 2));
    }

    private record DemoActivity(String title, PlaybookPhase phase, TimeBucket bucket, ActivityStatus status,
            LocalDate scheduled, int order) {

        ActivityDetails details() {
            return new ActivityDetails(title, null, "pentagon", colourOf(phase), phase, bucket, scheduled,
                    scheduled == null ? null : scheduled.plusDays(14), order);
        }

        private static String colourOf(PlaybookPhase phase) {
            return switch (phase) {
                case ALIGN -> "yellow";
                case ACTIVATE -> "green";
                case ADOPT -> "blue";
            };
        }
    }
}
