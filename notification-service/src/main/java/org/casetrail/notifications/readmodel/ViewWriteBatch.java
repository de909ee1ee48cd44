package org.casetrail.notifications.readmodel;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes of notification-service's views, one bulk write per collection per unit of work instead of
 * one write per event: per batch of events for the tracking read models (inbox, deliveries), per unit
 * of work that published the events for the subscribing ones (mail queue, case acknowledgements). On
 * the embedded stack every write command is a commit of the store (docs/benchmarks-http.md), so a
 * batch of 50 events costs one commit per collection, not 50.
 *
 * <p>A handler's write is mapped exactly as {@link MongoTemplate#upsert}/{@link MongoTemplate#updateFirst}
 * map it and kept, in order, in a resource of the root unit of work. {@link #flushAtEndOfBatch()} writes
 * them after the batch's last event, as one ordered {@code bulkWrite} per collection: ordered, so a later
 * write of the batch applies on top of an earlier one exactly as separate writes did (no handler reads
 * its view before writing). That is still in the unit of work's started phase, before the prepare-commit
 * phase in which Axon stores the processor's token when there is no transaction manager (it registers
 * that before any handler runs, so a flush registered by a handler for prepare-commit would run after
 * it; ViewWriteBatchIT shows both): a failed flush rolls the batch back and the processor handles the
 * same events again, never storing a token past writes that did not happen. There is no transaction:
 * the writes of a failed bulk before the failing one stay, and the retry applies them again, which
 * changes nothing because every write is idempotent (insert-if-absent, set, add-to-set).
 *
 * <p>The collection is named when the handler writes, not at the flush: on a processor being rebuilt
 * that is its shadow collection ({@code ReadModelRebuildMongoTemplate} routes by the handler's thread,
 * and the flush runs outside the handler). Outside a unit of work (or one already committing) a
 * write goes straight to the collection, as before.
 */
@Component
public class ViewWriteBatch {

    private static final String RESOURCE = ViewWriteBatch.class.getName() + ".pending";
    private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true);

    private final MongoTemplate mongo;
    private final QueryMapper queries;
    private final UpdateMapper updates;

    public ViewWriteBatch(MongoTemplate mongo) {
        this.mongo = mongo;
        this.queries = new QueryMapper(mongo.getConverter());
        this.updates = new UpdateMapper(mongo.getConverter());
    }

    /** Insert-if-absent or update of the one document {@code query} finds (by _id). */
    public void upsert(Query query, Update update, String collection) {
        write(query, update, collection, true);
    }

    /** Update of the first document {@code query} finds, if any. */
    public void updateFirst(Query query, Update update, String collection) {
        write(query, update, collection, false);
    }

    /** Removal of every document {@code query} finds (one, by _id). */
    public void remove(Query query, String collection) {
        UnitOfWork<?> root = collectingRoot();
        if (root == null) {
            mongo.remove(query, collection);
        } else {
            pending(root).add(mongo.getCollection(collection), new DeleteManyModel<>(filter(query)));
        }
    }

    private void write(Query query, Update update, String collection, boolean upsert) {
        UnitOfWork<?> root = collectingRoot();
        if (root == null) {
            if (upsert) {
                mongo.upsert(query, update, collection);
            } else {
                mongo.updateFirst(query, update, collection);
            }
            return;
        }
        MongoCollection<Document> target = mongo.getCollection(collection);
        Document change = updates.getMappedObject(update.getUpdateObject(), (MongoPersistentEntity<?>) null);
        pending(root).add(target, new UpdateOneModel<>(filter(query), change, new UpdateOptions().upsert(upsert)));
    }

    private Document filter(Query query) {
        return queries.getMappedObject(query.getQueryObject(), (MongoPersistentEntity<?>) null);
    }

    /** The root unit of work that still has a prepare-commit phase to come or under way, or null. */
    private static UnitOfWork<?> collectingRoot() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.phase().isBefore(UnitOfWork.Phase.COMMIT) ? root : null;
    }

    private static Pending pending(UnitOfWork<?> root) {
        return root.getOrComputeResource(RESOURCE, key -> {
            Pending pending = new Pending();
            // For a unit of work no end-of-batch interceptor flushes: a subscribing processor's, whose
            // events are handled in the prepare-commit phase of the unit of work that published them
            // (after their append), or a command's. A handler registered now, even during that phase,
            // still runs in it, after the handler that published the events: one flush for them all.
            root.onPrepareCommit(u -> pending.flush());
            return pending;
        });
    }

    /** Writes what {@code unitOfWork}'s root has collected so far: one ordered bulk write per collection. */
    public static void flush(UnitOfWork<?> unitOfWork) {
        Pending pending = unitOfWork.root().getResource(RESOURCE);
        if (pending != null) {
            pending.flush();
        }
    }

    /**
     * The interceptor a tracking processor whose handlers write through this class needs: it flushes
     * after the last event of each batch (after every event, in a unit of work of one event).
     */
    public static MessageHandlerInterceptor<EventMessage<?>> flushAtEndOfBatch() {
        return ViewWriteBatch::flushAfterLastEvent;
    }

    private static Object flushAfterLastEvent(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                                              InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            flush(unitOfWork);
        }
        return result;
    }

    /** The writes one unit of work has collected, by collection, each collection's in handling order. */
    private static final class Pending {

        private final Map<MongoNamespace, Writes> byCollection = new LinkedHashMap<>();

        void add(MongoCollection<Document> collection, WriteModel<Document> write) {
            byCollection.computeIfAbsent(collection.getNamespace(), n -> new Writes(collection)).models.add(write);
        }

        void flush() {
            List<Writes> due = new ArrayList<>(byCollection.values());
            byCollection.clear();
            for (Writes writes : due) {
                writes.collection.bulkWrite(writes.models, ORDERED);
            }
        }
    }

    private record Writes(MongoCollection<Document> collection, List<WriteModel<Document>> models) {
        Writes(MongoCollection<Document> collection) {
            this(collection, new ArrayList<>());
        }
    }
}
