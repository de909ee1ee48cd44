package org.casetrail.systemtests;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * domain.md: every clause of the policy (P1-P14) has at least one rule in docs/policy-traceability.md,
 * and a rule the table calls built names a test that proves it.
 */
class PolicyTraceabilityTest {

    private static final Path MATRIX = Path.of(System.getProperty("casetrail.repoRoot", ".."), "docs", "policy-traceability.md");
    private static final Pattern ROW = Pattern.compile("^\\| (P\\d+) \\|(.*)\\| *(built|partly[^|]*|not yet[^|]*) *\\|\\s*$");

    @Test
    void everyClauseHasAtLeastOneRule() throws IOException {
        Set<String> traced = new TreeSet<>();
        for (String line : Files.readAllLines(MATRIX)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                traced.add(row.group(1));
            }
        }
        List<String> clauses = IntStream.rangeClosed(1, 14).mapToObj(i -> "P" + i).toList();
        assertThat(traced).as("clauses with a row in %s", MATRIX).containsAll(clauses);
    }

    @Test
    void aBuiltRuleNamesItsTest() throws IOException {
        for (String line : Files.readAllLines(MATRIX)) {
            Matcher row = ROW.matcher(line);
            if (row.matches() && row.group(3).startsWith("built")) {
                String[] cells = row.group(2).split("\\|");
                String tests = cells[cells.length - 1];
                assertThat(tests).as("tests cell of: %s", line).containsPattern("[A-Z]\\w*(Test|IT|Contract)");
            }
        }
    }
}
