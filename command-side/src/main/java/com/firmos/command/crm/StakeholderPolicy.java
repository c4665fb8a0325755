package com.firmos.command.crm;

import java.util.UUID;

import com.firmos.api.messages.crm.StakeholderDetails;
import com.firmos.command.FieldRules;

/** A stakeholder needs a name and an engagement level; personal data, the name too, may only arrive sealed. */
final class StakeholderPolicy {

    private StakeholderPolicy() {
    }

    static void check(UUID stakeholderId, StakeholderDetails details) {
        FieldRules.required("details", details);
        FieldRules.required("name", details.name());
        FieldRules.sealed("name", details.name(), stakeholderId);
        FieldRules.maxLength("title", details.title(), 200);
        FieldRules.required("engagementLevel", details.engagementLevel());
        FieldRules.sealed("email", details.email(), stakeholderId);
        FieldRules.sealed("phone", details.phone(), stakeholderId);
        FieldRules.sealed("notes", details.notes(), stakeholderId);
    }
}
