package org.casetrail.cases.reference;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Year;

/**
 * One counter document per school and year, advanced by an atomic find-and-modify keyed by
 * {@code _id}. A number is consumed even if the command that asked for it then fails: a gap is
 * harmless, a reference given to two cases is not.
 */
@Component
class MongoCaseReferences implements CaseReferences {

    static final String COLLECTION = "case_reference_counters";

    private final MongoTemplate mongo;

    MongoCaseReferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String next(String schoolId, Year year) {
        Document counter = mongo.getCollection(COLLECTION).findOneAndUpdate(
                new Document("_id", schoolId + "/" + year.getValue()),
                Updates.inc("last", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return CaseReferences.format(year, ((Number) counter.get("last")).longValue());
    }
}
