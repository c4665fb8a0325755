package com.firmos.command.crm;

import com.firmos.api.messages.crm.Sealed;
import com.firmos.api.messages.crm.StakeholderDetails;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;

/** A stakeholder needs a name and an engagement level; personal data may only arrive sealed. */
final class StakeholderPolicy {

    static final int SEALED_MAX = 20_000;

    private StakeholderPolicy() {
    }

    static void check(StakeholderDetails details) {
        FieldRules.required("details", details);
        FieldRules.requiredText("name", details.name(), 200);
        FieldRules.maxLength("title", details.title(), 200);
        FieldRules.required("engagementLevel", details.engagementLevel());
        checkSealed("email", details.email());
        checkSealed("phone", details.phone());
        checkSealed("notes", details.notes());
    }

    private static void checkSealed(String field, Sealed value) {
        if (value == null) {
            return;
        }
        FieldRules.requiredText(field + ".subjectId", value.subjectId(), 100);
        FieldRules.requiredText(field + ".ciphertext", value.ciphertext(), SEALED_MAX);
        if (!value.ciphertext().startsWith("v1:")) {
            throw DomainException.invalid(field, field + " must be sealed before it reaches the domain");
        }
    }
}
