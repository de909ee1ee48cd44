package org.casetrail.disclosures.approach.repetition;

import org.casetrail.contracts.disclosures.CounterpartType;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What makes two approaches "from the same counterpart": the recorder's school, the counterpart type
 * and the name as written, normalized so that case, accents, punctuation and spacing do not matter
 * ("Zoë  O'Neill" and "zoe oneill" match). A different spelling or a nickname does not match: staff
 * name counterparts as they appear, and the DSL sees every approach anyway. Never leaves the service.
 */
final class CounterpartKey {

    private CounterpartKey() {
    }

    static String of(String schoolId, CounterpartType type, String name) {
        return schoolId + "|" + type + "|" + normalize(name);
    }

    static String normalize(String name) {
        String decomposed = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD);
        String letters = decomposed.replaceAll("\\p{M}+", "")   // accents
                .replaceAll("[^\\p{L}\\p{N}\\s]+", "")            // punctuation
                .toLowerCase(Locale.ROOT);
        return letters.trim().replaceAll("\\s+", " ");
    }
}
