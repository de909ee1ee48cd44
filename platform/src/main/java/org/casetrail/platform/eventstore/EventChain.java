package org.casetrail.platform.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The hash chain of an aggregate's events (docs/audit.md, "The chain"): the canonical form of one
 * stored event and its hash, {@code SHA-256(previousHash + "\n" + canonicalForm)}. Everything here is
 * computed from what the event store holds (strings), never from Java classes, so that an outside
 * auditor can recompute it from a copy of the documents.
 *
 * <p>The canonical form is semantic: JSON objects have their keys sorted, so a payload re-serialized
 * with its fields in another order hashes the same, while any change of a value, a key or an array's
 * order does not.
 */
public final class EventChain {

    /** The previous hash of an aggregate's first event. */
    public static final String GENESIS = "0".repeat(64);

    /** The metadata that matters for an audit (AuditMetadata's keys; duplicated: the store must not depend on Axon wiring). */
    public static final List<String> CHAINED_METADATA = List.of(
            "actorId", "actorRole", "schoolId", "correlationId", "causationId", "requestId");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    // BigDecimal for every number: a long and a double with the same value must not hash differently
    // depending on the parser, and no precision may be lost.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private EventChain() {
    }

    /** The stored fields of one event that the chain covers. Strings exactly as stored; nulls allowed where noted. */
    public record Stored(String eventId, String aggregateType, String aggregateId, long sequence, String timestamp,
                         String payloadType, String payloadRevision, String payload, String metadata) {
    }

    /** {@code hex(SHA-256(UTF-8(previousHash + "\n" + canonical(event))))}. */
    public static String hash(String previousHash, Stored event) {
        return sha256Hex(previousHash + "\n" + canonical(event));
    }

    /** The canonical form of an event: one line of JSON, keys sorted, no insignificant whitespace. */
    public static String canonical(Stored event) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("aggregateId", event.aggregateId());
        node.put("aggregateType", event.aggregateType());
        node.put("eventId", event.eventId());
        JsonNode metadata = parse(event.metadata());
        ObjectNode chained = node.putObject("metadata");
        for (String key : CHAINED_METADATA) {
            JsonNode value = metadata == null ? null : metadata.get(key);
            chained.set(key, value == null ? JsonNodeFactory.instance.nullNode() : value);
        }
        node.set("payload", event.payload() == null ? JsonNodeFactory.instance.nullNode() : parse(event.payload()));
        node.put("payloadRevision", event.payloadRevision());
        node.put("payloadType", event.payloadType());
        node.put("sequence", event.sequence());
        node.put("timestamp", event.timestamp() == null ? null : TIME.format(Instant.parse(event.timestamp())));
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    /** The canonical JSON of any JSON text (used for the payload and by tests). */
    public static String canonicalJson(String json) {
        StringBuilder out = new StringBuilder();
        write(parse(json), out);
        return out.toString();
    }

    static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored JSON is not valid: " + e.getOriginalMessage(), e);
        }
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(null); // String.compareTo: UTF-16 code units, as RFC 8785
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(keys.get(i), out);
                out.append(':');
                write(node.get(keys.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            Iterator<JsonNode> items = node.elements();
            boolean first = true;
            while (items.hasNext()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(items.next(), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(number(node.decimalValue()));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else {
            string(node.asText(), out);
        }
    }

    /** Integers in plain decimal; other numbers in plain decimal without trailing zeros (1.50 → 1.5, 2.0 → 2). */
    static String number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.signum() == 0) {
            return "0";
        }
        return stripped.toPlainString();
    }

    /** A JSON string: {@code "} and {@code \} escaped, control characters as short escapes or a six-character escape, all else as is. */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** Unused keys of metadata are ignored; this reads one chained value as text (null when absent). */
    public static String metadataValue(String metadataJson, String key) {
        JsonNode metadata = parse(metadataJson);
        JsonNode value = metadata == null ? null : metadata.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }
}
