package org.casetrail.disclosures.approach.repetition;

import org.springframework.data.annotation.Id;

import java.util.List;

/**
 * Every approach recorded from one counterpart, in {@code approach_counterparts}, keyed by
 * {@link CounterpartKey} so that recording one is an {@code _id} lookup. Internal: the key holds the
 * normalized name and is never published.
 */
record CounterpartApproachesDocument(@Id String id, String schoolId, List<ApproachWindow.Approach> approaches) {
}
