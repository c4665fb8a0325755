package com.firmos.command.activity;

import java.util.List;
import java.util.Objects;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.TeamMember;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;

/**
 * A member is a user or a person without an account, never both, and appears on a team once. A person without an
 * account brings a sealed name and email; the same email gives the same id, so the id alone tells them apart.
 */
final class TeamMemberPolicy {

    static final int MEMBERS_MAX = 100;

    private TeamMemberPolicy() {
    }

    static void check(TeamMember member, List<TeamMember> team) {
        FieldRules.required("member", member);
        boolean user = member.userId() != null;
        if (user == (member.nonUserMemberId() != null)) {
            throw DomainException.invalid("userId", "a member has either a userId or a nonUserMemberId");
        }
        if (user) {
            FieldRules.requiredText("userId", member.userId(), 100);
            FieldRules.absent("name", member.name(), "for a user member; it comes from the user's account");
            FieldRules.absent("email", member.email(), "for a user member; it comes from the user's account");
        } else {
            FieldRules.required("name", member.name());
            FieldRules.sealed("name", member.name(), member.nonUserMemberId());
            FieldRules.sealed("email", member.email(), member.nonUserMemberId());
        }
        FieldRules.maxLength("role", member.role(), 100);
        if (team.stream().anyMatch(existing -> sameMember(existing, member))) {
            throw new DomainException(RefusalCode.ALREADY_EXISTS, user ? "userId" : "nonUserMemberId",
                    "this person is already on the activity's team");
        }
        if (team.size() >= MEMBERS_MAX) {
            throw DomainException.invalid("member", "a team has at most " + MEMBERS_MAX + " members");
        }
    }

    static boolean sameMember(TeamMember a, TeamMember b) {
        if (a.userId() != null || b.userId() != null) {
            return Objects.equals(a.userId(), b.userId());
        }
        return a.nonUserMemberId().equals(b.nonUserMemberId());
    }
}
