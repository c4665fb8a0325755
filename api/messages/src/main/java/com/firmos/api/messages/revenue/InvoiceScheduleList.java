package com.firmos.api.messages.revenue;

import java.util.List;

public record InvoiceScheduleList(
        List<InvoiceScheduleView> schedules) {
}
