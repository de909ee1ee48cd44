package org.casetrail.notifications.preferences.web;

import org.casetrail.notifications.preferences.NotificationPreference;
import org.casetrail.platform.mapping.CasetrailMapperConfig;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(config = CasetrailMapperConfig.class)
interface PreferenceMapper {

    /** Urgent items are e-mailed whatever the preference: the answer says so. */
    @Mapping(target = "urgentItems", constant = "EMAIL")
    PreferenceController.PreferenceResponse toResponse(NotificationPreference preference);
}
