package com.firmos.rest.consistency;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets at most {@code firmos.commands.concurrency} commands run at once, fairly between tenants
 * ({@link FairAdmission}, settings {@code firmos.commands.*}): a command holds a pooled connection for its whole
 * unit of work, so a burst let through would hold the whole pool and leave the reads, the idempotency store and
 * the projections none. Its share of the pool is checked by {@link PoolBudget}.
 */
@Component
public class CommandAdmission extends FairAdmission {

    CommandAdmission(@Value("${firmos.commands.concurrency:10}") int concurrency,
            @Value("${firmos.commands.tenant-share:#{null}}") Integer share,
            @Value("${firmos.commands.tenant-queue:200}") int queue,
            @Value("${firmos.commands.admission-wait:PT20S}") Duration wait) {
        super("firmos.commands", "commands", concurrency, share, queue, wait);
    }
}
