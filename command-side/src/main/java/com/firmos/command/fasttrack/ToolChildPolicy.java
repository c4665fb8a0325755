package com.firmos.command.fasttrack;

import com.firmos.api.messages.fasttrack.HypothesisDetails;
import com.firmos.api.messages.fasttrack.TeamAssessmentDetails;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;

/** The rules for value-proposition hypotheses and FIT & ABC team assessments. */
final class ToolChildPolicy {

    private ToolChildPolicy() {
    }

    static void check(HypothesisDetails details) {
        FieldRules.required("details", details);
        FieldRules.requiredText("text", details.text(), 2_000);
        FieldRules.required("category", details.category());
        if (details.priority() != null && (details.priority() < 1 || details.priority() > 10)) {
            throw DomainException.invalid("priority", "priority must be between 1 and 10");
        }
    }

    static void check(TeamAssessmentDetails details) {
        FieldRules.required("details", details);
        FieldRules.requiredText("memberName", details.memberName(), 200);
        FieldRules.maxLength("role", details.role(), 200);
        score("energy", details.energy());
        score("skill", details.skill());
        score("values", details.values());
        score("impact", details.impact());
        FieldRules.required("rating", details.rating());
        FieldRules.maxLength("notes", details.notes(), 5_000);
        if (details.actionItems() != null) {
            if (details.actionItems().size() > 50) {
                throw DomainException.invalid("actionItems", "at most 50 action items");
            }
            for (int i = 0; i < details.actionItems().size(); i++) {
                FieldRules.requiredText("actionItems[" + i + "]", details.actionItems().get(i), 500);
            }
        }
    }

    private static void score(String field, int value) {
        if (value < 1 || value > 10) {
            throw DomainException.invalid(field, field + " must be between 1 and 10");
        }
    }
}
