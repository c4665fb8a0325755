package com.firmos.api.messages.revenue;

import java.util.List;

public record ReceivablesAgeing(
        List<ClientAgeing> clients,
        AgeingBuckets totals) {
}
