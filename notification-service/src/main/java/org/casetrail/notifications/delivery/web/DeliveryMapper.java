package org.casetrail.notifications.delivery.web;

import org.casetrail.notifications.delivery.query.DeliveryView;
import org.casetrail.platform.mapping.CasetrailMapperConfig;
import org.mapstruct.Mapper;

import java.util.List;

@Mapper(config = CasetrailMapperConfig.class)
interface DeliveryMapper {

    DeliveryResponse toResponse(DeliveryView view);

    List<DeliveryResponse> toResponses(List<DeliveryView> views);

    DeliveryResponse.Failure toResponse(DeliveryView.Failure failure);

    DeliveryResponse.Escalation toResponse(DeliveryView.Escalation escalation);
}
