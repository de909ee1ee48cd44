package org.casetrail.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Generates request bodies that must all be refused: random bytes, cut-off JSON, unknown fields,
 * a field of the wrong type, a huge string, deep nesting. Each body is derived from a valid sample
 * and broken by construction, so "nothing stored" is the only right outcome. Seeded, so a failure
 * can be replayed.
 */
public final class HostileBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HUGE = 100_000;
    private static final int DEEP = 5_000;

    private final Random random;

    public HostileBodies(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} hostile variants of {@code validSample}, a JSON object the endpoint would accept. */
    public List<byte[]> from(String validSample, int count) {
        ObjectNode sample = parse(validSample);
        List<byte[]> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(switch (i % 6) {
                case 0 -> randomBytes();
                case 1 -> truncated(sample);
                case 2 -> withUnknownField(sample, i);
                case 3 -> withWrongType(sample);
                case 4 -> withHugeString(sample);
                default -> deeplyNested(sample);
            });
        }
        return bodies;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(512)];
        random.nextBytes(bytes);
        bytes[0] = 0; // a NUL first: never well-formed JSON, whatever follows
        return bytes;
    }

    private byte[] truncated(ObjectNode sample) {
        byte[] whole = sample.toString().getBytes(StandardCharsets.UTF_8);
        int cut = 1 + random.nextInt(Math.max(1, whole.length - 1));
        return java.util.Arrays.copyOf(whole, cut);
    }

    private byte[] withUnknownField(ObjectNode sample, int n) {
        ObjectNode body = sample.deepCopy();
        body.set("hostile" + n, randomValue());
        return bytes(body);
    }

    /** Replaces one field by an object or array: incompatible with every scalar and with lists of scalars. */
    private byte[] withWrongType(ObjectNode sample) {
        ObjectNode body = sample.deepCopy();
        String field = randomField(body);
        if (field == null) {
            return withUnknownField(sample, random.nextInt());
        }
        if (body.get(field).isArray()) {
            body.set(field, JSON.createObjectNode().put("not", "a list"));
        } else {
            body.set(field, random.nextBoolean() ? JSON.createObjectNode().put("x", 1) : JSON.createArrayNode().add(1).add("two"));
        }
        return bytes(body);
    }

    private byte[] withHugeString(ObjectNode sample) {
        ObjectNode body = sample.deepCopy();
        String field = randomTextField(body);
        body.put(field == null ? "hostileHuge" : field, "x".repeat(HUGE));
        return bytes(body);
    }

    private byte[] deeplyNested(ObjectNode sample) {
        ObjectNode body = sample.deepCopy();
        String field = randomField(body);
        StringBuilder nested = new StringBuilder();
        nested.append("[".repeat(DEEP)).append("]".repeat(DEEP));
        String json = body.toString();
        String key = field == null ? "hostileDeep" : field;
        body.remove(key);
        String prefix = json.equals("{}") || body.isEmpty() ? "{" : body.toString().substring(0, body.toString().length() - 1) + ",";
        return (prefix + "\"" + key + "\":" + nested + "}").getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode randomValue() {
        return switch (random.nextInt(4)) {
            case 0 -> JSON.getNodeFactory().textNode("x");
            case 1 -> JSON.getNodeFactory().numberNode(random.nextInt());
            case 2 -> JSON.getNodeFactory().booleanNode(true);
            default -> JSON.createObjectNode().put("admin", true);
        };
    }

    private String randomField(ObjectNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? null : names.get(random.nextInt(names.size()));
    }

    private String randomTextField(ObjectNode body) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (body.get(name).isTextual()) {
                names.add(name);
            }
        }
        return names.isEmpty() ? null : names.get(random.nextInt(names.size()));
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("the sample is not a JSON object: " + json, e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

}
