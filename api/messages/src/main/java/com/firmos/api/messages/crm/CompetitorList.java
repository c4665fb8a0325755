package com.firmos.api.messages.crm;

import java.util.List;

public record CompetitorList(
        List<CompetitorView> competitors) {
}
