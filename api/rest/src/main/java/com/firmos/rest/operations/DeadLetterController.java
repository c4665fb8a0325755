package com.firmos.rest.operations;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.platform.deadletter.DeadLetterRetry;
import com.firmos.platform.deadletter.DeadLetterSequence;
import com.firmos.platform.deadletter.DeadLetters;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The tenant's parked events for admins: list them, retry a sequence or all, evict one event. */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@Tag(name = "Operations")
class DeadLetterController {

    private static final String WHY = "only admins handle dead letters";

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Parked sequences of the tenant, per processor, oldest first, with each failure's cause")
    List<DeadLetterSequence> list(@RequestParam Optional<String> processor, CurrentUser user) {
        user.requireAdmin(null, WHY);
        return deadLetters.list(user.organizationId(), processor);
    }

    @PostMapping("/{processor}/retry")
    @Operation(summary = "Retry every parked sequence of the tenant in this processor, each in its order")
    DeadLetterRetry retryAll(@PathVariable String processor, CurrentUser user) {
        user.requireAdmin(null, WHY);
        return deadLetters.retry(user.organizationId(), processor, Optional.empty());
    }

    @PostMapping("/{processor}/sequences/{sequence}/retry")
    @Operation(summary = "Retry one parked sequence from its first event")
    DeadLetterRetry retry(@PathVariable String processor, @PathVariable String sequence, CurrentUser user) {
        user.requireAdmin(null, WHY);
        return deadLetters.retry(user.organizationId(), processor, Optional.of(sequence));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{processor}/letters/{eventId}")
    @Operation(summary = "Evict one parked event: it is never applied, the rest of its sequence stays parked")
    ResponseEntity<Void> evict(@PathVariable String processor, @PathVariable String eventId, CurrentUser user) {
        user.requireAdmin(null, WHY);
        deadLetters.evict(user.organizationId(), processor, eventId);
        return ResponseEntity.noContent().build();
    }
}
