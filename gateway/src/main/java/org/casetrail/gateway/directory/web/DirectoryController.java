package org.casetrail.gateway.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.casetrail.contracts.Actor;
import org.casetrail.contracts.Role;
import org.casetrail.gateway.directory.DirectoryService;
import org.casetrail.gateway.directory.DirectoryUser;
import org.casetrail.platform.security.ActsAs;
import org.casetrail.platform.security.CurrentUser;
import org.casetrail.platform.web.CorrelationIdFilter;
import org.casetrail.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

@RestController
@Validated
@RequestMapping("/api/v1")
@Tag(name = "directory", description = "Who the caller is and who else is in their school")
@SecurityRequirement(name = "bearer")
class DirectoryController {

    private static final String CORRELATION = CorrelationIdFilter.CORRELATION_ATTRIBUTE;

    private final DirectoryService directory;
    private final DirectoryWebMapper mapper;

    DirectoryController(DirectoryService directory, DirectoryWebMapper mapper) {
        this.directory = directory;
        this.mapper = mapper;
    }

    @GetMapping("/me")
    @Operation(summary = "The caller as the directory knows them")
    DirectoryDtos.MeResponse me(CurrentUser caller) {
        return mapper.toMe(activeCaller(caller));
    }

    @GetMapping("/directory/users")
    @Operation(summary = "Active users of the caller's school whose username or name contains q (ignoring case)")
    List<DirectoryDtos.DirectoryUserResponse> search(CurrentUser caller,
                                                     @RequestParam(required = false) @Size(max = 100) String q) {
        DirectoryUser me = activeCaller(caller);
        // The school comes from the directory, never from the request: no cross-school reads.
        return mapper.toSummaries(directory.search(me.schoolId(), q));
    }

    @PostMapping("/directory/users")
    @ActsAs(Role.ADMIN)
    @Operation(summary = "Add a user to the admin's school")
    ResponseEntity<DirectoryDtos.CreatedUserResponse> create(CurrentUser caller,
                                                             @Valid @RequestBody DirectoryDtos.CreateUserRequest request,
                                                             HttpServletRequest http) {
        DirectoryUser admin = activeAdmin(caller);
        DirectoryUser created = directory.create(new DirectoryService.NewUser(admin.schoolId(), request.username(),
                        request.displayName(), request.email(), request.roles(), null),
                new Actor(admin.userId(), Role.ADMIN.name()), correlationId(http));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(created.userId()).toUri())
                .body(new DirectoryDtos.CreatedUserResponse(created.userId()));
    }

    @PutMapping("/directory/users/{userId}/roles")
    @ActsAs(Role.ADMIN)
    @Operation(summary = "Replace a user's roles")
    DirectoryDtos.DirectoryUserResponse changeRoles(CurrentUser caller, @PathVariable String userId,
                                                    @Valid @RequestBody DirectoryDtos.ChangeRolesRequest request,
                                                    HttpServletRequest http) {
        DirectoryUser admin = activeAdmin(caller);
        return mapper.toSummary(directory.changeRoles(admin.schoolId(), userId, request.roles(),
                new Actor(admin.userId(), Role.ADMIN.name()), correlationId(http)));
    }

    @DeleteMapping("/directory/users/{userId}")
    @ActsAs(Role.ADMIN)
    @Operation(summary = "Deactivate a user; their history stays")
    ResponseEntity<Void> deactivate(CurrentUser caller, @PathVariable String userId,
                                    HttpServletRequest http) {
        DirectoryUser admin = activeAdmin(caller);
        directory.deactivate(admin.schoolId(), userId, new Actor(admin.userId(), Role.ADMIN.name()), correlationId(http));
        return ResponseEntity.noContent().build();
    }

    private static String correlationId(HttpServletRequest request) {
        return request.getAttribute(CORRELATION) instanceof String id ? id : null;
    }

    /** The token said ADMIN (ActsAs); the directory must still say so now, since tokens live an hour. */
    private DirectoryUser activeAdmin(CurrentUser caller) {
        DirectoryUser admin = activeCaller(caller);
        if (!admin.roles().contains(Role.ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException("no longer an admin");
        }
        return admin;
    }

    /** A valid token of a user the directory no longer knows as active is not enough. */
    private DirectoryUser activeCaller(CurrentUser caller) {
        return directory.activeUser(caller.userId())
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED,
                        Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "A valid bearer token is required"), null));
    }
}
