package org.casetrail.disclosures.relationship.api;

import org.casetrail.contracts.disclosures.CounterpartType;

import java.time.LocalDate;
import java.util.List;

/**
 * What a staff member declares about one relationship; the same for a declaration and for each
 * amendment, so that every version is complete on its own.
 *
 * @param counterpartDateOfBirth required for STUDENT and EX_STUDENT: their age decides (P8)
 * @param basisOther             the basis in words, required when {@code basis} is OTHER
 */
public record RelationshipDetails(
        CounterpartType counterpartType,
        String counterpartName,
        LocalDate counterpartDateOfBirth,
        RelationshipBasis basis,
        String basisOther,
        List<String> platforms,
        String description) {

    public RelationshipDetails {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }
}
