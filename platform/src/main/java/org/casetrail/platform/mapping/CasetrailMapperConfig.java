package org.casetrail.platform.mapping;

import org.mapstruct.MapperConfig;
import org.mapstruct.ReportingPolicy;

/**
 * Shared by every MapStruct mapper: Spring beans, and a target field nobody maps is a compile
 * error, so a DTO can never silently lose or leak a field.
 */
@MapperConfig(componentModel = "spring", unmappedTargetPolicy = ReportingPolicy.ERROR,
        unmappedSourcePolicy = ReportingPolicy.IGNORE)
public interface CasetrailMapperConfig {
}
