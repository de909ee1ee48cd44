package org.casetrail.platform.audit;

import org.casetrail.platform.eventstore.EventChain;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The digest tree as docs/audit.md defines it, recomputed here by hand for small trees. */
class MerkleTreeTest {

    private static String leaf(int i) {
        return MerkleTree.leafHash(new MerkleTree.Leaf("case-" + i, i, EventChain.sha256Hex("head" + i)));
    }

    private static List<String> leaves(int n) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            result.add(leaf(i));
        }
        return result;
    }

    @Test
    void leafAndNodeHashesAreDomainSeparatedSha256() {
        MerkleTree.Leaf leaf = new MerkleTree.Leaf("case-1", 7, "ab".repeat(32));
        byte[] text = ("case-1\n7\n" + "ab".repeat(32)).getBytes(StandardCharsets.UTF_8);
        assertThat(MerkleTree.leafHash(leaf)).isEqualTo(HexFormat.of().formatHex(EventChain.sha256(new byte[]{0}, text)));
        String a = leaf(1);
        String b = leaf(2);
        assertThat(MerkleTree.nodeHash(a, b)).isEqualTo(HexFormat.of().formatHex(
                EventChain.sha256(new byte[]{1}, HexFormat.of().parseHex(a), HexFormat.of().parseHex(b))));
    }

    @Test
    void rootsOfSmallTreesCarryTheOddNodeUpUnchanged() {
        List<String> l = leaves(3);
        assertThat(MerkleTree.root(List.of())).isEqualTo(EventChain.sha256Hex(""));
        assertThat(MerkleTree.root(l.subList(0, 1))).isEqualTo(l.get(0));
        assertThat(MerkleTree.root(l.subList(0, 2))).isEqualTo(MerkleTree.nodeHash(l.get(0), l.get(1)));
        assertThat(MerkleTree.root(l)).isEqualTo(MerkleTree.nodeHash(MerkleTree.nodeHash(l.get(0), l.get(1)), l.get(2)));
        // Not the duplicate-last-leaf construction: [a, b, c] and [a, b, c, c] differ.
        List<String> withDuplicate = new ArrayList<>(l);
        withDuplicate.add(l.get(2));
        assertThat(MerkleTree.root(withDuplicate)).isNotEqualTo(MerkleTree.root(l));
    }

    @Test
    void everyLeafsProofLeadsToTheRootAndAChangedLeafDoesNot() {
        for (int n = 1; n <= 17; n++) {
            List<String> l = leaves(n);
            String root = MerkleTree.root(l);
            for (int i = 0; i < n; i++) {
                List<MerkleTree.Step> proof = MerkleTree.proof(l, i);
                assertThat(MerkleTree.rootFromProof(l.get(i), proof)).as("leaf %d of %d", i, n).isEqualTo(root);
                if (n > 1) {
                    assertThat(MerkleTree.rootFromProof(leaf(100 + i), proof)).isNotEqualTo(root);
                }
            }
        }
        assertThatThrownBy(() -> MerkleTree.proof(leaves(2), 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
