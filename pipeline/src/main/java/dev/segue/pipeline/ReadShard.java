package dev.segue.pipeline;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.CatalogFormat;
import dev.segue.catalog.CatalogIngester;
import dev.segue.catalog.CatalogSource;
import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Reads one catalog shard with the service's own ingester ({@link CatalogIngester}): the same parser, row rules,
 * rejection reasons and checksum as {@code segue ingest}, so nothing about validation is written twice. A shard is
 * held in memory while it is read (as {@code segue ingest} holds a file): keep shards to a few hundred thousand rows.
 */
final class ReadShard extends DoFn<KV<Integer, String>, KV<String, ShardTrack>> {

    static final TupleTag<KV<String, ShardTrack>> TRACKS = new TupleTag<>() {};
    static final TupleTag<ShardReport> REPORTS = new TupleTag<>() {};

    private final String format;
    private final HashMap<String, String> columnMapping;

    ReadShard(String format, Map<String, String> columnMapping) {
        this.format = format;
        this.columnMapping = new HashMap<>(columnMapping);
    }

    @ProcessElement
    public void read(@Element KV<Integer, String> shard, MultiOutputReceiver out) throws IOException {
        int index = shard.getKey();
        Path local = Path.of(shard.getValue());
        Path copy = null;
        if (!Files.isRegularFile(local)) {
            copy = fetch(shard.getValue());
            local = copy;
        }
        try {
            CatalogSource source = new CatalogSource(local.toString(), CatalogFormat.parse(format), columnMapping);
            Catalog catalog = CatalogIngester.ingest(source, ProgressBar.SILENT);
            List<Track> tracks = catalog.tracks();
            for (int position = 0; position < tracks.size(); position++) {
                Track track = tracks.get(position);
                out.get(TRACKS).output(KV.of(track.id(), new ShardTrack(index, position, track)));
            }
            out.get(REPORTS).output(new ShardReport(index, catalog.report()));
        } finally {
            if (copy != null) {
                Files.deleteIfExists(copy);
            }
        }
    }

    /** A shard on a file system of the cluster (gs://, s3://, hdfs://): copied to a local file to be read. */
    private static Path fetch(String spec) throws IOException {
        String name = spec.substring(spec.lastIndexOf('/') + 1);
        Path target = Files.createTempDirectory("segue-shard").resolve(name);
        try (InputStream in = Channels.newInputStream(
                FileSystems.open(FileSystems.matchSingleFileSpec(spec).resourceId()))) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
