package org.casetrail.platform.accesslog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The access log's hash chain: an entry's hash is SHA-256 over the previous entry's hash, a line
 * break, and the entry's canonical form. The canonical form is compact JSON with the fields in a
 * fixed order, every field present (null when empty), the time as ISO-8601 text and the roles sorted,
 * so that the same entry always hashes the same wherever it is recomputed.
 */
public final class AccessLogChain {

    /** The "previous hash" of a school's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper CANONICAL = new ObjectMapper();

    private AccessLogChain() {
    }

    public static String hash(long sequence, AccessRecord record, String previousHash) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) '\n');
            sha256.update(canonical(sequence, record, previousHash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String canonical(long sequence, AccessRecord record, String previousHash) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("schoolId", record.schoolId());
        fields.put("sequence", sequence);
        fields.put("at", record.at() == null ? null : record.at().toString());
        fields.put("userId", record.userId());
        fields.put("role", record.role());
        List<String> roles = record.roles() == null ? null : new ArrayList<>(record.roles());
        if (roles != null) {
            roles.sort(null);
        }
        fields.put("roles", roles);
        fields.put("objectType", record.objectType());
        fields.put("objectId", record.objectId());
        fields.put("view", record.view());
        fields.put("method", record.method());
        fields.put("path", record.path());
        fields.put("correlationId", record.correlationId());
        fields.put("requestId", record.requestId());
        fields.put("status", record.status());
        fields.put("previousHash", previousHash);
        try {
            return CANONICAL.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and numbers always serialize", e);
        }
    }
}
