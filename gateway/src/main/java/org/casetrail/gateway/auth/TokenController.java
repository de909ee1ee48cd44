package org.casetrail.gateway.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.casetrail.gateway.directory.DirectoryService;
import org.casetrail.platform.web.Problems;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /auth/token}: exists in the embedded profile only; elsewhere there is no such bean. */
@RestController
@Profile("embedded")
@Tag(name = "auth", description = "Tokens for the embedded devstack and tests (not in production)")
public class TokenController {

    private final DirectoryService directory;
    private final TokenIssuer issuer;

    public TokenController(DirectoryService directory, TokenIssuer issuer) {
        this.directory = directory;
        this.issuer = issuer;
    }

    public record TokenRequest(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String password) {
    }

    public record TokenResponse(@JsonProperty("access_token") String accessToken,
                                @JsonProperty("token_type") String tokenType,
                                @JsonProperty("expires_in") long expiresIn) {
    }

    @PostMapping("/auth/token")
    @Operation(summary = "Exchange a demo user's username and password for a bearer token")
    public TokenResponse token(@Valid @RequestBody TokenRequest request) {
        // One answer for unknown user, wrong password and deactivated user: nothing to enumerate.
        TokenIssuer.IssuedToken token = directory.authenticate(request.username(), request.password())
                .map(issuer::issue)
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED,
                        Problems.of(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Wrong username or password"), null));
        return new TokenResponse(token.value(), "Bearer", token.expiresIn().toSeconds());
    }
}
