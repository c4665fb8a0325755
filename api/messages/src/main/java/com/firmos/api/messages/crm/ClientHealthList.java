package com.firmos.api.messages.crm;

import java.util.List;

public record ClientHealthList(
        List<ClientHealthSummary> clients) {
}
