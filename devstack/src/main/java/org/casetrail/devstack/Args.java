package org.casetrail.devstack;

import java.util.HashMap;
import java.util.Map;

/** Minimal {@code --name value} parsing for the child mains; they are only called by the launcher. */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    Args(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            values.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("missing value for " + args[args.length - 1]);
        }
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }

    String optional(String name) {
        return values.get(name);
    }

    int requiredInt(String name) {
        return Integer.parseInt(required(name));
    }
}
