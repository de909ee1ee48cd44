package org.casetrail.cases.lifecycle.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param zone the schools' time zone, for references and, later, working-day deadlines */
@ConfigurationProperties("casetrail.cases")
record CaseProperties(@DefaultValue("Europe/London") String zone) {
}
