package com.firmos.api.messages.revenue;

import java.util.List;

public record VendorList(
        List<VendorView> vendors) {
}
