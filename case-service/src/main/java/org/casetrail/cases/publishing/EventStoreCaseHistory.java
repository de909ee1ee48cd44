package org.casetrail.cases.publishing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Folds the case's stream from the event store. Reading from sequence 0 goes to the storage engine
 * directly, past any snapshot (a snapshot is the aggregate's state, not these facts), and stopping at
 * the event being published keeps a catching-up publisher from seeing the future.
 */
@Component
class EventStoreCaseHistory implements CaseHistory {

    private final EventStore eventStore;

    EventStoreCaseHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public CaseFacts before(String caseId, long sequence) {
        CaseFacts facts = CaseFacts.UNKNOWN;
        DomainEventStream stream = eventStore.readEvents(caseId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() >= sequence) {
                break;
            }
            facts = facts.with(message.getPayload());
        }
        return facts;
    }
}
