package com.firmos.api.messages.engagement;

import java.util.UUID;

import com.firmos.api.messages.EngagementScoped;
import com.firmos.api.messages.TenantScoped;

/** An event of an order that funds an engagement. */
public sealed interface OrderEvent extends TenantScoped, EngagementScoped
        permits OrderPlacedEvent {

    UUID orderId();
}
