package org.casetrail.gateway.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param republishInterval how often users whose latest change the broker has not acknowledged
 *                          are published again (the outbox sweep; also runs once at start-up)
 * @param searchLimit       most users a directory search returns; a school's picker needs no more
 * @param bcryptStrength    cost of password hashes (embedded token endpoint only); 10 ≈ 100 ms
 * @param demoPassword      the password of the demo users the embedded profile seeds
 * @param bootstrapAdmin    the first ADMIN of a school, created at start-up when their username is
 *                          unknown: without it a directory fed only through the admin API could never
 *                          get its first admin (production has no demo users); absent: nothing is created
 */
@Validated
@ConfigurationProperties("casetrail.gateway.directory")
public record DirectoryProperties(@DefaultValue("30s") @NotNull Duration republishInterval,
                                  @DefaultValue("50") @Min(1) @Max(500) int searchLimit,
                                  @DefaultValue("10") @Min(4) @Max(16) int bcryptStrength,
                                  @DefaultValue("demo") String demoPassword,
                                  @Valid BootstrapAdmin bootstrapAdmin) {

    /** Signs in at the school's identity provider like everyone else; no password is stored. */
    public record BootstrapAdmin(@NotBlank String schoolId, @NotBlank String schoolName, @NotBlank String username,
                                 @NotBlank String displayName, @NotBlank String email) {
    }
}
