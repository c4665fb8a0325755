package com.firmos.query.activity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.firmos.api.messages.activity.ActivityCommentAdoptedEvent;
import com.firmos.api.messages.activity.ActivityCommentDeletedEvent;
import com.firmos.api.messages.activity.ActivityCommentEditedEvent;
import com.firmos.api.messages.activity.ActivityCommentedEvent;
import com.firmos.api.messages.activity.ActivityCreatedEvent;
import com.firmos.api.messages.activity.ActivityDetails;
import com.firmos.api.messages.activity.ActivityDetailsEditedEvent;
import com.firmos.api.messages.activity.ActivityImportedFromMilestoneEvent;
import com.firmos.api.messages.activity.ActivityLinkedToWinningMoveEvent;
import com.firmos.api.messages.activity.ActivityMovedEvent;
import com.firmos.api.messages.activity.ActivityResource;
import com.firmos.api.messages.activity.ActivityResourceAddedEvent;
import com.firmos.api.messages.activity.ActivityResourceRemovedEvent;
import com.firmos.api.messages.activity.ActivityResourcesReorderedEvent;
import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.ActivityStatusChangedEvent;
import com.firmos.api.messages.activity.ActivitySuggestionDismissedEvent;
import com.firmos.api.messages.activity.ActivityTeamAssignedEvent;
import com.firmos.api.messages.activity.ActivityTeamMemberAddedEvent;
import com.firmos.api.messages.activity.ActivityTeamMemberRemovedEvent;
import com.firmos.api.messages.activity.ActivityUnlinkedFromWinningMoveEvent;
import com.firmos.api.messages.activity.CommentOnActivityCommand;
import com.firmos.api.messages.activity.EraseTeamMemberCommand;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.activity.ResourceType;
import com.firmos.api.messages.activity.ScoreData;
import com.firmos.api.messages.activity.ScoreMetric;
import com.firmos.api.messages.activity.TeamMember;
import com.firmos.api.messages.activity.TeamMemberErasedEvent;
import com.firmos.api.messages.activity.TimeBucket;
import com.firmos.api.messages.activity.WinningMoveContributionCompletedEvent;
import com.firmos.api.messages.activity.WinningMoveCreatedEvent;
import com.firmos.api.messages.activity.WinningMoveEditedEvent;
import com.firmos.api.messages.activity.WinningMoveStatus;
import com.firmos.api.messages.activity.WinningMoveStatusChangedEvent;
import com.firmos.api.messages.relation.EntityReference;
import com.firmos.api.messages.relation.RelationAddedEvent;
import com.firmos.api.messages.relation.RelationRemovedEvent;
import com.firmos.api.messages.relation.RelationType;
import com.firmos.query.History;

/**
 * Two engagements' Living Playbook boards: activities created and imported, edited, moved between buckets and
 * positions, through their statuses, with resources, teams (users and guests, one guest erased later), winning
 * move links and comments, some written before comments had streams of their own (in the activity's stream,
 * adopted later); winning moves through their statuses; relations between them added and removed.
 */
public final class PlanningHistory {

    private static final String ACTIVITY = "Activity";
    private static final String MOVE = "WinningMove";

    private final History h;
    private final List<UUID> engagements;
    private final List<UUID> guests;
    private final Map<UUID, Move> moves = new LinkedHashMap<>();
    private final List<Card> cards = new ArrayList<>();

    private PlanningHistory(History h) {
        this.h = h;
        this.engagements = List.of(h.id(), h.id());
        this.guests = List.of(h.id(), h.id(), h.id());
    }

    public static void write(History h) {
        new PlanningHistory(h).write();
    }

    private void write() {
        for (int i = 0; i < 4; i++) {
            createMove(engagements.get(i % 2));
        }
        for (int i = 0; i < 10; i++) {
            create(engagements.get(i % 2), i);
        }
        for (int round = 0; round < 150; round++) {
            change(h.pick(cards));
            if (round % 8 == 0) {
                changeMove(h.pick(List.copyOf(moves.values())));
            }
        }
        scripted(engagements.getFirst(), false);
        scripted(engagements.getLast(), true);
        for (Card card : cards) {
            adoptLegacyComments(card);
        }
        UUID erased = guests.getFirst();
        UUID erasure = h.alias(EraseTeamMemberCommand.erasureIdOf(h.tenant(), erased), "erasure");
        h.append("TeamMemberErasure", erasure, new TeamMemberErasedEvent(erased, h.tenant()));
        relations();
        appendedOneAfterAnother(engagements.getFirst());
    }

    private void createMove(UUID engagement) {
        UUID id = h.id();
        Move move = new Move(id, engagement, h.text(200), h.optionalText(10_000));
        moves.put(id, move);
        h.append(MOVE, id, new WinningMoveCreatedEvent(id, h.tenant(), engagement, move.title, move.description,
                h.pick(PlaybookPhase.class), null));
    }

    private void changeMove(Move move) {
        if (move.status != WinningMoveStatus.ARCHIVED && h.chance(50)) {
            String title = h.text(200);
            String description = h.optionalText(10_000);
            h.append(MOVE, move.id, new WinningMoveEditedEvent(move.id, h.tenant(), move.engagement, move.title,
                    title, move.description, description));
            move.title = title;
            move.description = description;
            return;
        }
        WinningMoveStatus to = switch (move.status) {
            case ACTIVE -> h.chance(50) ? WinningMoveStatus.ACHIEVED : WinningMoveStatus.ARCHIVED;
            case ACHIEVED -> h.chance(50) ? WinningMoveStatus.ARCHIVED : WinningMoveStatus.ACTIVE;
            case ARCHIVED -> WinningMoveStatus.ACTIVE;
        };
        h.append(MOVE, move.id, new WinningMoveStatusChangedEvent(move.id, h.tenant(), move.engagement, move.status,
                to));
        move.status = to;
    }

    /**
     * Cards without a position created one after another in two buckets of one engagement, nothing else between
     * them: a bulk batch places them in one statement, each after those before it in its bucket; the last one's
     * status then changes twice. Last in the history, so that no later move renumbers the bucket.
     */
    private void appendedOneAfterAnother(UUID engagement) {
        List<TimeBucket> buckets = List.of(TimeBucket.values()).subList(0, 2);
        for (int i = 0; i < 5; i++) {
            ActivityDetails drawn = details(null);
            ActivityDetails details = new ActivityDetails(drawn.title(), drawn.description(), drawn.icon(),
                    drawn.iconColor(), drawn.phase(), buckets.get(i == 2 ? 1 : 0), drawn.scheduledDate(),
                    drawn.dueDate(), null);
            Card card = new Card(h.id(), engagement, details);
            card.status = ActivityStatus.PLANNED;
            append(card, new ActivityCreatedEvent(card.id, h.tenant(), engagement, card.details, card.status));
            if (i == 4) {
                // Twice in a row: one statement changes the card twice, and the later change must stay.
                status(card);
                status(card);
            }
        }
    }

    private void create(UUID engagement, int index) {
        UUID id = h.id();
        Card card = new Card(id, engagement, details(null));
        cards.add(card);
        if (index % 4 == 3) {
            card.status = h.pick(List.of(ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS, ActivityStatus.DONE,
                    ActivityStatus.SKIPPED));
            boolean done = card.status == ActivityStatus.DONE;
            append(card, new ActivityImportedFromMilestoneEvent(id, h.tenant(), engagement, h.id(), card.details,
                    card.status, done ? h.now().minusSeconds(86_400) : null, done ? "user_lead" : null));
        } else {
            card.status = index % 3 == 0 ? ActivityStatus.SUGGESTION : ActivityStatus.PLANNED;
            append(card, new ActivityCreatedEvent(id, h.tenant(), engagement, card.details, card.status));
        }
        if (h.chance(50)) {
            legacyComment(card);
        }
    }

    /** Every kind of change once on a new suggestion, whatever the rounds before did; then perhaps dismissed. */
    private void scripted(UUID engagement, boolean dismissed) {
        Card card = new Card(h.id(), engagement, details(null));
        cards.add(card);
        card.status = ActivityStatus.SUGGESTION;
        append(card, new ActivityCreatedEvent(card.id, h.tenant(), engagement, card.details, card.status));
        Move move = new Move(h.id(), engagement, h.text(200), null);
        moves.put(move.id, move);
        h.append(MOVE, move.id, new WinningMoveCreatedEvent(move.id, h.tenant(), engagement, move.title, null,
                PlaybookPhase.ALIGN, card.id));
        for (int i = 0; i < 3; i++) {
            ActivityResource resource = resource();
            append(card, new ActivityResourceAddedEvent(card.id, h.tenant(), engagement, resource));
            card.resources.put(resource.resourceId(), resource.title());
        }
        List<UUID> order = new ArrayList<>(card.resources.keySet());
        Collections.rotate(order, 1);
        append(card, new ActivityResourcesReorderedEvent(card.id, h.tenant(), engagement, order));
        while (card.members.size() < 2) {
            member(card);
        }
        append(card, new ActivityTeamMemberRemovedEvent(card.id, h.tenant(), engagement, card.members.removeFirst()));
        legacyComment(card);
        comment(card);
        append(card, new ActivityLinkedToWinningMoveEvent(card.id, h.tenant(), engagement, move.id, move.title));
        append(card, new WinningMoveContributionCompletedEvent(card.id, h.tenant(), engagement, move.id, h.now()));
        append(card, new ActivityUnlinkedFromWinningMoveEvent(card.id, h.tenant(), engagement, move.id));
        append(card, new ActivityLinkedToWinningMoveEvent(card.id, h.tenant(), engagement, move.id, move.title));
        card.moves.put(move.id, false);
        if (dismissed) {
            append(card, new ActivitySuggestionDismissedEvent(card.id, h.tenant(), engagement, null));
            card.dismissed = true;
        } else {
            resource(card);
            member(card);
            status(card);
        }
    }

    private void change(Card card) {
        if (card.dismissed) {
            return;
        }
        switch (h.random().nextInt(12)) {
            case 0 -> {
                ActivityDetails edited = details(card.details);
                append(card, new ActivityDetailsEditedEvent(card.id, h.tenant(), card.engagement, card.details,
                        edited));
                card.details = edited;
            }
            case 1 -> move(card);
            case 2 -> status(card);
            case 3 -> resource(card);
            case 4 -> team(card);
            case 5 -> member(card);
            case 6 -> link(card);
            case 7 -> comment(card);
            case 8 -> {
                if (card.status == ActivityStatus.SUGGESTION && h.chance(40)) {
                    append(card, new ActivitySuggestionDismissedEvent(card.id, h.tenant(), card.engagement,
                            h.optionalText(1_000)));
                    card.dismissed = true;
                } else {
                    move(card);
                }
            }
            case 9 -> legacyComment(card);
            default -> resource(card);
        }
    }

    private void move(Card card) {
        TimeBucket to = h.pick(TimeBucket.class);
        Integer position = h.chance(30) ? null : h.chance(10) ? 100_000 : h.between(0, 4);
        append(card, new ActivityMovedEvent(card.id, h.tenant(), card.engagement, card.details.timeBucket(), to,
                position));
        ActivityDetails d = card.details;
        card.details = new ActivityDetails(d.title(), d.description(), d.icon(), d.iconColor(), d.phase(), to,
                d.scheduledDate(), d.dueDate(), position);
    }

    private void status(Card card) {
        List<ActivityStatus> targets = switch (card.status) {
            case SUGGESTION, DONE, SKIPPED -> List.of(ActivityStatus.PLANNED);
            case PLANNED -> List.of(ActivityStatus.IN_PROGRESS, ActivityStatus.DONE, ActivityStatus.SKIPPED);
            case IN_PROGRESS -> List.of(ActivityStatus.PLANNED, ActivityStatus.DONE, ActivityStatus.SKIPPED);
        };
        ActivityStatus to = h.pick(targets);
        boolean done = to == ActivityStatus.DONE;
        ScoreData score = done && h.chance(60) ? new ScoreData(h.text(200), List.of(
                new ScoreMetric("NPS ✓", new BigDecimal("72.5")), new ScoreMetric(h.text(60) + " adoption",
                        new BigDecimal("-1000000000")))) : null;
        append(card, new ActivityStatusChangedEvent(card.id, h.tenant(), card.engagement, card.status, to,
                h.optionalText(1_000), done ? "user_consultant" : null, done ? h.now() : null, score));
        card.status = to;
    }

    private void resource(Card card) {
        if (!card.resources.isEmpty() && h.chance(30)) {
            UUID removed = h.pick(List.copyOf(card.resources.keySet()));
            append(card, new ActivityResourceRemovedEvent(card.id, h.tenant(), card.engagement, removed,
                    card.resources.remove(removed)));
        } else if (card.resources.size() > 1 && h.chance(40)) {
            List<UUID> order = new ArrayList<>(card.resources.keySet());
            Collections.reverse(order);
            append(card, new ActivityResourcesReorderedEvent(card.id, h.tenant(), card.engagement, order));
            LinkedHashMap<UUID, String> reordered = new LinkedHashMap<>();
            order.forEach(id -> reordered.put(id, card.resources.get(id)));
            card.resources = reordered;
        } else {
            ActivityResource resource = resource();
            append(card, new ActivityResourceAddedEvent(card.id, h.tenant(), card.engagement, resource));
            card.resources.put(resource.resourceId(), resource.title());
        }
    }

    private ActivityResource resource() {
        ResourceType type = h.pick(ResourceType.class);
        String url = type == ResourceType.URL || type == ResourceType.FILE
                ? "https://files.example.com/" + h.id() + "?q=%C3%BC&x=1" : null;
        return new ActivityResource(h.id(), type, h.text(200), h.chance(50) ? "📎" : null, url,
                type == ResourceType.NOTION ? "notion-" + h.id() : null,
                type == ResourceType.TENANT_PAGE ? h.id() : null, type == ResourceType.TENANT_FILE ? h.id() : null);
    }

    private void team(Card card) {
        String team = h.chance(25) ? null : h.text(100);
        if (!Objects.equals(team, card.team)) {
            append(card, new ActivityTeamAssignedEvent(card.id, h.tenant(), card.engagement, card.team, team));
            card.team = team;
        }
    }

    private void member(Card card) {
        if (!card.members.isEmpty() && h.chance(35)) {
            TeamMember removed = card.members.remove(h.random().nextInt(card.members.size()));
            append(card, new ActivityTeamMemberRemovedEvent(card.id, h.tenant(), card.engagement, removed));
            return;
        }
        TeamMember member;
        if (h.chance(50)) {
            member = new TeamMember(h.pick(List.of("user_admin", "user_consultant", "user_lead")), null, null, null,
                    h.chance(50) ? h.text(100) : null);
        } else {
            UUID guest = h.pick(guests);
            member = new TeamMember(null, guest, h.sealed(guest), h.chance(70) ? h.sealed(guest) : null,
                    h.optionalText(100));
        }
        boolean onTeam = card.members.stream().anyMatch(existing -> member.userId() != null
                ? member.userId().equals(existing.userId())
                : member.nonUserMemberId().equals(existing.nonUserMemberId()));
        if (!onTeam) {
            append(card, new ActivityTeamMemberAddedEvent(card.id, h.tenant(), card.engagement, member));
            card.members.add(member);
        }
    }

    private void link(Card card) {
        List<UUID> linked = List.copyOf(card.moves.keySet());
        if (!linked.isEmpty() && h.chance(50)) {
            UUID move = h.pick(linked);
            if (!card.moves.get(move)) {
                append(card, new WinningMoveContributionCompletedEvent(card.id, h.tenant(), card.engagement, move,
                        h.now()));
                card.moves.put(move, true);
            } else {
                append(card, new ActivityUnlinkedFromWinningMoveEvent(card.id, h.tenant(), card.engagement, move));
                card.moves.remove(move);
            }
            return;
        }
        moves.values().stream()
                .filter(move -> move.engagement.equals(card.engagement) && move.status != WinningMoveStatus.ARCHIVED
                        && !card.moves.containsKey(move.id))
                .findFirst().ifPresent(move -> {
                    append(card, new ActivityLinkedToWinningMoveEvent(card.id, h.tenant(), card.engagement, move.id,
                            move.title));
                    card.moves.put(move.id, false);
                });
    }

    /** A comment of today: a stream of its own, keyed by tenant, activity and comment. */
    private void comment(Card card) {
        UUID comment = h.id();
        UUID key = h.alias(CommentOnActivityCommand.commentKeyOf(h.tenant(), card.id, comment), "comment-" + comment);
        String text = h.text(5_000);
        h.append("Comment", key, new ActivityCommentedEvent(card.id, h.tenant(), card.engagement, comment,
                "user_consultant", text));
        if (h.chance(50)) {
            String edited = h.text(5_000);
            h.append("Comment", key, new ActivityCommentEditedEvent(card.id, h.tenant(), card.engagement, comment,
                    text, edited));
        }
        if (h.chance(25)) {
            h.append("Comment", key, new ActivityCommentDeletedEvent(card.id, h.tenant(), card.engagement, comment));
        }
    }

    /** A comment written before V29, in its activity's stream, edited or deleted there too. */
    private void legacyComment(Card card) {
        if (card.dismissed) {
            return;
        }
        UUID comment = h.id();
        String text = h.text(5_000);
        append(card, new ActivityCommentedEvent(card.id, h.tenant(), card.engagement, comment, "user_lead", text));
        if (h.chance(40)) {
            String edited = h.text(5_000);
            append(card, new ActivityCommentEditedEvent(card.id, h.tenant(), card.engagement, comment, text, edited));
            text = edited;
        }
        if (h.chance(20)) {
            append(card, new ActivityCommentDeletedEvent(card.id, h.tenant(), card.engagement, comment));
        } else {
            card.legacyComments.put(comment, text);
        }
    }

    /** V29 opened a stream for each legacy comment; later edits and deletions are that stream's. */
    private void adoptLegacyComments(Card card) {
        card.legacyComments.forEach((comment, text) -> {
            UUID key = h.alias(CommentOnActivityCommand.commentKeyOf(h.tenant(), card.id, comment),
                    "comment-" + comment);
            h.append("Comment", key, new ActivityCommentAdoptedEvent(card.id, h.tenant(), card.engagement, comment,
                    "user_lead", text));
            if (!card.dismissed && h.chance(50)) {
                h.append("Comment", key, new ActivityCommentEditedEvent(card.id, h.tenant(), card.engagement,
                        comment, text, h.text(5_000)));
            }
        });
    }

    /** Relations from earlier to later entities only, so precedence never cycles; some removed again. */
    private void relations() {
        List<EntityReference> entities = new ArrayList<>();
        cards.forEach(card -> entities.add(new EntityReference("activity", card.id.toString())));
        moves.keySet().forEach(move -> entities.add(new EntityReference("winning_move", move.toString())));
        entities.add(new EntityReference("task", h.id().toString()));
        String graph = "relations:" + h.tenant();
        Map<UUID, RelationAddedEvent> added = new HashMap<>();
        for (int i = 0; i + 1 < entities.size(); i += 2) {
            UUID relation = h.id();
            RelationAddedEvent event = new RelationAddedEvent(graph, h.tenant(), relation, entities.get(i),
                    entities.get(h.between(i + 1, entities.size() - 1)), h.pick(RelationType.class),
                    h.chance(50) ? h.text(200) : null, h.pick(List.of("user_admin", "user_lead")));
            h.append("RelationGraph", graph, event);
            added.put(relation, event);
        }
        added.values().stream().limit(2).forEach(event -> h.append("RelationGraph", graph, new RelationRemovedEvent(
                graph, h.tenant(), event.relationId(), event.source(), event.target(), event.relationType())));
    }

    private ActivityDetails details(ActivityDetails previous) {
        LocalDate scheduled = h.chance(60) ? h.today().plusDays(h.between(0, 90)) : null;
        LocalDate due = scheduled != null && h.chance(70) ? scheduled.plusDays(h.between(0, 30)) : null;
        TimeBucket bucket = previous != null && h.chance(60) ? previous.timeBucket() : h.pick(TimeBucket.class);
        Integer position = h.chance(50) ? null : h.between(0, 5);
        return new ActivityDetails(h.text(200), h.optionalText(10_000), h.chance(50) ? h.text(50) : null,
                h.chance(50) ? "#1f6feb" : null, h.pick(PlaybookPhase.class), bucket, scheduled, due, position);
    }

    private void append(Card card, Object event) {
        h.append(ACTIVITY, card.id, event);
    }

    private static final class Card {
        final UUID id;
        final UUID engagement;
        ActivityDetails details;
        ActivityStatus status;
        boolean dismissed;
        String team;
        LinkedHashMap<UUID, String> resources = new LinkedHashMap<>();
        final List<TeamMember> members = new ArrayList<>();
        final Map<UUID, Boolean> moves = new LinkedHashMap<>();
        final Map<UUID, String> legacyComments = new LinkedHashMap<>();

        Card(UUID id, UUID engagement, ActivityDetails details) {
            this.id = id;
            this.engagement = engagement;
            this.details = details;
        }
    }

    private static final class Move {
        final UUID id;
        final UUID engagement;
        String title;
        String description;
        WinningMoveStatus status = WinningMoveStatus.ACTIVE;

        Move(UUID id, UUID engagement, String title, String description) {
            this.id = id;
            this.engagement = engagement;
            this.title = title;
            this.description = description;
        }
    }
}
