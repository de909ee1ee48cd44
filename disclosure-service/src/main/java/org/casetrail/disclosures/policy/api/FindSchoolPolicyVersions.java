package org.casetrail.disclosures.policy.api;

/** A school's published policy versions, the current (latest effective) first. */
public record FindSchoolPolicyVersions(String schoolId) {
}
