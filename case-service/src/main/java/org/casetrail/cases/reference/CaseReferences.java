package org.casetrail.cases.reference;

import java.time.Year;

/**
 * Hands out human-readable case references, {@code CT-2026-000042}: unique per school and year and
 * never handed out twice, even when the case it was meant for was never opened.
 */
public interface CaseReferences {

    String next(String schoolId, Year year);

    static String format(Year year, long number) {
        return String.format("CT-%d-%06d", year.getValue(), number);
    }
}
