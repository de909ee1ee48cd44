package org.casetrail.disclosures.relationship.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param zone the schools' time zone: a counterpart's age is taken on the school's calendar day */
@ConfigurationProperties("casetrail.disclosures")
record DisclosureProperties(@DefaultValue("Europe/London") String zone) {
}
