package org.casetrail.disclosures.policy.reminders;

import org.springframework.data.annotation.Id;

import java.time.Instant;

/** One reminder round of one policy version, in {@code policy_reminders}; id {@code policyVersionId:round}. */
record PolicyReminderDocument(@Id String id, String policyVersionId, String schoolId, String version, int round,
                              Instant dueAt, String state) {

    static final String PENDING = "PENDING";
    static final String DONE = "DONE";

    static String idOf(String policyVersionId, int round) {
        return policyVersionId + ":" + round;
    }
}
