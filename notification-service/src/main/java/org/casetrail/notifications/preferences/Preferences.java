package org.casetrail.notifications.preferences;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Each user's notification preference ({@code notification_preferences}, by user id). */
@Component
public class Preferences {

    static final String COLLECTION = "notification_preferences";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final PreferenceProperties properties;

    Preferences(MongoTemplate mongo, Clock clock, PreferenceProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    /** The user's preference, or the default; a preference stored under another school does not count. */
    public NotificationPreference of(String schoolId, String userId) {
        NotificationPreference stored = mongo.findById(userId, NotificationPreference.class, COLLECTION);
        if (stored == null || !schoolId.equals(stored.schoolId())) {
            return new NotificationPreference(userId, schoolId, properties.defaultNormalItems(), null);
        }
        return stored;
    }

    public NotificationPreference set(String schoolId, String userId, NormalItems normalItems) {
        mongo.upsert(Query.query(Criteria.where("_id").is(userId)), new Update().set("schoolId", schoolId)
                .set("normalItems", normalItems).set("updatedAt", clock.instant()), COLLECTION);
        return of(schoolId, userId);
    }
}
