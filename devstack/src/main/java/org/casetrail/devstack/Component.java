package org.casetrail.devstack;

import java.util.EnumSet;
import java.util.Set;

/** The OS processes of the devstack, in start order. Each one can be killed on its own. */
public enum Component {
    MONGO("mongo", null, null),
    KAFKA("kafka", null, null),
    /** The SMTP mail catcher: every mail notification-service sends lands as a .eml file in {@code <dataDir>/mail}. */
    MAIL("mail", null, null),
    CASE_SERVICE("case-service", "case-service", "casetrail_cases"),
    DISCLOSURE_SERVICE("disclosure-service", "disclosure-service", "casetrail_disclosures"),
    NOTIFICATION_SERVICE("notification-service", "notification-service", "casetrail_notifications"),
    GATEWAY("gateway", "gateway", "casetrail_gateway");

    private final String displayName;
    private final String module;
    private final String database;

    Component(String displayName, String module, String database) {
        this.displayName = displayName;
        this.module = module;
        this.database = database;
    }

    /** Short name used in messages and as the log file name ({@code <dataDir>/logs/<name>.log}). */
    public String displayName() {
        return displayName;
    }

    /** Maven module (and jar name) of a service; null for infrastructure. */
    public String module() {
        return module;
    }

    /** MongoDB database of a service; null for infrastructure. */
    public String database() {
        return database;
    }

    public boolean isService() {
        return module != null;
    }

    public static Set<Component> services() {
        return EnumSet.of(CASE_SERVICE, DISCLOSURE_SERVICE, NOTIFICATION_SERVICE, GATEWAY);
    }

    public static Set<Component> infrastructure() {
        return EnumSet.of(MONGO, KAFKA, MAIL);
    }
}
