package com.firmos.migrations.upcasting;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.firmos.api.messages.activity.ActivityTeamMemberAddedEvent;
import com.firmos.api.messages.activity.ActivityTeamMemberRemovedEvent;
import com.firmos.api.messages.crm.StakeholderAddedEvent;
import com.firmos.api.messages.crm.StakeholderEditedEvent;
import com.firmos.api.messages.revenue.VendorRegisteredEvent;

/** Axon's Spring configuration puts every upcaster bean into the chain that reads stored events. */
@Configuration(proxyBeanMethods = false)
public class UpcasterConfiguration {

    @Bean
    BillRecordedEventUpcaster billRecordedEventUpcaster() {
        return new BillRecordedEventUpcaster();
    }

    @Bean
    PlainToSealedUpcaster stakeholderAddedEventUpcaster() {
        return new PlainToSealedUpcaster(StakeholderAddedEvent.class, "1", "2", "/stakeholderId",
                List.of("/details/name"));
    }

    @Bean
    PlainToSealedUpcaster stakeholderEditedEventUpcaster() {
        return new PlainToSealedUpcaster(StakeholderEditedEvent.class, "1", "2", "/stakeholderId",
                List.of("/details/name"));
    }

    @Bean
    PlainToSealedUpcaster activityTeamMemberAddedEventUpcaster() {
        return new PlainToSealedUpcaster(ActivityTeamMemberAddedEvent.class, "1", "2", "/member/nonUserMemberId",
                List.of("/member/name", "/member/email"));
    }

    @Bean
    PlainToSealedUpcaster activityTeamMemberRemovedEventUpcaster() {
        return new PlainToSealedUpcaster(ActivityTeamMemberRemovedEvent.class, "1", "2", "/member/nonUserMemberId",
                List.of("/member/name", "/member/email"));
    }

    /** Revision 1 had the email in clear and no phone (read as absent). */
    @Bean
    PlainToSealedUpcaster vendorRegisteredEventUpcaster() {
        return new PlainToSealedUpcaster(VendorRegisteredEvent.class, "1", "2", "/vendorId", List.of("/email"));
    }
}
