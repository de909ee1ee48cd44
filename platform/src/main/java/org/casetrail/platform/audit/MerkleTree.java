package org.casetrail.platform.audit;

import org.casetrail.platform.eventstore.EventChain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree of a school digest (docs/audit.md, "Digests"). Leaves are the heads of the
 * school's chains sorted by aggregate id; domain-separated hashing (0x00 for a leaf, 0x01 for a node)
 * so that a leaf can never pass for a node; an odd node at the end of a level is carried up unchanged
 * (never paired with itself, which would let two different leaf lists share a root).
 */
public final class MerkleTree {

    private static final byte[] LEAF = {0x00};
    private static final byte[] NODE = {0x01};
    private static final HexFormat HEX = HexFormat.of();

    private MerkleTree() {
    }

    /** One chain's head at digest time. */
    public record Leaf(String aggregateId, long sequence, String headHash) {
    }

    /** A sibling on the way from a leaf to the root; {@code side} is where the sibling stands: LEFT or RIGHT. */
    public record Step(String side, String hash) {
    }

    /** {@code hex(SHA-256(0x00 ‖ UTF-8(aggregateId + "\n" + sequence + "\n" + headHash)))}. */
    public static String leafHash(Leaf leaf) {
        return HEX.formatHex(EventChain.sha256(LEAF,
                (leaf.aggregateId() + "\n" + leaf.sequence() + "\n" + leaf.headHash()).getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code hex(SHA-256(0x01 ‖ left ‖ right))} over the 32 raw bytes of each child. */
    public static String nodeHash(String left, String right) {
        return HEX.formatHex(EventChain.sha256(NODE, HEX.parseHex(left), HEX.parseHex(right)));
    }

    /** The root of the leaf hashes in order; of no leaves, {@code hex(SHA-256(""))}. */
    public static String root(List<String> leafHashes) {
        if (leafHashes.isEmpty()) {
            return EventChain.sha256Hex("");
        }
        List<String> level = leafHashes;
        while (level.size() > 1) {
            level = up(level);
        }
        return level.get(0);
    }

    /** The siblings from leaf {@code index} to the root, lowest first. */
    public static List<Step> proof(List<String> leafHashes, int index) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IndexOutOfBoundsException("no leaf " + index + " among " + leafHashes.size());
        }
        List<Step> steps = new ArrayList<>();
        List<String> level = leafHashes;
        int position = index;
        while (level.size() > 1) {
            int sibling = position % 2 == 0 ? position + 1 : position - 1;
            if (sibling < level.size()) {
                steps.add(new Step(position % 2 == 0 ? "RIGHT" : "LEFT", level.get(sibling)));
            }
            level = up(level);
            position /= 2;
        }
        return steps;
    }

    /** What an auditor computes: the root implied by a leaf hash and its proof. */
    public static String rootFromProof(String leafHash, List<Step> proof) {
        String current = leafHash;
        for (Step step : proof) {
            current = "LEFT".equals(step.side()) ? nodeHash(step.hash(), current) : nodeHash(current, step.hash());
        }
        return current;
    }

    private static List<String> up(List<String> level) {
        List<String> next = new ArrayList<>((level.size() + 1) / 2);
        for (int i = 0; i < level.size(); i += 2) {
            next.add(i + 1 < level.size() ? nodeHash(level.get(i), level.get(i + 1)) : level.get(i));
        }
        return next;
    }
}
