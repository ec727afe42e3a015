package dev.segue.pipeline;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.IngestReport;
import dev.segue.catalog.Track;
import dev.segue.search.SearchIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The load as a Beam graph: shards are read and validated in parallel, ids deduplicated across shards, the catalog's
 * checksum and BM25 length statistic combined from all of them, each distinct text embedded once, and points written
 * in idempotent batches; the collection is marked as loading before the first batch and complete after the last.
 */
final class CatalogPipeline {

    private CatalogPipeline() {}

    /** Adds the load of these shards (sorted: their order decides which of two equal ids wins) to a pipeline. */
    static PCollection<String> define(
            Pipeline pipeline,
            CatalogLoadOptions options,
            List<String> shards,
            Map<String, String> columnMapping,
            QdrantTarget target) {
        registerCoders(pipeline.getCoderRegistry());
        PCollectionTuple read = read(pipeline, options.getFormat(), shards, columnMapping);
        PCollection<ShardReport> shardReports = read.get(ReadShard.REPORTS).setCoder(JsonCoder.of(ShardReport.class));

        PCollectionTuple unique = read.get(ReadShard.TRACKS)
                .apply("Group by id", GroupByKey.create())
                .apply(
                        "Keep the first of an id",
                        ParDo.of(new FirstOccurrence())
                                .withOutputTags(FirstOccurrence.KEPT, TupleTagList.of(FirstOccurrence.DUPLICATES)));
        PCollection<Track> tracks = unique.get(FirstOccurrence.KEPT).setCoder(JsonCoder.of(Track.class));
        PCollectionView<Long> duplicates = unique.get(FirstOccurrence.DUPLICATES)
                .setCoder(VarLongCoder.of())
                .apply("Count duplicates", Sum.longsGlobally().asSingletonView());

        PCollection<IngestReport> report = shardReports
                .apply(
                        "Combine reports",
                        Combine.globally(new CatalogReports(options.getCatalog()))
                                .withoutDefaults())
                .setCoder(JsonCoder.of(IngestReport.class));
        PCollectionView<String> fingerprint = report.apply(
                        "Fingerprint",
                        MapElements.into(TypeDescriptors.strings())
                                .via(r -> SearchIndex.fingerprint(new Catalog(List.of(), r))))
                .apply("Prepare collection", ParDo.of(new PrepareCollection(target)))
                .apply("Fingerprint view", View.asSingleton());
        PCollectionView<Float> averageLength =
                tracks.apply("Name lengths", Combine.globally(new NameLengths()).asSingletonView());

        int groups = options.getTextGroups();
        PCollection<Long> written = tracks.apply(
                        "Key by text group",
                        WithKeys.of((Track t) -> EmbedTexts.group(t, groups)).withKeyType(TypeDescriptors.integers()))
                .setCoder(KvCoder.of(VarIntCoder.of(), JsonCoder.of(Track.class)))
                .apply("Group by text group", GroupByKey.create())
                .apply("Embed distinct texts", ParDo.of(new EmbedTexts(options.getEmbedBatchSize())))
                .setCoder(EmbeddedTrackCoder.of())
                .apply(
                        "Upsert points",
                        ParDo.of(new WritePoints(target, fingerprint, averageLength))
                                .withSideInputs(fingerprint, averageLength))
                .setCoder(VarLongCoder.of());
        PCollectionView<IngestReport> reportView = report.apply("Report view", View.asSingleton());
        return written.apply("Count points", Sum.longsGlobally())
                .apply(
                        "Complete load",
                        ParDo.of(new CompleteLoad(target, fingerprint, reportView, duplicates))
                                .withSideInputs(fingerprint, reportView, duplicates))
                .setCoder(StringUtf8Coder.of());
    }

    /** Each shard read and validated by one worker; shards spread over the workers. */
    private static PCollectionTuple read(
            Pipeline pipeline, String format, List<String> shards, Map<String, String> columnMapping) {
        List<KV<Integer, String>> numbered = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            numbered.add(KV.of(i, shards.get(i)));
        }
        PCollectionTuple read = pipeline.apply(
                        "List shards",
                        Create.of(numbered).withCoder(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of())))
                .apply("Spread shards", Reshuffle.viaRandomKey())
                .apply(
                        "Read and validate rows",
                        ParDo.of(new ReadShard(format, columnMapping))
                                .withOutputTags(ReadShard.TRACKS, TupleTagList.of(ReadShard.REPORTS)));
        read.get(ReadShard.TRACKS).setCoder(KvCoder.of(StringUtf8Coder.of(), JsonCoder.of(ShardTrack.class)));
        return read;
    }

    /** The service's records travel as JSON, also where Beam picks a coder itself (inside Combine). */
    private static void registerCoders(CoderRegistry registry) {
        registry.registerCoderForClass(Track.class, JsonCoder.of(Track.class));
        registry.registerCoderForClass(IngestReport.class, JsonCoder.of(IngestReport.class));
        registry.registerCoderForClass(ShardTrack.class, JsonCoder.of(ShardTrack.class));
        registry.registerCoderForClass(ShardReport.class, JsonCoder.of(ShardReport.class));
        registry.registerCoderForClass(EmbeddedTrack.class, EmbeddedTrackCoder.of());
    }
}
