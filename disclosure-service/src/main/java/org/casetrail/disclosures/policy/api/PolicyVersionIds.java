package org.casetrail.disclosures.policy.api;

/** A policy version's aggregate id: versions are per school, so the school is part of it. */
public final class PolicyVersionIds {

    private PolicyVersionIds() {
    }

    public static String of(String schoolId, String version) {
        return schoolId + ":" + version;
    }
}
