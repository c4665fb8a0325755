package com.firmos.platform.deadletter;

import static com.firmos.api.messages.MetadataKeys.ORGANIZATION_ID;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

import com.firmos.platform.OperationRefusedException;

/**
 * The parked events of every processor with a dead-letter queue, seen and handled per tenant: an admin lists,
 * retries and evicts only the sequences whose events carry their own organization.
 */
@Component
public class DeadLetters {

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public List<DeadLetterSequence> list(String organizationId, Optional<String> processor) {
        List<String> names = processor.map(name -> List.of(requireQueue(name))).orElseGet(this::processorsWithQueues);
        List<DeadLetterSequence> sequences = new ArrayList<>();
        for (String name : names) {
            sequences.addAll(sequences(name, organizationId));
        }
        return sequences;
    }

    /** Parked sequences in the whole processor, every tenant's: a count for operators, no content. */
    public long parkedSequences(String processor) {
        return processing.deadLetterQueue(processor).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
    }

    /** The tenant's parked sequences of the processor; none when the processor has no queue. */
    public long parkedSequences(String processor, String organizationId) {
        return processing.deadLetterQueue(processor).isEmpty() ? 0 : sequences(processor, organizationId).size();
    }

    /** Retries the tenant's sequences of the processor, or only the one named; each runs until it drains or fails. */
    public DeadLetterRetry retry(String organizationId, String processor, Optional<String> sequence) {
        requireQueue(processor);
        SequencedDeadLetterProcessor<EventMessage<?>> retrier = processing.sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> OperationRefusedException.notFound("dead-letter queue of " + processor));
        List<String> targets = sequences(processor, organizationId).stream().map(DeadLetterSequence::sequence)
                .filter(id -> sequence.map(id::equals).orElse(true)).toList();
        if (sequence.isPresent() && targets.isEmpty()) {
            throw OperationRefusedException.notFound("parked sequence " + sequence.get() + " of " + processor);
        }
        List<String> drained = new ArrayList<>();
        for (String target : targets) {
            retrier.process(letter -> target.equals(sequenceOf(letter)));
            if (sequences(processor, organizationId).stream().noneMatch(parked -> parked.sequence().equals(target))) {
                drained.add(target);
            }
        }
        List<DeadLetterSequence> stillParked = sequences(processor, organizationId).stream()
                .filter(parked -> targets.contains(parked.sequence())).toList();
        return new DeadLetterRetry(processor, drained, stillParked);
    }

    /** Drops one parked event for good: the projection never applies it, later events of its sequence go on. */
    public void evict(String organizationId, String processor, String eventId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(requireQueue(processor));
        DeadLetter<? extends EventMessage<?>> letter = tenantLetters(queue, organizationId)
                .filter(candidate -> candidate.message().getIdentifier().equals(eventId)).findFirst()
                .orElseThrow(() -> OperationRefusedException.notFound("parked event " + eventId + " of " + processor));
        queue.evict(letter);
    }

    private List<DeadLetterSequence> sequences(String processor, String organizationId) {
        List<DeadLetterSequence> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(processor).deadLetters()) {
            List<DeadLetter<? extends EventMessage<?>>> letters = StreamSupport.stream(sequence.spliterator(), false)
                    .toList();
            if (!letters.isEmpty() && belongsTo(letters.getFirst(), organizationId)) {
                sequences.add(new DeadLetterSequence(processor, sequenceOf(letters.getFirst()),
                        letters.stream().map(DeadLetters::letter).toList()));
            }
        }
        return sequences;
    }

    private Stream<DeadLetter<? extends EventMessage<?>>> tenantLetters(
            SequencedDeadLetterQueue<EventMessage<?>> queue, String organizationId) {
        return StreamSupport.stream(queue.deadLetters().spliterator(), false)
                .flatMap(sequence -> StreamSupport.stream(sequence.spliterator(), false))
                .filter(letter -> belongsTo(letter, organizationId));
    }

    private static DeadLetterSequence.Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String aggregateId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        Long version = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        Optional<Cause> cause = letter.cause();
        return new DeadLetterSequence.Letter(event.getIdentifier(), event.getPayloadType().getSimpleName(),
                aggregateId, version, event.getTimestamp(), letter.enqueuedAt(), letter.lastTouched(),
                cause.map(Cause::type).orElse(null), cause.map(Cause::message).orElse(null));
    }

    private static boolean belongsTo(DeadLetter<? extends EventMessage<?>> letter, String organizationId) {
        return organizationId.equals(letter.message().getMetaData().get(ORGANIZATION_ID));
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof JpaDeadLetter<?> stored ? stored.getSequenceIdentifier()
                : letter.message().getIdentifier();
    }

    private List<String> processorsWithQueues() {
        return processing.eventProcessors().keySet().stream().sorted()
                .filter(name -> processing.deadLetterQueue(name).isPresent()).toList();
    }

    private String requireQueue(String processor) {
        if (processing.deadLetterQueue(processor).isEmpty()) {
            throw OperationRefusedException.notFound("dead-letter queue of " + processor);
        }
        return processor;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        return processing.deadLetterQueue(processor).orElseThrow();
    }
}
