package com.firmos.api.messages.portal;

import java.util.List;

public record PortalAccessList(
        List<PortalAccessView> accesses) {
}
