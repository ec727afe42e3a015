package dev.segue.pipeline;

import dev.segue.catalog.Track;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * One track per id across shards: the first in shard order, as {@code segue ingest} keeps the first row of an id and
 * rejects the others as "duplicate id" (within a shard the ingester has done so already).
 */
final class FirstOccurrence extends DoFn<KV<String, Iterable<ShardTrack>>, Track> {

    static final TupleTag<Track> KEPT = new TupleTag<>() {};
    /** One element per track rejected as a duplicate of an earlier shard's, for the summary. */
    static final TupleTag<Long> DUPLICATES = new TupleTag<>() {};

    private final Counter duplicates = Metrics.counter(FirstOccurrence.class, "duplicate-ids");

    @ProcessElement
    public void keepFirst(@Element KV<String, Iterable<ShardTrack>> byId, MultiOutputReceiver out) {
        ShardTrack first = null;
        long count = 0;
        for (ShardTrack candidate : byId.getValue()) {
            count++;
            if (first == null || candidate.before(first)) {
                first = candidate;
            }
        }
        if (first == null) {
            return;
        }
        out.get(KEPT).output(first.track());
        if (count > 1) {
            duplicates.inc(count - 1);
            out.get(DUPLICATES).output(count - 1);
        }
    }
}
