package org.casetrail.bench;

/**
 * The hand-written part of docs/benchmarks.md: why the figures look as they do. It describes
 * mechanisms, not one run's numbers (those are in the generated sections above it).
 */
final class Analysis {

    private Analysis() {
    }

    static final String TEXT = """
            ## Analysis

            **Why the extension collapses.** mongo-java-server uses an index only for a filter that is
            exactly `{_id: <value>}` (and `_id $in`); it ignores non-unique secondary indexes (the log says
            so for the extension's `timestamp, sequenceNumber` index) and scans for everything else. The
            Axon Mongo extension loads an aggregate with `find({aggregateIdentifier})` and tracks with
            timestamp ranges, so every command and every tracking batch reads the whole `domainevents`
            collection: its cost grows linearly with the store (and worse once the H2 pages no longer stay
            hot). The plain driver with the same query shape (the first "limit" row) collapses the same
            way, which is why "50% of raw read+insert" is judged here against the faster, `_id`-keyed raw
            shape: a target measured against a baseline that itself collapses would prove nothing.

            **Why casetrail's engine does not.** Every hot operation of `CasetrailMongoEventStorageEngine`
            is an exact `_id` lookup, an `_id $in` list or an `_id`-unique insert (ADR 0001): a command
            reads the aggregate's stream document and its events by `_id`, and writes the counter, the
            event documents, one commit document (whose unique `_id` is the optimistic lock) and the stream
            document. Its latency follows the raw `_id` read+insert row, not the store's size. It stays
            below that raw limit because it makes four writes per command where the raw loop makes one,
            and each write is an H2 commit on this server; it also deserializes the aggregate's events and
            goes through Axon's unit of work.

            **Rebuild.** Near the head, the engine reads the global order in `_id $in` windows (500 ids),
            which on this server run at roughly 13–18k documents/s whatever the size. A processor at least
            10,000 events behind (a replay, a new read model) instead reads chunk by chunk in `_id` order, each
            chunk its own bounded query (`_id $gt` the last id read, sorted, limited to the batch size),
            applying the same commit checks and gap rules. On MongoDB that is an indexed range; on this server
            the devstack's backend walks the `_id`-ordered data map from the bound (`IdRangeCollection`, ADR
            0001), so a chunk costs its own size whatever the store's, and the server holds one chunk per
            reader, not the collection. Its speed is the per-document work: Jackson deserialization and the
            commit look-ups (`_id $in` of the chunk's commit documents). The raw limit, one sorted scan of the
            whole collection, is not size-independent on this server: it sorts the whole collection in memory
            before the first document (21–23 s at 1,000,000 events), and needs the heap to hold it (at
            1,000,000 events it ran out of a 2 GB heap). Until 2026-11-25 19:45 the replay was itself one such
            sorted cursor, taken when a reader was behind by more than half of the store: the figures of the
            table above were measured with it. Before any replay path existed, the rebuild reached 0.11
            (10,000 events) and 0.40 (100,000) of the raw scan in the run of 2026-11-25 12:25.

            **Noise.** The machine has 2 cores shared with other builds; the same measurement differed by up
            to 2× between runs (for example raw insert-only and the sorted scan). Compare the columns of one
            run, not runs with each other, and read single-digit differences as noise. For reference, the
            run of 2026-11-25 12:25 (load average about 5, before the replay cursor; figures in ADR 0001)
            gave the engine 352 and 299 commands/s at 10,000 and 100,000 events, 0.83 and 0.84 of the raw
            `_id` read+insert limit, p50 2.11 and 2.57 ms (1.22×); a later run on a machine with a load
            average of 10–36 gave 0.61 and 0.48 (p99s of 40–85 ms on both sides show the contention).

            **Measured separately.** Commands through the gateway over HTTP with 32 concurrent clients, and
            event stored → notification recorded, need the whole devstack (Kafka and four services):
            `./casetrail bench --http` measures them and writes [benchmarks-http.md](benchmarks-http.md).

            **The run of 2026-11-25 21:38 (the figures above; quiet machine, load average 1.3 at the start)**
            is the first full run with the chunked replay. The rebuild target is met at every size (0.51, 0.69
            and 1.05 of the raw sorted scan): the replay reads 36,000–47,000 events/s and does not slow down
            from 100,000 to 1,000,000 events, while the raw scan, one in-memory sort, falls from 71,000 to
            45,000 documents/s. Command latency holds: p50 2.17 ms at 10,000 and 2.93 ms at 1,000,000 events
            (1.35×). The commands target is **missed at 10,000 and 100,000 events** (0.41 and 0.37 of the raw
            `_id` read+insert limit) and met at 1,000,000 (0.55). On a quiet machine the raw loop's one insert
            commits in about 1 ms, while a command makes four committed writes (counter, events, commit,
            stream), links the hash chain and goes through Axon's unit of work: 359 and 311 commands/s against
            868 and 830 raw operations/s. On loaded machines the raw limit fell further than the engine (the
            earlier runs below: 0.61–0.97). Folding the stream update into the commit document (ADR 0001,
            "Bad, or to watch") would save one of the four writes; not done.
            
            **1,000,000 events, the first runs** (2026-11-25 17:00–17:35, load average 11–38 from parallel
            builds, 6 GB heap; pre-fill ~650 events/s per store under that load, 22 min). Commands hold:
            p50 3.9 ms against 2.95 ms at 10,000 (1.32×, within the 1.5× target) and 0.70 of the raw
            `_id` read+insert limit, while the extension needed 81 s for one command. The rebuild does
            not hold: 2,994 events/s, 0.155 of the raw sorted scan, where 100,000 events gave 1.25. Not
            yet explained; what is known: the rebuild reads the same sorted cursor as the scan (one
            in-memory sort of the whole collection by the server, which runs inside the benchmark's JVM),
            and its 60 s budget read about 180,000 events, where the scan read all 1,007,172 in 52 s. How
            much of that minute went to the server's sort and how much to the per-document work after it
            (deserialization, per-chunk commit look-ups, token bookkeeping, garbage collection with a 6 GB
            heap holding three 1,000,000-event stores) is not measured. The 10,000 column of that
            run missed the rebuild target too (0.17; it met it in every earlier run, 0.93 at 12:32): it
            was the run's first rebuild, on a cold JIT, over 11,000 events on a loaded machine; the
            benchmark now warms the rebuild up first. A probe of the engine alone on the same server (one
            200,000-event store, 4 GB heap, load average 7-15) read the store through `EmbeddedEventStore`
            in 22 s on a cold JIT and in 7.2 s on the second pass, against 9.1 s for the raw sorted scan,
            whose first document alone came after 4-7 s (the server's in-memory sort). So the engine's
            replay itself keeps up with the raw scan at that size. At 1,000,000 events, alone on a quiet
            machine (18:25–18:29, load average 1.9–2.6; a probe that `./casetrail bench --replay` now packages, filled with the full benchmark's events, audit metadata included, where the probe had none): the
            raw sorted scan took 21.0 and 18.0 s in two rounds (12.5–13.4 s of each before the first
            document: the server's in-memory sort), the replay through `EmbeddedEventStore` with every
            payload deserialized 29.5 and 29.1 s: 0.71 and 0.62 of the raw scan, above the 50 % target.
            So the 0.155 of the full run is not the engine's replay at that size but that run's conditions
            (three 1,000,000-event stores in one server inside one 6 GB JVM, on a machine at load 11–38);
            a quiet re-run of the full benchmark at 1,000,000 has not been done. To run it:
            `CASETRAIL_BENCH_HEAP=6g ./casetrail bench --sizes 10000,100000,1000000`. With the chunked replay
            (`CASETRAIL_BENCH_HEAP=4g ./casetrail bench --replay --events 1000000 --rounds 2`, 2026-11-25
            19:51–19:55, load average 2.4 rising to 9 from a parallel build): the raw sorted scan 52.5 and
            51.4 s (first document after 21.5 and 23.2 s), the replay 38.8 and 47.5 s (first event after 0.2
            and 0.0 s): 1.35 and 1.08 of the raw scan. At 200,000 events (19:47, load average 1.4): scan 3.9
            and 3.4 s, replay 5.8 and 5.1 s, 0.67 and 0.68.
            """;
}
