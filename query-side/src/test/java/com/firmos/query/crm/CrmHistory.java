package com.firmos.query.crm;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.firmos.api.messages.crm.AssignmentRole;
import com.firmos.api.messages.crm.ClientAssignedEvent;
import com.firmos.api.messages.crm.ClientCreatedEvent;
import com.firmos.api.messages.crm.ClientProfileEditedEvent;
import com.firmos.api.messages.crm.ClientStatus;
import com.firmos.api.messages.crm.ClientUnassignedEvent;
import com.firmos.api.messages.crm.CompetitorCreatedEvent;
import com.firmos.api.messages.crm.CompetitorEditedEvent;
import com.firmos.api.messages.crm.CompetitorMentionedEvent;
import com.firmos.api.messages.crm.CompetitorStatus;
import com.firmos.api.messages.crm.DealCreatedEvent;
import com.firmos.api.messages.crm.DealEditedEvent;
import com.firmos.api.messages.crm.DealLostEvent;
import com.firmos.api.messages.crm.DealSource;
import com.firmos.api.messages.crm.DealStage;
import com.firmos.api.messages.crm.DealStageChangedEvent;
import com.firmos.api.messages.crm.DealType;
import com.firmos.api.messages.crm.DealWonEvent;
import com.firmos.api.messages.crm.EngagementLevel;
import com.firmos.api.messages.crm.InteractionCorrectedEvent;
import com.firmos.api.messages.crm.InteractionDeletedEvent;
import com.firmos.api.messages.crm.InteractionDetails;
import com.firmos.api.messages.crm.InteractionLoggedEvent;
import com.firmos.api.messages.crm.InteractionType;
import com.firmos.api.messages.crm.MeddpiccField;
import com.firmos.api.messages.crm.MeddpiccFieldSetEvent;
import com.firmos.api.messages.crm.MeddpiccRole;
import com.firmos.api.messages.crm.Sentiment;
import com.firmos.api.messages.crm.StakeholderAddedEvent;
import com.firmos.api.messages.crm.StakeholderDetails;
import com.firmos.api.messages.crm.StakeholderEditedEvent;
import com.firmos.api.messages.crm.StakeholderErasedEvent;
import com.firmos.api.messages.crm.StakeholderRemovedEvent;
import com.firmos.api.messages.engagement.ProposalDraftedEvent;
import com.firmos.query.History;

/**
 * Clients with their MEDDPICC fields, team, stakeholders (edited, removed, erased) and interactions; competitors;
 * deals moving forward and back through the pipeline, with proposals and competitors, until won or lost.
 */
public final class CrmHistory {

    private static final String CLIENT = "Client";

    private CrmHistory() {
    }

    public static void write(History h) {
        List<UUID> competitors = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID competitor = h.id();
            competitors.add(competitor);
            h.append("Competitor", competitor, new CompetitorCreatedEvent(competitor, h.tenant(), h.text(200),
                    h.optionalText(5_000), h.optionalText(5_000), h.optionalText(5_000)));
        }
        h.append("Competitor", competitors.getFirst(), new CompetitorEditedEvent(competitors.getFirst(), h.tenant(),
                h.text(200), h.text(5_000), null, ""));
        for (int i = 0; i < 4; i++) {
            client(h, competitors, i);
        }
    }

    private static void client(History h, List<UUID> competitors, int index) {
        UUID client = h.id();
        h.append(CLIENT, client, new ClientCreatedEvent(client, h.tenant(), h.text(200), h.pick(ClientStatus.class),
                h.chance(70) ? h.amount(5_000_000) : null, h.chance(50) ? h.today().plusMonths(3) : null));
        h.append(CLIENT, client, new ClientAssignedEvent(client, h.tenant(), "user_lead", AssignmentRole.LEAD));
        h.append(CLIENT, client, new ClientAssignedEvent(client, h.tenant(), "user_consultant",
                AssignmentRole.MEMBER));
        if (index % 2 == 0) {
            h.append(CLIENT, client, new ClientAssignedEvent(client, h.tenant(), "user_consultant",
                    AssignmentRole.LEAD));
            h.append(CLIENT, client, new ClientUnassignedEvent(client, h.tenant(), "user_lead"));
        }
        Map<UUID, Set<MeddpiccRole>> stakeholders = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            UUID stakeholder = h.id();
            StakeholderDetails details = stakeholder(h, stakeholder, i);
            h.append(CLIENT, client, new StakeholderAddedEvent(client, h.tenant(), stakeholder, details));
            stakeholders.put(stakeholder, details.roles());
        }
        List<UUID> people = List.copyOf(stakeholders.keySet());
        h.append(CLIENT, client, new StakeholderEditedEvent(client, h.tenant(), people.get(1),
                stakeholder(h, people.get(1), 1)));
        h.append(CLIENT, client, new StakeholderRemovedEvent(client, h.tenant(), people.get(2)));
        if (index != 1) {
            h.append(CLIENT, client, new StakeholderErasedEvent(client, h.tenant(), people.get(3)));
        }
        for (MeddpiccField field : MeddpiccField.values()) {
            if (h.chance(75)) {
                String value = h.text(5_000);
                h.append(CLIENT, client, new MeddpiccFieldSetEvent(client, h.tenant(), field, null, value));
                if (h.chance(20)) {
                    h.append(CLIENT, client, new MeddpiccFieldSetEvent(client, h.tenant(), field, value, null));
                }
            }
        }
        h.append(CLIENT, client, new ClientProfileEditedEvent(client, h.tenant(), h.text(200), ClientStatus.ACTIVE,
                h.chance(50) ? h.amount(5_000_000) : null, null));
        for (int i = 0; i < 3; i++) {
            interaction(h, client, people.subList(0, 2), i);
        }
        for (int i = 0; i < 2; i++) {
            deal(h, client, competitors, index * 2 + i);
        }
    }

    private static StakeholderDetails stakeholder(History h, UUID stakeholder, int index) {
        Set<MeddpiccRole> roles = switch (index) {
            case 0 -> EnumSet.of(MeddpiccRole.CHAMPION, MeddpiccRole.USER);
            case 1 -> EnumSet.of(MeddpiccRole.ECONOMIC_BUYER);
            case 2 -> EnumSet.noneOf(MeddpiccRole.class);
            default -> EnumSet.of(h.pick(MeddpiccRole.class));
        };
        return new StakeholderDetails(h.sealed(stakeholder), h.chance(70) ? h.text(200) : null, roles,
                h.pick(EngagementLevel.class), h.chance(70) ? h.sealed(stakeholder) : null,
                h.chance(40) ? h.sealed(stakeholder) : null, h.chance(30) ? h.sealed(stakeholder) : null);
    }

    private static void interaction(History h, UUID client, List<UUID> stakeholders, int index) {
        UUID interaction = h.id();
        h.append("Interaction", interaction, new InteractionLoggedEvent(interaction, h.tenant(), client,
                interactionDetails(h, stakeholders)));
        if (index == 1) {
            h.append("Interaction", interaction, new InteractionCorrectedEvent(interaction, h.tenant(), client,
                    interactionDetails(h, stakeholders)));
        }
        if (index == 2) {
            h.append("Interaction", interaction, new InteractionDeletedEvent(interaction, h.tenant(), client));
        }
    }

    private static InteractionDetails interactionDetails(History h, List<UUID> stakeholders) {
        Set<UUID> present = new LinkedHashSet<>();
        stakeholders.stream().filter(stakeholder -> h.chance(60)).forEach(present::add);
        return new InteractionDetails(h.pick(InteractionType.class), h.text(300), h.optionalText(10_000),
                h.now().minusSeconds(h.between(0, 5 * 86_400)), h.chance(60) ? h.between(1, 600) : null, present,
                null, h.chance(30) ? h.id() : null, h.chance(70) ? h.pick(Sentiment.class) : null);
    }

    private static void deal(History h, UUID client, List<UUID> competitors, int index) {
        UUID deal = h.id();
        String name = h.text(200);
        h.append("Deal", deal, new DealCreatedEvent(deal, h.tenant(), client, name, h.pick(DealType.class),
                h.pick(DealSource.class), h.amount(2_000_000), h.chance(60) ? h.today().plusDays(60) : null,
                h.chance(80) ? "user_lead" : null));
        var value = h.amount(2_000_000);
        h.append("Deal", deal, new DealEditedEvent(deal, h.tenant(), client, name, DealType.EXPANSION,
                DealSource.PARTNER, value, h.today().plusDays(90), "user_consultant"));
        DealStage stage = DealStage.LEAD;
        List<DealStage> path = List.of(DealStage.QUALIFIED, DealStage.DISCOVERY, DealStage.QUALIFIED,
                DealStage.DISCOVERY, DealStage.PROPOSAL, DealStage.NEGOTIATION);
        int steps = index % 4 == 3 ? 3 : path.size();
        for (DealStage next : path.subList(0, steps)) {
            if (next == DealStage.PROPOSAL) {
                UUID proposal = h.id();
                h.append("Proposal", proposal, new ProposalDraftedEvent(proposal, h.tenant(), client, deal, null,
                        h.text(200), value));
                h.append("Proposal", h.id(), new ProposalDraftedEvent(h.id(), h.tenant(), client, null, null,
                        h.text(200), value));
            }
            h.append("Deal", deal, new DealStageChangedEvent(deal, h.tenant(), client, stage, next,
                    next.probability(), h.now()));
            stage = next;
        }
        CompetitorStatus mentioned = null;
        for (CompetitorStatus status : List.of(CompetitorStatus.ACTIVE, CompetitorStatus.DISPLACED)) {
            h.append("Deal", deal, new CompetitorMentionedEvent(deal, h.tenant(), client,
                    competitors.get(index % competitors.size()), mentioned, status));
            mentioned = status;
        }
        if (index % 4 == 0 && stage == DealStage.NEGOTIATION) {
            h.append("Deal", deal, new DealWonEvent(deal, h.tenant(), client, name, value, h.today(), h.id()));
        } else if (index % 4 != 1) {
            h.append("Deal", deal, new DealLostEvent(deal, h.tenant(), client, stage, h.text(500), h.today()));
        }
    }
}
