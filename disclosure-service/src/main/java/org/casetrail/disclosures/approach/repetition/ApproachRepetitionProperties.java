package org.casetrail.disclosures.approach.repetition;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * domain.md: "three or more approaches from the same counterpart within 90 days notify the DSL".
 *
 * @param threshold  how many approaches make a run the DSL is told of
 * @param windowDays the most school days between the first and the last approach of a run
 */
@ConfigurationProperties("casetrail.disclosures.approaches.repeated")
record ApproachRepetitionProperties(@DefaultValue("3") int threshold, @DefaultValue("90") int windowDays) {
}
