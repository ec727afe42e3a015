package dev.segue.pipeline;

import dev.segue.catalog.CatalogFormat;
import dev.segue.catalog.IngestReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.Combine.CombineFn;

/**
 * The shards' reports as one {@link IngestReport}. One shard's is kept as it is, so its checksum, and with it the
 * index fingerprint, is the one {@code segue ingest} and the service compute for that file: the service opens the
 * collection without rebuilding. Several shards get a checksum of their checksums in file order.
 */
final class CatalogReports extends CombineFn<ShardReport, List<ShardReport>, IngestReport> {

    private static final int MAX_SAMPLES = 10;

    private final String catalog;

    CatalogReports(String catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<ShardReport> createAccumulator() {
        return new ArrayList<>();
    }

    @Override
    public List<ShardReport> addInput(List<ShardReport> reports, ShardReport report) {
        reports.add(report);
        return reports;
    }

    @Override
    public List<ShardReport> mergeAccumulators(Iterable<List<ShardReport>> parts) {
        List<ShardReport> all = new ArrayList<>();
        parts.forEach(all::addAll);
        return all;
    }

    @Override
    public Coder<List<ShardReport>> getAccumulatorCoder(CoderRegistry registry, Coder<ShardReport> input) {
        return ListCoder.of(JsonCoder.of(ShardReport.class));
    }

    @Override
    public IngestReport extractOutput(List<ShardReport> reports) {
        List<IngestReport> shards = reports.stream()
                .sorted(Comparator.comparingInt(ShardReport::shard))
                .map(ShardReport::report)
                .toList();
        if (shards.isEmpty()) {
            throw new IllegalStateException("no catalog shard was read from " + catalog);
        }
        if (shards.size() == 1) {
            return shards.get(0);
        }
        CatalogFormat format = shards.get(0).format();
        long rowsRead = 0;
        int accepted = 0;
        Map<String, Integer> rejected = new LinkedHashMap<>();
        List<String> samples = new ArrayList<>();
        StringBuilder checksums = new StringBuilder();
        for (IngestReport shard : shards) {
            if (shard.format() != format) {
                throw new IllegalArgumentException("the shards of " + catalog + " are not all of one format: "
                        + shard.source() + " is " + shard.format() + ", the first is " + format);
            }
            rowsRead += shard.rowsRead();
            accepted += shard.accepted();
            shard.rejectedByReason().forEach((reason, n) -> rejected.merge(reason, n, Integer::sum));
            for (String sample : shard.rejectedSamples()) {
                if (samples.size() < MAX_SAMPLES) {
                    samples.add(shard.source() + " " + sample);
                }
            }
            checksums.append(shard.checksum()).append('\n');
        }
        if (format == CatalogFormat.JAMENDO) {
            // Its popularity is a percentile over the whole file (JamendoRowMapper.finish): shards would rank alone.
            throw new IllegalArgumentException("a Jamendo catalog ranks popularity over the whole file:"
                    + " give it as one file, not " + shards.size() + " shards");
        }
        return new IngestReport(catalog, format, rowsRead, accepted, rejected, samples, sha256(checksums.toString()));
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
