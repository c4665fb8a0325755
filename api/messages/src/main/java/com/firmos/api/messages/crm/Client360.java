package com.firmos.api.messages.crm;

import java.util.List;

public record Client360(
        ClientProfile profile,
        double meddpiccCompleteness,
        List<StakeholderView> stakeholders,
        List<InteractionView> interactions,
        List<DealView> openDeals,
        List<ClientEngagement> engagements) {
}
