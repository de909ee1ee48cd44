package org.casetrail.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rewrites a validated provider's claims into the names {@link CurrentUser} reads ({@code sub},
 * {@code school}, {@code roles}, {@code preferred_username}, {@code name}), so that every service and the
 * gateway see one shape whichever provider signed the token. A canonical claim is always replaced by the
 * mapped one (or removed when the mapped one is absent): a claim the provider did not mean as casetrail's
 * role claim never grants a role.
 */
final class ClaimMapping implements Converter<Map<String, Object>, Map<String, Object>> {

    private final MappedJwtClaimSetConverter standard = MappedJwtClaimSetConverter.withDefaults(Map.of());
    private final JwtProperties.Claims names;

    ClaimMapping(JwtProperties.Claims names) {
        this.names = names;
    }

    @Override
    public Map<String, Object> convert(Map<String, Object> source) {
        Map<String, Object> claims = new HashMap<>(standard.convert(source));
        if (names.isIdentity()) {
            return claims;
        }
        put(claims, JwtClaimNames.SUB, text(lookup(source, names.userId())));
        put(claims, CurrentUser.CLAIM_SCHOOL, text(lookup(source, names.school())));
        put(claims, CurrentUser.CLAIM_USERNAME, text(lookup(source, names.username())));
        put(claims, CurrentUser.CLAIM_NAME, text(lookup(source, names.name())));
        put(claims, CurrentUser.CLAIM_ROLES, roles(lookup(source, names.roles())));
        return claims;
    }

    private List<String> roles(Object raw) {
        List<String> values;
        if (raw instanceof Collection<?> collection) {
            values = collection.stream().filter(Objects::nonNull).map(Object::toString).toList();
        } else if (raw instanceof String text) {
            values = Arrays.stream(text.split("[\\s,]+")).filter(v -> !v.isBlank()).toList();
        } else {
            return null;
        }
        if (names.roleValues().isEmpty()) {
            return values;
        }
        return values.stream().map(names.roleValues()::get).filter(Objects::nonNull).distinct().toList();
    }

    /** A claim by name, or by a dotted path into nested objects when no claim has the whole name. */
    private static Object lookup(Map<String, Object> claims, String name) {
        if (claims.containsKey(name)) {
            return claims.get(name);
        }
        Object current = claims;
        for (String part : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static void put(Map<String, Object> claims, String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
    }
}
