package org.casetrail.notifications.preferences;

/** How a user wants the non-urgent items; urgent items are always e-mailed at once as well. */
public enum NormalItems {
    /** Each one e-mailed at once, besides the inbox. */
    EMAIL,
    /** One e-mail a day listing them (type and reference only), besides the inbox. */
    DAILY_DIGEST,
    /** The inbox only. */
    IN_APP_ONLY
}
