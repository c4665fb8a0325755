package com.firmos.command.engagement;

import java.util.EnumSet;
import java.util.Set;

import com.firmos.api.messages.engagement.ProposalStatus;

/**
 * {@code draft → sent → viewed → accepted | rejected | expired}. A sent proposal may also expire unread:
 * otherwise one the client never opens would stay open forever.
 */
final class ProposalLifecycle {

    private ProposalLifecycle() {
    }

    static Set<ProposalStatus> allowedTargets(ProposalStatus from) {
        return switch (from) {
            case DRAFT -> EnumSet.of(ProposalStatus.SENT);
            case SENT -> EnumSet.of(ProposalStatus.VIEWED, ProposalStatus.EXPIRED);
            case VIEWED -> EnumSet.of(ProposalStatus.ACCEPTED, ProposalStatus.REJECTED, ProposalStatus.EXPIRED);
            case ACCEPTED, REJECTED, EXPIRED -> EnumSet.noneOf(ProposalStatus.class);
        };
    }
}
