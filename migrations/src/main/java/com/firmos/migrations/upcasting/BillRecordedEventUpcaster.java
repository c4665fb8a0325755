package com.firmos.migrations.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.firmos.api.messages.revenue.BillRecordedEvent;

/**
 * {@link BillRecordedEvent} revision 1 to 2: {@code reference} becomes {@code vendorReference}, and the currency,
 * implied before (USD only), is written down. The pattern for every later change of an event's shape: the record
 * changes and raises its revision, and an upcaster here reads the stored older revision into the new shape.
 */
public class BillRecordedEventUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(
            BillRecordedEvent.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(
            BillRecordedEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation stored) {
        return stored.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation stored) {
        return stored.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode bill = (ObjectNode) payload;
            JsonNode reference = bill.remove("reference");
            bill.set("vendorReference", reference);
            bill.put("currency", "USD");
            return bill;
        });
    }
}
