package com.firmos.api.messages.fasttrack;

import java.util.List;

public record ToolAccessList(
        List<ToolAccessView> permissions) {
}
