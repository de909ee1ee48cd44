package org.casetrail.notifications.preferences;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param defaultNormalItems what a user who never chose gets for the non-urgent items */
@ConfigurationProperties("casetrail.notifications.preferences")
public record PreferenceProperties(@DefaultValue("DAILY_DIGEST") NormalItems defaultNormalItems) {
}
