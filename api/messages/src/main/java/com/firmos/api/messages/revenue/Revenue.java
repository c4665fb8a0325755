package com.firmos.api.messages.revenue;

import java.util.List;

public record Revenue(
        List<RevenueMonth> months) {
}
