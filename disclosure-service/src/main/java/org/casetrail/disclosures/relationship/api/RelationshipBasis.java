package org.casetrail.disclosures.relationship.api;

/** On what footing the declarer knows the counterpart (domain.md, "Disclosures"). */
public enum RelationshipBasis {
    FAMILY_MEMBER, FAMILY_FRIEND, STAFF_IS_PARENT, PERSONAL_FRIENDSHIP, SOLELY_PROFESSIONAL, OTHER
}
