package com.firmos.rest.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.firmos.platform.tokens.ProcessorTokens;
import com.firmos.rest.support.IntegrationTest;

/** A bulk pass stores a part's tokens in one statement: what it writes must be what Axon's own store writes. */
class BulkTokenWritesTest extends IntegrationTest {

    @Autowired
    private TokenStore tokenStore;

    @Autowired
    private ProcessorTokens tokens;

    @Autowired
    private PlatformTransactionManager transactionManager;

    private final List<String> processors = new ArrayList<>();

    @AfterEach
    void forgetTheProcessors() {
        processors.forEach(tokens::remove);
    }

    @Test
    void aPartsTokensAreStoredAsAxonsStoreStoresThem() {
        String processor = claimedSegments("bulk-tokens-stored");
        String byAxon = claimedSegments("bulk-tokens-by-axon");
        TrackingToken token = GapAwareTrackingToken.newInstance(42, List.of(40L, 41L));
        Instant before = Instant.now().minusSeconds(1);

        inTransaction(() -> tokens.storeClaimed(processor, List.of(0, 1, 2), token));
        inTransaction(() -> tokenStore.storeToken(token, byAxon, 0));

        for (int segment = 0; segment < 3; segment++) {
            assertThat(tokenStore.fetchToken(processor, segment)).isEqualTo(token);
        }
        Map<String, Object> ours = row(processor, 1);
        Map<String, Object> axons = row(byAxon, 0);
        assertThat(ours.get("token_type")).isEqualTo(axons.get("token_type"));
        assertThat((byte[]) ours.get("token")).isEqualTo((byte[]) axons.get("token"));
        assertThat(ours.get("owner")).isEqualTo(ProcessorTokens.THIS_NODE);
        // Axon's format, which its claim timeout reads back.
        assertThat(Instant.parse((String) ours.get("timestamp"))).isAfter(before);
    }

    @Test
    void aSegmentClaimedByAnotherNodeFailsTheWholeWriteAndStoresNothing() {
        String processor = claimedSegments("bulk-tokens-stolen");
        TrackingToken stored = GapAwareTrackingToken.newInstance(7, List.of());
        inTransaction(() -> tokens.storeClaimed(processor, List.of(0, 1, 2), stored));
        jdbc.sql("UPDATE token_entry SET owner = 'another-node' WHERE processor_name = :name AND segment = 2")
                .param("name", processor).update();

        assertThatThrownBy(() -> inTransaction(() -> tokens.storeClaimed(processor, List.of(0, 1, 2),
                GapAwareTrackingToken.newInstance(99, List.of()))))
                .isInstanceOf(UnableToClaimTokenException.class)
                .hasMessageContaining("1 of its segments [0, 1, 2] are not claimed by this node");

        assertThat(tokenStore.fetchToken(processor, 0)).isEqualTo(stored);
        assertThat(row(processor, 2).get("owner")).isEqualTo("another-node");
    }

    /** A processor of three segments, each claimed by this node as a bulk pass claims them. */
    private String claimedSegments(String processor) {
        processors.add(processor);
        inTransaction(() -> tokenStore.initializeTokenSegments(processor, 3));
        for (int segment = 0; segment < 3; segment++) {
            int claimed = segment;
            inTransaction(() -> tokenStore.fetchToken(processor, claimed));
        }
        return processor;
    }

    private Map<String, Object> row(String processor, int segment) {
        return jdbc.sql("SELECT token, token_type, owner, timestamp FROM token_entry WHERE processor_name = :name"
                + " AND segment = :segment").param("name", processor).param("segment", segment).query().singleRow();
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
    }
}
