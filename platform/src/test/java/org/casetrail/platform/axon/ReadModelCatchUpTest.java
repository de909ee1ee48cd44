package org.casetrail.platform.axon;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** When a processor's token says it has handled every event up to the store's head. */
class ReadModelCatchUpTest {

    @Test
    void aTokenAtOrPastTheHeadWithoutGapsBelowItHasHandledEverything() {
        assertThat(ReadModelCatchUp.handled(GapAwareTrackingToken.newInstance(10, Set.of()), 10)).isTrue();
        assertThat(ReadModelCatchUp.handled(GapAwareTrackingToken.newInstance(12, Set.of(11L)), 10)).isTrue();
    }

    @Test
    void aTokenBehindTheHeadOrWithAGapAtOrBelowItHasNot() {
        assertThat(ReadModelCatchUp.handled(GapAwareTrackingToken.newInstance(9, Set.of()), 10)).isFalse();
        // Event 7 was stored after the processor passed its sequence: not handled yet, though the index is past the head.
        assertThat(ReadModelCatchUp.handled(GapAwareTrackingToken.newInstance(12, Set.of(7L)), 10)).isFalse();
        assertThat(ReadModelCatchUp.handled(GapAwareTrackingToken.newInstance(12, Set.of(10L, 11L)), 10)).isFalse();
        assertThat(ReadModelCatchUp.handled(null, 10)).isFalse();
    }

    @Test
    void aReplayTokenIsJudgedByWhereTheReplayIsAndOtherTokensByTheirPosition() {
        ReplayToken replaying = (ReplayToken) ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(20, Set.of()),
                GapAwareTrackingToken.newInstance(5, Set.of()));
        assertThat(ReadModelCatchUp.handled(replaying, 10)).isFalse();
        assertThat(ReadModelCatchUp.handled(replaying, 5)).isTrue();
        assertThat(ReadModelCatchUp.handled(new GlobalSequenceTrackingToken(10), 10)).isTrue();
        assertThat(ReadModelCatchUp.handled(new GlobalSequenceTrackingToken(9), 10)).isFalse();
    }
}
