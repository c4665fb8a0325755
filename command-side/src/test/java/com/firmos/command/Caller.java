package com.firmos.command;

import java.util.HashMap;
import java.util.Map;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.ResultValidator;

import com.firmos.api.messages.MetadataKeys;
import com.firmos.api.messages.RefusalCode;

/** Who sends a command in a write-access test, as the REST layer names them in the metadata. */
public enum Caller {
    ADMIN("user_admin", "admin", true),
    ASSIGNED_CONSULTANT(Caller.ASSIGNED, "consultant", true),
    UNASSIGNED_CONSULTANT("user_elsewhere", "consultant", false),
    VIEWER("user_viewer", "viewer", false),
    PORTAL_CONTACT("portal:1", "client", true),
    SYSTEM(null, null, true);

    /** The consultant that write-access tests assign to the client they work on. */
    public static final String ASSIGNED = "user_assigned";

    private final String userId;
    private final String role;
    private final boolean allowed;

    Caller(String userId, String role, boolean allowed) {
        this.userId = userId;
        this.role = role;
        this.allowed = allowed;
    }

    public MetaData metaData(String organizationId) {
        Map<String, Object> values = new HashMap<>();
        values.put(MetadataKeys.ORGANIZATION_ID, organizationId);
        if (role != null) {
            values.put(MetadataKeys.USER_ID, userId);
            values.put(MetadataKeys.USER_ROLE, role);
        }
        return MetaData.from(values);
    }

    public boolean allowed() {
        return allowed;
    }

    /** The events when this caller may write, else the 403 refusal and nothing stored. */
    public void expect(ResultValidator<?> result, Object... events) {
        if (allowed) {
            result.expectSuccessfulHandlerExecution().expectEvents(events);
        } else {
            result.expectException(RefusalMatchers.refusal(RefusalCode.FORBIDDEN, null)).expectNoEvents();
        }
    }
}
