package com.firmos.command.crm;

import java.util.Map;

import com.firmos.api.messages.Actor;
import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.crm.AssignmentRole;
import com.firmos.command.DomainException;

/** Admins change any client; consultants only the clients assigned to them (as lead or member). */
final class ClientAccessPolicy {

    static final String ADMIN = "admin";
    static final String CONSULTANT = "consultant";

    private ClientAccessPolicy() {
    }

    static void requireWriter(Actor actor, Map<String, AssignmentRole> assignments) {
        if (actor == null) {
            throw forbidden();
        }
        boolean assignedConsultant = CONSULTANT.equals(actor.role()) && assignments.containsKey(actor.userId());
        if (!ADMIN.equals(actor.role()) && !assignedConsultant) {
            throw forbidden();
        }
    }

    /** Any staff member who writes may create a client; it has no assignments yet to check. */
    static void requireAdminOrConsultant(Actor actor) {
        if (actor == null || !ADMIN.equals(actor.role()) && !CONSULTANT.equals(actor.role())) {
            throw forbidden();
        }
    }

    static void requireAdmin(Actor actor, String detail) {
        if (actor == null || !ADMIN.equals(actor.role())) {
            throw new DomainException(RefusalCode.FORBIDDEN, null, detail);
        }
    }

    private static DomainException forbidden() {
        return new DomainException(RefusalCode.FORBIDDEN, null,
                "consultants change only clients assigned to them");
    }
}
