package org.casetrail.gateway.directory.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.casetrail.contracts.Role;

import java.util.List;
import java.util.Set;

/** The directory's HTTP shapes (api.md, "Directory"): field names are the contract. */
final class DirectoryDtos {

    private DirectoryDtos() {
    }

    record MeResponse(String userId, String username, String displayName, String schoolId, List<Role> roles) {
    }

    record DirectoryUserResponse(String userId, String username, String displayName, List<Role> roles) {
    }

    record CreateUserRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}",
                    message = "must be 2-64 lower-case letters, digits, '.', '_' or '-'") String username,
            @NotBlank @Size(max = 100) String displayName,
            @NotBlank @Email @Size(max = 200) String email,
            @NotEmpty Set<Role> roles) {
    }

    record CreatedUserResponse(String userId) {
    }

    record ChangeRolesRequest(@NotEmpty Set<Role> roles) {
    }
}
