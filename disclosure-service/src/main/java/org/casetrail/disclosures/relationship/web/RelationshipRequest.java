package org.casetrail.disclosures.relationship.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.disclosures.relationship.api.RelationshipBasis;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /api/v1/disclosures} and of {@code .../amend} (api.md). The cross-field
 * rules (a student's date of birth, OTHER's text) are checked by {@link CompleteRelationship} and
 * named by field.
 */
@CompleteRelationship
record RelationshipRequest(
        @NotNull CounterpartType counterpartType,
        @NotBlank @Size(max = 200) String counterpartName,
        @PastOrPresent LocalDate counterpartDateOfBirth,
        @NotNull RelationshipBasis basis,
        @Size(max = 200) String basisOther,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> platforms,
        @NotBlank @Size(max = 5_000) String description) {
}
