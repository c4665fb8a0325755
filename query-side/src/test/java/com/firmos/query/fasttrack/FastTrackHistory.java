package com.firmos.query.fasttrack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import com.firmos.api.messages.fasttrack.AbcRating;
import com.firmos.api.messages.fasttrack.HypothesisAddedEvent;
import com.firmos.api.messages.fasttrack.HypothesisCategory;
import com.firmos.api.messages.fasttrack.HypothesisDetails;
import com.firmos.api.messages.fasttrack.HypothesisEditedEvent;
import com.firmos.api.messages.fasttrack.HypothesisRemovedEvent;
import com.firmos.api.messages.fasttrack.TeamAssessmentAddedEvent;
import com.firmos.api.messages.fasttrack.TeamAssessmentDetails;
import com.firmos.api.messages.fasttrack.TeamAssessmentEditedEvent;
import com.firmos.api.messages.fasttrack.TeamAssessmentRemovedEvent;
import com.firmos.api.messages.fasttrack.ToolAccessGrantedEvent;
import com.firmos.api.messages.fasttrack.ToolAccessLevel;
import com.firmos.api.messages.fasttrack.ToolAccessRevokedEvent;
import com.firmos.api.messages.fasttrack.ToolDocumentSavedEvent;
import com.firmos.api.messages.fasttrack.ToolDocumentStartedEvent;
import com.firmos.api.messages.fasttrack.ToolDocumentStatus;
import com.firmos.api.messages.fasttrack.ToolDocumentStatusChangedEvent;
import com.firmos.query.History;

/**
 * Fast Track: permissions granted, replaced, revoked and granted again; each user's documents of several tools
 * (one per user and tool, ids following from them as the REST layer derives them) saved version after version,
 * through draft, in progress, completed, reopened and submitted; hypotheses and team assessments added, edited and
 * removed on the tools that have them.
 */
public final class FastTrackHistory {

    private static final List<String> USERS = List.of("user_consultant", "user_lead");
    static final List<String> TOOLS = List.of("woop", "know_thyself", "value_proposition",
            "fit_abc_analysis", "purpose", "digital_heart");

    private FastTrackHistory() {
    }

    public static void write(History h) {
        for (String user : USERS) {
            for (String tool : TOOLS) {
                if (h.chance(80) || tool.equals("value_proposition") || tool.equals("fit_abc_analysis")) {
                    document(h, user, tool);
                }
            }
            access(h, user);
        }
    }

    private static void access(History h, String user) {
        for (String tool : TOOLS.subList(0, 4)) {
            UUID permission = h.alias(derived("tool-access/" + h.tenant() + "/" + user + "/" + tool),
                    "permission-" + user + "-" + tool);
            grant(h, permission, user, tool);
            if (tool.equals("know_thyself")) {
                grant(h, permission, user, tool);
            }
            if (tool.equals("woop") || tool.equals("value_proposition")) {
                h.append("ToolAccess", permission, new ToolAccessRevokedEvent(permission, h.tenant(), user, tool));
            }
            if (tool.equals("woop")) {
                grant(h, permission, user, tool);
            }
        }
    }

    private static void grant(History h, UUID permission, String user, String tool) {
        h.append("ToolAccess", permission, new ToolAccessGrantedEvent(permission, h.tenant(), user, tool,
                h.pick(ToolAccessLevel.class), h.chance(50) ? h.now().plus(Duration.ofDays(h.between(1, 400))) : null,
                h.chance(80) ? "user_admin" : null));
    }

    private static void document(History h, String user, String tool) {
        UUID document = h.alias(derived("tool-document/" + h.tenant() + "/" + user + "/" + tool),
                "document-" + user + "-" + tool);
        h.append("ToolDocument", document, new ToolDocumentStartedEvent(document, h.tenant(), user, tool));
        Map<String, Object> data = new LinkedHashMap<>();
        long version = 0;
        ToolDocumentStatus status = ToolDocumentStatus.DRAFT;
        for (ToolDocumentStatus next : path(h)) {
            for (int save = h.between(0, 3); save > 0; save--) {
                data.put(h.pick(List.of("wish", "outcome", "strengths", "customerSegment", "pains", "summary",
                        "kpis")), h.chance(30) ? List.of(h.text(300), Map.of("note", h.text(100))) : h.text(2_000));
                if (h.chance(20)) {
                    data.put("obstacle", "");
                }
                version++;
                h.append("ToolDocument", document, new ToolDocumentSavedEvent(document, h.tenant(), user, tool,
                        version, Map.copyOf(data)));
            }
            children(h, document, user, tool);
            h.append("ToolDocument", document, new ToolDocumentStatusChangedEvent(document, h.tenant(), user, tool,
                    status, next));
            status = next;
        }
    }

    private static List<ToolDocumentStatus> path(History h) {
        return switch (h.random().nextInt(4)) {
            case 0 -> List.of();
            case 1 -> List.of(ToolDocumentStatus.IN_PROGRESS);
            case 2 -> List.of(ToolDocumentStatus.IN_PROGRESS, ToolDocumentStatus.COMPLETED,
                    ToolDocumentStatus.IN_PROGRESS, ToolDocumentStatus.COMPLETED);
            default -> List.of(ToolDocumentStatus.IN_PROGRESS, ToolDocumentStatus.COMPLETED,
                    ToolDocumentStatus.SUBMITTED);
        };
    }

    private static void children(History h, UUID document, String user, String tool) {
        String org = h.tenant();
        if (tool.equals("value_proposition")) {
            addEditRemove(h, document, () -> hypothesis(h),
                    (id, details) -> new HypothesisAddedEvent(document, org, user, tool, id, details),
                    (id, details) -> new HypothesisEditedEvent(document, org, user, tool, id, details),
                    id -> new HypothesisRemovedEvent(document, org, user, tool, id));
        }
        if (tool.equals("fit_abc_analysis")) {
            addEditRemove(h, document, () -> assessment(h),
                    (id, details) -> new TeamAssessmentAddedEvent(document, org, user, tool, id, details),
                    (id, details) -> new TeamAssessmentEditedEvent(document, org, user, tool, id, details),
                    id -> new TeamAssessmentRemovedEvent(document, org, user, tool, id));
        }
    }

    /** Two child rows added, the one kept edited, the other removed. */
    private static <D> void addEditRemove(History h, UUID document, Supplier<D> details,
            BiFunction<UUID, D, Object> added, BiFunction<UUID, D, Object> edited, Function<UUID, Object> removed) {
        UUID kept = h.id();
        UUID gone = h.id();
        h.append("ToolDocument", document, added.apply(kept, details.get()));
        h.append("ToolDocument", document, added.apply(gone, details.get()));
        h.append("ToolDocument", document, edited.apply(kept, details.get()));
        h.append("ToolDocument", document, removed.apply(gone));
    }

    private static HypothesisDetails hypothesis(History h) {
        return new HypothesisDetails(h.text(2_000), h.pick(HypothesisCategory.class),
                h.chance(70) ? h.between(1, 10) : null, h.chance(50),
                h.chance(50) ? Map.of("signal", h.text(200), "interviews", h.between(0, 40)) : null);
    }

    private static TeamAssessmentDetails assessment(History h) {
        return new TeamAssessmentDetails(h.text(200), h.chance(60) ? h.text(200) : null, h.between(1, 10),
                h.between(1, 10), h.between(1, 10), h.between(1, 10), h.pick(AbcRating.class), h.optionalText(5_000),
                h.chance(70) ? List.of(h.text(500), h.text(500)) : null);
    }

    private static UUID derived(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
