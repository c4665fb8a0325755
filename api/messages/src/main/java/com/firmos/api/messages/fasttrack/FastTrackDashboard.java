package com.firmos.api.messages.fasttrack;

import java.util.List;

public record FastTrackDashboard(
        List<ToolStatusRow> tools) {
}
