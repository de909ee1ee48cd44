package org.casetrail.disclosures.relationship.command;

import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureRule;
import org.casetrail.disclosures.relationship.api.CounterpartAges;
import org.casetrail.disclosures.relationship.api.RelationshipBasis;
import org.casetrail.disclosures.relationship.api.RelationshipDetails;

import java.time.LocalDate;

/**
 * domain.md's disclosure decision table, as a pure function of what was declared and the day it
 * is decided on. No clock, no I/O: the aggregate passes the day in the school's zone.
 */
final class DisclosureDecisionTable {

    static final int AGE_OF_MAJORITY = CounterpartAges.AGE_OF_MAJORITY;

    private DisclosureDecisionTable() {
    }

    /** The decision, the row that made it, and the counterpart's age that day (null when not known). */
    record Outcome(DisclosureDecision decision, DisclosureRule rule, Integer counterpartAge) {
    }

    static Outcome decide(RelationshipDetails details, LocalDate today) {
        Integer age = details.counterpartDateOfBirth() == null ? null : ageOn(details.counterpartDateOfBirth(), today);
        switch (details.counterpartType()) {
            case STUDENT:
            case EX_STUDENT:
                // P8: ex-students count as students until 18. A current student counts as one at any age (the table's first rows).
                if (details.counterpartType() == CounterpartType.EX_STUDENT && age != null && age >= AGE_OF_MAJORITY) {
                    return new Outcome(DisclosureDecision.PERMITTED, DisclosureRule.P8_EX_STUDENT_ADULT, age);
                }
                if (details.basis() == RelationshipBasis.FAMILY_MEMBER || details.basis() == RelationshipBasis.FAMILY_FRIEND) {
                    return new Outcome(DisclosureDecision.PERMITTED_TRANSPARENT, DisclosureRule.P8_STUDENT_FAMILY, age);
                }
                return new Outcome(DisclosureDecision.PROHIBITED, DisclosureRule.P8_STUDENT_OTHER, age);
            case PARENT:
                // P10: a parent known only through the job is off limits; complex relationships are declared.
                if (details.basis() == RelationshipBasis.SOLELY_PROFESSIONAL) {
                    return new Outcome(DisclosureDecision.PROHIBITED, DisclosureRule.P10_PARENT_SOLELY_PROFESSIONAL, age);
                }
                return new Outcome(DisclosureDecision.PERMITTED_TRANSPARENT, DisclosureRule.P10_PARENT_OTHER, age);
            case STAFF:
            case OTHER:
            default:
                return new Outcome(DisclosureDecision.PERMITTED, DisclosureRule.STAFF_OR_OTHER, age);
        }
    }

    /** Whole years completed on {@code day}: 18 on the 18th birthday itself, 17 the day before. */
    static int ageOn(LocalDate dateOfBirth, LocalDate day) {
        return CounterpartAges.ageOn(dateOfBirth, day);
    }
}
