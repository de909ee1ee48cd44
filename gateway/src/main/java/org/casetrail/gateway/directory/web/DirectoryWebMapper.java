package org.casetrail.gateway.directory.web;

import org.casetrail.platform.mapping.CasetrailMapperConfig;
import org.casetrail.gateway.directory.DirectoryUser;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import java.util.List;

@Mapper(config = CasetrailMapperConfig.class)
interface DirectoryWebMapper {

    @Mapping(target = "roles", expression = "java(user.sortedRoles())")
    DirectoryDtos.MeResponse toMe(DirectoryUser user);

    @Mapping(target = "roles", expression = "java(user.sortedRoles())")
    DirectoryDtos.DirectoryUserResponse toSummary(DirectoryUser user);

    List<DirectoryDtos.DirectoryUserResponse> toSummaries(List<DirectoryUser> users);
}
