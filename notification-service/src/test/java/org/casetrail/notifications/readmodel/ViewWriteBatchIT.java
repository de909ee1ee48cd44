package org.casetrail.notifications.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonDocument;
import org.bson.Document;
import org.casetrail.notifications.delivery.api.Channel;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationAcknowledged;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationEscalated;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationFailed;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationGivenUp;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationQueued;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationRead;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationResendRequested;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationSent;
import org.casetrail.notifications.delivery.query.CaseAcknowledgementsAwaited;
import org.casetrail.notifications.delivery.query.DeliveriesProjection;
import org.casetrail.notifications.inbox.Inbox;
import org.casetrail.notifications.inbox.InboxProjection;
import org.casetrail.notifications.routing.NotificationType;
import org.casetrail.notifications.routing.Urgency;
import org.casetrail.platform.testing.EmbeddedMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox and the deliveries view written once per batch of events ({@link ViewWriteBatch}), on
 * their real tracking processors (batch size 50, no transaction manager and the propagating error
 * handler, as in the service), the real Mongo token store and the embedded Mongo-wire server; every
 * command the server receives is recorded. The expected documents come from the same projections
 * handling the same events one by one outside a unit of work, which writes each straight away with
 * {@code MongoTemplate.upsert}/{@code updateFirst}, exactly as the projections did before batching.
 */
class ViewWriteBatchIT {

    private static final Instant AT = Instant.parse("2026-11-25T09:00:00Z");
    private static final String SCHOOL = "school-1";
    private static final String CASE = "case-1";

    /** What happened, in order, on the processors' threads: write commands and prepare-commit handlers. */
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    /** The distinct units of work (batches) each processor handled events in, counting retries. */
    private final Map<String, Set<Object>> unitsOfWork = new ConcurrentHashMap<>();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    void aBatchOfEventsIsOneOrderedBulkWritePerCollectionWithTheSameDocumentsAsSeparateWrites() {
        List<Object> events = history();
        Views expected = views("expected");
        handleOneByOneOutsideAUnitOfWork(expected, events);
        Views batched = views("batched");

        Configuration axon = start(batched, events);
        awaitCaughtUp(axon);

        assertThat(documents(batched, "inbox")).isEqualTo(documents(expected, "inbox")).hasSize(2);
        assertThat(documents(batched, "deliveries")).isEqualTo(documents(expected, "deliveries")).hasSize(4);
        Document acknowledged = documents(batched, "inbox").get(0);
        assertThat(acknowledged.get("readAt")).isNotNull();
        assertThat(acknowledged.get("acknowledgedAt")).isNotNull();
        // Read twice in the batch: the inbox keeps the first time, as separate writes did.
        assertThat(documents(batched, "inbox").get(1).getDate("readAt").toInstant()).isEqualTo(AT.plusSeconds(11));
        assertThat(documents(batched, "deliveries")).extracting(d -> d.getString("state"))
                .containsExactlyInAnyOrder("ACKNOWLEDGED", "READ", "SENT", "QUEUED");

        // All the events were there when the processors started: one batch each, one write command
        // for each collection, carrying every write of the batch in handling order.
        assertThat(unitsOfWork.get(InboxProjection.GROUP)).hasSize(1);
        assertThat(unitsOfWork.get(DeliveriesProjection.GROUP)).hasSize(1);
        assertThat(writesTo("inbox")).containsExactly("bulk inbox 7");
        assertThat(writesTo("deliveries")).containsExactly("bulk deliveries " + events.size());

        // The view's bulk write comes before the token is stored in the same unit of work, and a
        // handler's own prepare-commit handler runs after it: Axon registers the token's storage
        // for prepare-commit before the first event reaches a handler, which is why the writes are
        // flushed at the end of the batch and not in prepare-commit.
        int bulk = log.indexOf("bulk inbox 7");
        int token = log.indexOf("token inbox");
        int handlersPrepareCommit = log.indexOf("prepare-commit of a handler of inbox");
        assertThat(bulk).isNotNegative();
        assertThat(token).isGreaterThan(bulk);
        assertThat(handlersPrepareCommit).isGreaterThan(token);
    }

    @Test
    void aFailedBulkWriteRollsTheBatchBackAndItsEventsAreHandledAgainWithoutTheTokenMoving() {
        List<Object> events = history();
        String broken = emailId(2);
        Views expected = views("expected");
        expected.mongo.getCollection("deliveries").insertOne(new Document("_id", broken).append("failures", List.of()));
        handleOneByOneOutsideAUnitOfWork(expected, events);
        Views batched = views("batched");
        // $addToSet on a field that is not an array fails on the server: NotificationFailed's write does.
        batched.mongo.getCollection("deliveries").insertOne(new Document("_id", broken).append("failures", "broken"));

        Configuration axon = start(batched, events);
        await().atMost(Duration.ofSeconds(30)).until(() -> writesTo("deliveries").size() >= 2);
        assertThat(unitsOfWork.get(DeliveriesProjection.GROUP)).hasSizeGreaterThanOrEqualTo(2);
        List<String> deliveriesWrites = writesTo("deliveries");
        assertThat(deliveriesWrites).hasSizeGreaterThanOrEqualTo(2)
                .allMatch(write -> write.equals("bulk deliveries " + events.size()));
        assertThat(log).doesNotContain("token deliveries");
        assertThat(log).contains("token inbox");

        batched.mongo.getCollection("deliveries").updateOne(Filters.eq("_id", broken), Updates.set("failures", List.of()));
        awaitCaughtUp(axon);
        assertThat(log).contains("token deliveries");
        assertThat(documents(batched, "deliveries")).isEqualTo(documents(expected, "deliveries")).hasSize(4);
        assertThat(documents(batched, "inbox")).isEqualTo(documents(expected, "inbox"));
    }

    @Test
    void theSubscribingViewsWriteOncePerCollectionInTheUnitOfWorkThatPublishedTheEvents() {
        String dslInApp = inAppId(0);
        String principalInApp = inAppId(1);
        String dslEmail = emailId(2);
        String principalEmail = emailId(3);
        List<Object> events = List.of(
                acknowledgedOnCase(queued(dslInApp, Channel.IN_APP, "dsl")),
                acknowledgedOnCase(queued(principalInApp, Channel.IN_APP, "head")),
                queued(dslEmail, Channel.EMAIL, "dsl"), queued(principalEmail, Channel.EMAIL, "head"),
                new NotificationSent(dslInApp, Channel.IN_APP, 1, AT),
                new NotificationSent(principalInApp, Channel.IN_APP, 1, AT),
                new NotificationFailed(dslEmail, 1, "SMTP down", AT.plusSeconds(1), AT.plusSeconds(31)),
                new NotificationSent(principalEmail, Channel.EMAIL, 1, AT.plusSeconds(2)));
        AnnotationConfigApplicationContext expected = subscribingViews("expected");
        handleOneByOneOutsideAUnitOfWork(expected, events);
        AnnotationConfigApplicationContext batched = subscribingViews("batched");
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        configurer.eventProcessing()
                .registerSubscribingEventProcessor("mail-queue")
                .registerSubscribingEventProcessor("case-acknowledgements")
                .registerEventHandler(c -> batched.getBean("mailQueueProjection"))
                .registerEventHandler(c -> batched.getBean(CaseAcknowledgementsAwaited.class))
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        Configuration axon = configurer.buildConfiguration();
        axon.start();
        closing.add(axon::shutdown);

        // As the intake does: the events of one source event published in one root unit of work.
        DefaultUnitOfWork.startAndGet(null).execute(() ->
                axon.eventStore().publish(events.stream().map(GenericEventMessage::asEventMessage).toList()));

        for (String collection : List.of("mail_queue", "case_acknowledgements")) {
            assertThat(documents(batched.getBean(MongoTemplate.class), collection))
                    .isEqualTo(documents(expected.getBean(MongoTemplate.class), collection)).isNotEmpty();
        }
        assertThat(documents(batched.getBean(MongoTemplate.class), "mail_queue")).extracting(d -> d.getString("_id"))
                .containsExactly(dslEmail);
        assertThat(documents(batched.getBean(MongoTemplate.class), "case_acknowledgements").get(0)
                .getList("notificationIds", String.class)).containsExactly(dslInApp, principalInApp);
        // Ordered: the e-mails' upserts, then the one that was sent removed; the in-app ones, never in
        // the queue, are not removed from it.
        assertThat(log).containsExactly("bulk mail_queue 3", "delete mail_queue 1", "bulk case_acknowledgements 2");
    }

    private static NotificationQueued acknowledgedOnCase(NotificationQueued event) {
        return new NotificationQueued(event.notificationId(), event.schoolId(), event.recipientId(), event.channel(),
                event.type(), event.urgency(), event.caseId(), event.disclosureId(), event.reference(),
                event.sourceEventId(), true, event.subjectUserId(), event.queuedAt());
    }

    private AnnotationConfigApplicationContext subscribingViews(String name) {
        MongoTemplate mongo = template(name);
        AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext();
        spring.registerBean(MongoTemplate.class, () -> mongo);
        // One fixed clock for both ways of writing: the inbox stamps recordedAt from it.
        spring.registerBean(java.time.Clock.class, () -> java.time.Clock.fixed(AT, java.time.ZoneOffset.UTC));
        spring.register(ViewWriteBatch.class, CaseAcknowledgementsAwaited.class);
        try {
            // Package-private, like the service's other handlers; Spring builds it as in the service.
            spring.registerBean("mailQueueProjection", Class.forName("org.casetrail.notifications.mail.MailQueueProjection"));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        spring.refresh();
        closing.add(spring);
        return spring;
    }

    private static void handleOneByOneOutsideAUnitOfWork(AnnotationConfigApplicationContext views, List<Object> events) {
        handleOneByOne(List.of(views.getBean("mailQueueProjection"), views.getBean(CaseAcknowledgementsAwaited.class)),
                events);
    }

    /** Two in-app notifications and two e-mails, each through a different life. */
    private static List<Object> history() {
        String read = inAppId(1);
        String acknowledged = inAppId(0);
        String sent = emailId(2);
        String resent = emailId(3);
        return List.of(
                queued(acknowledged, Channel.IN_APP, "dsl"), queued(read, Channel.IN_APP, "head"),
                queued(sent, Channel.EMAIL, "dsl"), queued(resent, Channel.EMAIL, "head"),
                new NotificationSent(acknowledged, Channel.IN_APP, 1, AT),
                new NotificationSent(read, Channel.IN_APP, 1, AT),
                new NotificationRead(acknowledged, AT.plusSeconds(10)),
                new NotificationRead(read, AT.plusSeconds(11)),
                new NotificationAcknowledged(acknowledged, "dsl", false, AT.plusSeconds(20)),
                new NotificationRead(read, AT.plusSeconds(30)),
                new NotificationFailed(sent, 1, "SMTP down", AT.plusSeconds(1), AT.plusSeconds(31)),
                new NotificationSent(sent, Channel.EMAIL, 2, AT.plusSeconds(31)),
                new NotificationFailed(resent, 1, "SMTP down", AT.plusSeconds(1), null),
                new NotificationGivenUp(resent, 1, "SMTP down", AT.plusSeconds(2)),
                new NotificationEscalated(resent, 1, AT.plusSeconds(3600)),
                new NotificationResendRequested(resent, 1, AT.plusSeconds(3600)));
    }

    private static NotificationQueued queued(String id, Channel channel, String recipient) {
        return new NotificationQueued(id, SCHOOL, recipient, channel, NotificationType.CONCERN_REPORTED, Urgency.URGENT,
                CASE, null, "CT-2026-0001", "source-1", false, null, AT);
    }

    private static String inAppId(int i) {
        return "in-app-" + i;
    }

    private static String emailId(int i) {
        return "email-" + i;
    }

    /** The service's projections, built by Spring as in the service, on one database of their own. */
    private record Views(MongoTemplate mongo, InboxProjection inbox, DeliveriesProjection deliveries) {
    }

    private MongoTemplate template(String name) {
        MongoClient client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(EmbeddedMongo.uri("x")))
                .addCommandListener(recorder()).build());
        closing.add(client);
        return new MongoTemplate(client, "viewbatch_" + name + "_" + UUID.randomUUID().toString().substring(0, 8));
    }

    private Views views(String name) {
        MongoTemplate mongo = template(name);
        AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext();
        spring.registerBean(MongoTemplate.class, () -> mongo);
        // One fixed clock for both ways of writing: the inbox stamps recordedAt from it.
        spring.registerBean(java.time.Clock.class, () -> java.time.Clock.fixed(AT, java.time.ZoneOffset.UTC));
        spring.register(ViewWriteBatch.class, Inbox.class, InboxProjection.class,
                DeliveriesProjection.class);
        spring.refresh();
        closing.add(spring);
        return new Views(mongo, spring.getBean(InboxProjection.class), spring.getBean(DeliveriesProjection.class));
    }

    private static void handleOneByOneOutsideAUnitOfWork(Views views, List<Object> events) {
        handleOneByOne(List.of(views.inbox, views.deliveries), events);
    }

    private static void handleOneByOne(List<Object> handlers, List<Object> events) {
        assertThat(CurrentUnitOfWork.isStarted()).isFalse();
        for (Object handler : handlers) {
            AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(handler);
            for (Object event : events) {
                EventMessage<?> message = GenericEventMessage.asEventMessage(event);
                if (adapter.canHandle(message)) {
                    try {
                        adapter.handle(message);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }

    /** Both tracking processors as the service configures them, with the events already stored. */
    private Configuration start(Views views, List<Object> events) {
        MongoClient client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(EmbeddedMongo.uri("x")))
                .addCommandListener(recorder()).build());
        closing.add(client);
        MongoTokenStore tokens = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, views.mongo.getDb().getName()).build())
                .serializer(JacksonSerializer.defaultSerializer())
                .build();
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        for (String processor : ViewWriteBatchConfiguration.BATCHED_PROCESSORS) {
            configurer.eventProcessing()
                    .registerTrackingEventProcessor(processor, c -> c.eventStore(),
                            c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(50))
                    .registerHandlerInterceptor(processor, c -> (unitOfWork, chain) -> {
                        unitsOfWork.computeIfAbsent(processor, p -> Collections.newSetFromMap(new IdentityHashMap<>()))
                                .add(unitOfWork.root());
                        return chain.proceed();
                    });
        }
        configurer.eventProcessing()
                .registerEventHandler(c -> views.inbox)
                .registerEventHandler(c -> views.deliveries)
                .registerEventHandler(c -> new PrepareCommitOfAHandler(log))
                .registerTokenStore(c -> tokens)
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        new ViewWriteBatchConfiguration().flushViewWritesAtEndOfBatch().configureModule(configurer);
        Configuration axon = configurer.buildConfiguration();
        axon.eventStore().publish(events.stream().map(GenericEventMessage::asEventMessage).toList());
        axon.start();
        closing.add(axon::shutdown);
        return axon;
    }

    /** A handler of the inbox processor that registers for prepare-commit, to show when that runs. */
    @ProcessingGroup(InboxProjection.GROUP)
    static class PrepareCommitOfAHandler {

        private final List<String> log;

        PrepareCommitOfAHandler(List<String> log) {
            this.log = log;
        }

        @EventHandler
        void on(NotificationRead event) {
            CurrentUnitOfWork.get().onPrepareCommit(u -> log.add("prepare-commit of a handler of inbox"));
        }
    }

    private static void awaitCaughtUp(Configuration axon) {
        TrackingToken head = axon.eventStore().createHeadToken();
        await().atMost(Duration.ofSeconds(30)).until(() -> ViewWriteBatchConfiguration.BATCHED_PROCESSORS.stream()
                .allMatch(name -> {
                    Map<Integer, EventTrackerStatus> status = axon.eventProcessingConfiguration()
                            .eventProcessor(name, TrackingEventProcessor.class).orElseThrow().processingStatus();
                    return !status.isEmpty() && status.values().stream().allMatch(segment -> !segment.isErrorState()
                            && segment.getTrackingToken() != null && segment.getTrackingToken().covers(head));
                }));
    }

    private static List<Document> documents(Views views, String collection) {
        return documents(views.mongo, collection);
    }

    private static List<Document> documents(MongoTemplate mongo, String collection) {
        return mongo.getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private List<String> writesTo(String collection) {
        synchronized (log) {
            return log.stream().filter(entry -> entry.startsWith("bulk " + collection + " ")).toList();
        }
    }

    /**
     * Records the writes to the views ("bulk inbox 7": one update command of 6 statements) and the
     * token stores ("token inbox") the processors' threads send.
     */
    private CommandListener recorder() {
        return new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                String name = event.getCommandName();
                if (!(name.equals("update") || name.equals("delete"))
                        || !event.getDatabaseName().startsWith("viewbatch_batched")) {
                    return;
                }
                BsonDocument command = event.getCommand();
                String collection = command.getString(name).getValue();
                if (name.equals("delete")) {
                    log.add("delete " + collection + " " + command.getArray("deletes").size());
                    return;
                }
                if (collection.equals("trackingtokens")) {
                    BsonDocument update = command.getArray("updates").get(0).asDocument();
                    BsonDocument set = update.getDocument("u").getDocument("$set", new BsonDocument());
                    String filter = update.getDocument("q").toJson();
                    if (set.containsKey("token")) {
                        ViewWriteBatchConfiguration.BATCHED_PROCESSORS.stream()
                                .filter(processor -> filter.contains("\"" + processor + "\""))
                                .forEach(processor -> log.add("token " + processor));
                    }
                } else {
                    log.add("bulk " + collection + " " + command.getArray("updates").size());
                }
            }
        };
    }
}
