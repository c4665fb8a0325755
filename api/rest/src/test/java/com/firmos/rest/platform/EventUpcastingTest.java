package com.firmos.rest.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.firmos.api.messages.revenue.BillRecordedEvent;
import com.firmos.api.messages.revenue.VendorRegisteredEvent;
import com.firmos.rest.privacy.PersonalData;
import com.firmos.rest.support.IntegrationTest;

/** The running application reads an event stored in an older revision into today's record. */
class EventUpcastingTest extends IntegrationTest {

    private static final String STORED_REVISION_1 = """
            {"billId":"b1000000-0000-4000-8000-000000000001","organizationId":"org_acme",
             "vendorId":"7d000000-0000-4000-8000-000000000001","engagementId":null,"reference":"V-77",
             "amount":1250.00,"dueDate":"2026-12-15","description":"Venue hire"}""";

    @Autowired
    private Configuration axon;

    @Autowired
    private PersonalData personalData;

    @Test
    void aRevisionOneBillStoredBeforeTheChangeReadsWithItsVendorReference() {
        InitialEventRepresentation stored = new InitialEventRepresentation(new GenericDomainEventEntry<>("Bill",
                "b1000000-0000-4000-8000-000000000001", 0, "e1", Instant.parse("2026-11-01T10:00:00Z"),
                BillRecordedEvent.class.getName(), "1", STORED_REVISION_1.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8)), axon.eventSerializer());

        BillRecordedEvent bill = read(stored);

        assertThat(bill.vendorReference()).isEqualTo("V-77");
        assertThat(bill.currency()).isEqualTo("USD");
        assertThat(bill.amount()).isEqualByComparingTo("1250.00");
    }

    @Test
    void aRevisionOneVendorReadsWithItsEmailSealedUntilTheContactIsErased() {
        String vendorId = UUID.randomUUID().toString();
        InitialEventRepresentation stored = new InitialEventRepresentation(new GenericDomainEventEntry<>("Vendor",
                vendorId, 0, "e2", Instant.parse("2026-11-01T10:00:00Z"), VendorRegisteredEvent.class.getName(), "1",
                """
                {"vendorId": "%s", "organizationId": "%s", "name": "Venue Co", "email": "ap@venue.example"}"""
                        .formatted(vendorId, tenant).getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8)), axon.eventSerializer());

        VendorRegisteredEvent registered = read(stored);

        assertThat(registered.email().ciphertext()).isEqualTo("plain:ap@venue.example");
        assertThat(registered.phone()).isNull();
        assertThat(personalData.unseal(tenant, registered.email())).contains("ap@venue.example");
        personalData.erase(tenant, registered.vendorId());
        assertThat(personalData.unseal(tenant, registered.email())).isEmpty();
    }

    private <T> T read(InitialEventRepresentation stored) {
        List<IntermediateEventRepresentation> read = axon.upcasterChain().upcast(Stream.of(stored)).toList();
        return axon.eventSerializer().deserialize(read.getFirst().getData());
    }
}
