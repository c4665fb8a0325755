package com.firmos.rest.milestone;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.CommandRefusal;
import com.firmos.api.messages.activity.ActivityDetails;
import com.firmos.api.messages.activity.FindMigratedMilestonesQuery;
import com.firmos.api.messages.activity.FindMilestoneQuery;
import com.firmos.api.messages.activity.ImportMilestoneCommand;
import com.firmos.api.messages.activity.MilestoneList;
import com.firmos.api.messages.activity.MilestoneStatus;
import com.firmos.api.messages.activity.MilestoneView;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.activity.TimeBucket;
import com.firmos.api.messages.engagement.CloseEngagementCommand;
import com.firmos.api.messages.engagement.CloseOutcome;
import com.firmos.api.messages.engagement.EngagementStatus;
import com.firmos.api.messages.engagement.EngagementView;
import com.firmos.api.messages.engagement.FindEngagementQuery;
import com.firmos.api.messages.engagement.OpenEngagementCommand;
import com.firmos.api.messages.engagement.PauseEngagementCommand;
import com.firmos.platform.consistency.ProjectionCatchUp;
import com.firmos.rest.consistency.CommandAdmission;
import com.firmos.rest.milestone.LegacyExport.Engagement;
import com.firmos.rest.milestone.LegacyExport.Milestone;
import com.firmos.rest.milestone.MilestoneImportReport.Action;
import com.firmos.rest.milestone.MilestoneImportReport.EngagementCheck;
import com.firmos.rest.problem.ApiProblem;

/**
 * Imports the old Workbench's milestones as activities, through commands, with the mapping of docs/DOMAIN.md: statuses
 * renamed, the milestone's id kept, phase and organization from the engagement, this quarter's bucket. An
 * engagement the new model does not have yet is opened first (and paused or closed after, as it was). Each
 * activity's id is derived from tenant and milestone, so a re-run recognises what it imported before.
 */
@Component
class MilestoneImport {

    private static final int PAUSED = 2;
    private static final int CLOSED = 3;

    private final CommandGateway commands;
    private final CommandAdmission admission;
    private final QueryGateway queries;
    private final ProjectionCatchUp catchUp;

    MilestoneImport(CommandGateway commands, CommandAdmission admission, QueryGateway queries,
            ProjectionCatchUp catchUp) {
        this.commands = commands;
        this.admission = admission;
        this.queries = queries;
        this.catchUp = catchUp;
    }

    static UUID activityId(String organizationId, UUID milestoneId) {
        return UUID.nameUUIDFromBytes(("firmos:milestone:" + organizationId + ":" + milestoneId)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** {@code progress} hears (engagements done, engagements in all) after each engagement. */
    MilestoneImportReport run(String organizationId, String sourceOrganization, LegacyExport export,
            boolean dryRun, Map<String, Object> metadata, BiConsumer<Integer, Integer> progress) {
        Run run = new Run(organizationId, dryRun, metadata);
        List<Engagement> engagements = export.engagements().stream()
                .filter(engagement -> sourceOrganization.equals(engagement.orgId()))
                .sorted(Comparator.comparing(Engagement::id)).toList();
        Map<UUID, List<Milestone>> milestones = byEngagement(export.milestones());
        Set<UUID> known = engagements.stream().map(Engagement::id).collect(Collectors.toSet());
        export.milestones().stream().filter(milestone -> !known.contains(milestone.engagementId()))
                .forEach(milestone -> run.refuse(milestone.engagementId(), milestone.id(),
                        "its engagement is not one of the source organization's in the export"));
        for (int i = 0; i < engagements.size(); i++) {
            Engagement engagement = engagements.get(i);
            importEngagement(run, engagement, milestones.getOrDefault(engagement.id(), List.of()));
            progress.accept(i + 1, engagements.size());
        }
        if (run.lastWritten != null) {
            catchUp.awaitAggregate(run.lastWritten.toString());
        }
        List<EngagementCheck> checks = engagements.stream().map(engagement -> verify(organizationId,
                engagement, milestones.getOrDefault(engagement.id(), List.of()))).toList();
        return new MilestoneImportReport(dryRun, sourceOrganization, engagements.size(),
                milestones.values().stream().mapToInt(List::size).sum(), run.imported, run.alreadyImported,
                run.refused, run.refused == 0 && checks.stream().allMatch(EngagementCheck::matches), run.actions,
                checks);
    }

    private void importEngagement(Run run, Engagement engagement, List<Milestone> milestones) {
        EngagementView existing = queries.query(new FindEngagementQuery(run.organizationId, engagement.id()),
                ResponseTypes.instanceOf(EngagementView.class)).join();
        Optional<PlaybookPhase> phase = phase(engagement.phase());
        if (existing == null && phase.isEmpty()) {
            milestones.forEach(milestone -> run.refuse(engagement.id(), milestone.id(), "the engagement's phase "
                    + engagement.phase() + " is not one of align, activate, adopt"));
            return;
        }
        if (existing == null) {
            run.act("open-engagement", engagement.id(), null, null, engagement.name(), () -> new OpenEngagementCommand(
                    engagement.id(), run.organizationId, engagement.clientId(), engagement.name(), phase.get(), null,
                    null, null, null));
        }
        boolean closed = existing != null && existing.status() == EngagementStatus.CLOSED;
        milestones.forEach(milestone -> importMilestone(run, engagement.id(), milestone, closed));
        EngagementStatus now = existing == null ? EngagementStatus.ACTIVE : existing.status();
        if (engagement.status() != null && engagement.status() == PAUSED && now == EngagementStatus.ACTIVE) {
            run.act("pause-engagement", engagement.id(), null, null, null,
                    () -> new PauseEngagementCommand(engagement.id(), run.organizationId, null));
        } else if (engagement.status() != null && engagement.status() == CLOSED && !closed) {
            run.act("close-engagement", engagement.id(), null, null, "closed in the old Workbench, as completed",
                    () -> new CloseEngagementCommand(engagement.id(), run.organizationId, null,
                            CloseOutcome.COMPLETED));
        }
    }

    private void importMilestone(Run run, UUID engagementId, Milestone milestone, boolean engagementClosed) {
        Optional<MilestoneStatus> status = MilestoneStatuses.legacy(milestone.status());
        if (status.isEmpty()) {
            run.refuse(engagementId, milestone.id(), "status " + milestone.status()
                    + " is not one of pending, in_progress, completed, skipped");
            return;
        }
        UUID activityId = activityId(run.organizationId, milestone.id());
        MilestoneView existing = queries.query(new FindMilestoneQuery(run.organizationId, milestone.id()),
                ResponseTypes.instanceOf(MilestoneView.class)).join();
        if (existing != null && existing.activityId().equals(activityId)) {
            run.alreadyImported++;
            return;
        }
        if (engagementClosed) {
            run.refuse(engagementId, milestone.id(), "the engagement is closed in the new model");
            return;
        }
        boolean done = run.act("import-milestone", engagementId, milestone.id(), activityId,
                status.get().name().toLowerCase(Locale.ROOT), () -> new ImportMilestoneCommand(activityId,
                        run.organizationId, engagementId, milestone.id(), new ActivityDetails(milestone.title(),
                        milestone.description(), null, null, null, TimeBucket.THIS_QUARTER, null, null,
                        milestone.orderIndex()), MilestoneStatuses.activity(status.get()), milestone.completedAt(),
                        milestone.completedBy()));
        if (done) {
            run.imported++;
            run.lastWritten = run.dryRun ? null : activityId;
        }
    }

    private EngagementCheck verify(String organizationId, Engagement engagement, List<Milestone> source) {
        MilestoneList result = queries.query(new FindMigratedMilestonesQuery(organizationId, engagement.id()),
                ResponseTypes.instanceOf(MilestoneList.class)).join();
        Map<UUID, MilestoneView> imported = result.milestones().stream()
                .collect(Collectors.toMap(MilestoneView::milestoneId, Function.identity()));
        List<UUID> missing = source.stream().map(Milestone::id).filter(id -> !imported.containsKey(id)).toList();
        List<UUID> differs = source.stream().filter(milestone -> imported.containsKey(milestone.id()))
                .filter(milestone -> MilestoneStatuses.legacy(milestone.status())
                        .map(status -> status != imported.get(milestone.id()).status()).orElse(true))
                .map(Milestone::id).toList();
        return new EngagementCheck(engagement.id(), source.size(), imported.size(),
                count(source.stream().map(Milestone::status).toList()),
                count(result.milestones().stream().map(view -> view.status() == null ? "other"
                        : view.status().name().toLowerCase(Locale.ROOT)).toList()),
                missing, differs, missing.isEmpty() && differs.isEmpty() && imported.size() == source.size());
    }

    private static Map<String, Integer> count(List<String> statuses) {
        return statuses.stream().collect(Collectors.toMap(status -> status, status -> 1, Integer::sum,
                TreeMap::new));
    }

    private static Map<UUID, List<Milestone>> byEngagement(List<Milestone> milestones) {
        return milestones.stream().sorted(Comparator.comparing((Milestone milestone) -> milestone.orderIndex(),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Milestone::id))
                .collect(Collectors.groupingBy(Milestone::engagementId, TreeMap::new, Collectors.toList()));
    }

    private static Optional<PlaybookPhase> phase(String stored) {
        if (stored == null) {
            return Optional.of(PlaybookPhase.ALIGN);
        }
        return Arrays.stream(PlaybookPhase.values())
                .filter(phase -> phase.name().equalsIgnoreCase(stored.trim())).findFirst();
    }

    /** One import's running account; in a dry run it records the actions without sending their commands. */
    private final class Run {

        private final String organizationId;
        private final boolean dryRun;
        private final Map<String, Object> metadata;
        private final List<Action> actions = new ArrayList<>();
        private int imported;
        private int alreadyImported;
        private int refused;
        private UUID lastWritten;

        Run(String organizationId, boolean dryRun, Map<String, Object> metadata) {
            this.organizationId = organizationId;
            this.dryRun = dryRun;
            this.metadata = metadata;
        }

        /** Returns whether the action happened (or, in a dry run, would); a refusal is recorded as one. */
        boolean act(String kind, UUID engagementId, UUID milestoneId, UUID activityId, String detail,
                Supplier<Object> command) {
            if (!dryRun) {
                try {
                    admission.run(organizationId, () -> commands.sendAndWait(
                            GenericCommandMessage.asCommandMessage(command.get()).andMetaData(metadata)));
                } catch (ApiProblem notAdmitted) {
                    // The answer is already streaming, so a busy server is one more refusal; a re-run skips
                    // what this one imported.
                    refuse(engagementId, milestoneId, kind + " was not admitted: " + notAdmitted.getMessage());
                    return false;
                } catch (CommandExecutionException e) {
                    refuse(engagementId, milestoneId, kind + " was refused: " + e.getDetails()
                            .filter(CommandRefusal.class::isInstance).map(CommandRefusal.class::cast)
                            .map(refusal -> refusal.field() + ": " + refusal.detail()).orElse(e.getMessage()));
                    return false;
                }
            }
            actions.add(new Action(kind, engagementId, milestoneId, activityId, detail));
            return true;
        }

        void refuse(UUID engagementId, UUID milestoneId, String why) {
            refused++;
            actions.add(new Action("refused", engagementId, milestoneId, null, why));
        }
    }
}
