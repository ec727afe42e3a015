package dev.segue.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.catalog.CatalogFormat;
import dev.segue.catalog.IngestReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shards' ingest reports as one: what the summary says and which checksum the fingerprint is made of. */
class CatalogReportsTest {

    static IngestReport shard(String name, CatalogFormat format, Map<String, Integer> rejected, String checksum) {
        List<String> samples =
                rejected.keySet().stream().map(r -> "line 2: " + r).toList();
        int bad = rejected.values().stream().mapToInt(Integer::intValue).sum();
        return new IngestReport(name, format, 10, 10 - bad, rejected, samples, checksum);
    }

    static IngestReport combine(IngestReport... shards) {
        CatalogReports fn = new CatalogReports("part-*.csv");
        List<ShardReport> accumulator = fn.createAccumulator();
        for (int i = shards.length - 1; i >= 0; i--) { // arrival order is not file order
            fn.addInput(accumulator, new ShardReport(i, shards[i]));
        }
        return fn.extractOutput(accumulator);
    }

    @Test
    void oneShardKeepsItsReportSoTheFingerprintIsTheServices() {
        IngestReport only = shard("a.csv", CatalogFormat.CSV, Map.of("missing title", 1), "abc");
        assertSame(only, combine(only));
    }

    @Test
    void shardsAddUpReasonsAndGetAChecksumOfTheirChecksums() {
        IngestReport a = shard("part-0.csv", CatalogFormat.CSV, Map.of("missing title", 1), "aaa");
        IngestReport b = shard("part-1.csv", CatalogFormat.CSV, Map.of("missing title", 2, "bad id", 1), "bbb");
        IngestReport both = combine(a, b);
        assertEquals(20, both.rowsRead());
        assertEquals(16, both.accepted());
        assertEquals(Map.of("missing title", 3, "bad id", 1), both.rejectedByReason());
        assertTrue(both.rejectedSamples().get(0).startsWith("part-0.csv line 2"), both.rejectedSamples()::toString);
        assertNotEquals(a.checksum(), both.checksum());
        assertNotEquals(combine(b, a).checksum(), both.checksum(), "the order of the shards is part of the content");
    }

    @Test
    void shardsOfDifferentFormatsOrJamendoShardsAreRefused() {
        IngestReport csv = shard("part-0.csv", CatalogFormat.CSV, Map.of(), "aaa");
        IngestReport jsonl = shard("part-1.jsonl", CatalogFormat.JSONL, Map.of(), "bbb");
        assertThrows(IllegalArgumentException.class, () -> combine(csv, jsonl));
        IngestReport jamendo = shard("part-0.csv", CatalogFormat.JAMENDO, Map.of(), "aaa");
        assertThrows(IllegalArgumentException.class, () -> combine(jamendo, jamendo));
    }

    @Test
    void idsRepeatedAcrossShardsAreRejectedAsDuplicates() {
        IngestReport shards = shard("part-*.csv", CatalogFormat.CSV, Map.of("duplicate id", 1), "abc");
        IngestReport summary = CompleteLoad.withDuplicates(shards, 2, 7);
        assertEquals(3, summary.rejectedByReason().get("duplicate id"));
        assertEquals(7, summary.accepted());
        assertTrue(summary.summary().contains("duplicate id"), summary::summary);
    }
}
