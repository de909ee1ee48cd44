package org.casetrail.cases.lifecycle.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param zone    the schools' time zone, for references and working-day rules
 * @param hearing hearing rules (ACAS): {@code minNoticeDays} working days (Mon–Fri) of written notice
 * @param appeal  appeal rules: the window, in calendar days after the outcome, in which an appeal may be lodged
 */
@ConfigurationProperties("casetrail.cases")
record CaseProperties(@DefaultValue("Europe/London") String zone,
                      @DefaultValue Hearing hearing,
                      @DefaultValue Appeal appeal) {

    CaseProperties {
        hearing = hearing == null ? new Hearing(2) : hearing;
        appeal = appeal == null ? new Appeal(10) : appeal;
    }

    /** The defaults of domain.md. */
    static CaseProperties defaults() {
        return new CaseProperties("Europe/London", new Hearing(2), new Appeal(10));
    }

    record Hearing(@DefaultValue("2") int minNoticeDays) {
    }

    record Appeal(@DefaultValue("10") int windowDays) {
    }
}
