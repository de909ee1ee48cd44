package org.casetrail.notifications.inbox.web;

import org.casetrail.notifications.inbox.InboxEntry;
import org.casetrail.platform.mapping.CasetrailMapperConfig;
import org.mapstruct.Mapper;

import java.util.List;

@Mapper(config = CasetrailMapperConfig.class)
interface NotificationMapper {

    NotificationResponse toResponse(InboxEntry entry);

    List<NotificationResponse> toResponses(List<InboxEntry> entries);
}
