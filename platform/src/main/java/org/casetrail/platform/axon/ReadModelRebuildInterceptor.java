package org.casetrail.platform.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/** Around each event a processor handles: while that processor is rebuilt, its handlers write to its shadows. */
class ReadModelRebuildInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    private final String processor;
    private final ReadModelRebuildShadows shadows;

    ReadModelRebuildInterceptor(String processor, ReadModelRebuildShadows shadows) {
        this.processor = processor;
        this.shadows = shadows;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        return shadows.within(processor, interceptorChain::proceed);
    }
}
