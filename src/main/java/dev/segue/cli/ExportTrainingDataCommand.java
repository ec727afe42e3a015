package dev.segue.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segue.catalog.Catalog;
import dev.segue.catalog.CatalogSource;
import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import dev.segue.embedding.TextEmbedder;
import dev.segue.embedding.TrackText;
import dev.segue.ranking.RankerFeatures;
import dev.segue.search.SearchIndex;
import jakarta.enterprise.inject.Instance;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code segue export-training-data}: what tools/ranker trains and evaluates on, computed by the beans that serve (so
 * training sees exactly the features serving computes): the configured catalog as ingested, every track's vector from
 * its index, and with --queries, each query's candidate pool with the foundation scorer's evidence as
 * {@link RankerFeatures}.
 *
 * <p>Files (float32/int32 little-endian, row-major): tracks.jsonl, track_vectors.f32 (tracks × 384),
 * track_features.f32 (tracks × TRACK); with --queries, those of {@link CandidatePoolWriter}; manifest.json names the
 * dimensions and feature columns.
 */
@Command(
        name = "export-training-data",
        mixinStandardHelpOptions = true,
        description = "Write the configured catalog's vectors and features (and candidate pools) for tools/ranker.",
        footer = {
            "",
            // Lines under 80 characters: picocli wraps longer ones at 80, which breaks them in two.
            "The catalog is the one the service would serve: SEGUE_CATALOG_PATH and",
            "SEGUE_CATALOG_FORMAT (the demo catalog when unset); its index is opened, or",
            "built, in SEGUE_DATA_DIR."
        })
public class ExportTrainingDataCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "where the files go")
    Path out;

    @Option(
            names = "--queries",
            paramLabel = "FILE",
            description = "JSONL, one request a line: {\"qid\", \"prompt\", \"seeds\"?, \"expected\"?, \"candidates\"?}"
                    + " (see CandidatePoolWriter)")
    Path queries;

    @Spec
    CommandSpec spec;

    private final Instance<SearchIndex> index;
    private final Instance<CandidatePoolWriter> pools;
    private final CatalogSource source;

    ExportTrainingDataCommand(Instance<SearchIndex> index, Instance<CandidatePoolWriter> pools, CatalogSource source) {
        this.index = index;
        this.pools = pools;
        this.source = source;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        Files.createDirectories(out);
        SearchIndex opened = index.get();
        Catalog catalog = opened.catalog();
        console.println(catalog.report().summary());
        writeTracks(opened);
        CandidatePoolWriter.Counts counts = queries == null
                ? new CandidatePoolWriter.Counts(0, 0)
                : pools.get().write(queries, out, ProgressBar.console("export").child("planning"));
        writeManifest(catalog, counts);
        console.printf(
                "wrote %,d tracks, %,d requests, %,d candidates to %s%n",
                catalog.size(), counts.requests(), counts.candidates(), out);
        return 0;
    }

    private void writeTracks(SearchIndex index) throws IOException {
        try (BufferedWriter lines = Files.newBufferedWriter(out.resolve("tracks.jsonl"), StandardCharsets.UTF_8);
                LittleEndianFile vectors = new LittleEndianFile(out.resolve("track_vectors.f32"));
                LittleEndianFile features = new LittleEndianFile(out.resolve("track_features.f32"))) {
            for (Track track : index.catalog().tracks()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", track.id());
                row.put("title", track.title());
                row.put("artist", track.artist());
                row.put("year", track.year());
                row.put("popularity", track.popularity());
                row.put("genres", track.genres());
                row.put("moods", track.moods());
                row.put("instruments", track.instruments());
                lines.write(JSON.writeValueAsString(row));
                lines.newLine();
                vectors.write(index.vector(track));
                features.write(RankerFeatures.track(track));
            }
        }
    }

    private void writeManifest(Catalog catalog, CandidatePoolWriter.Counts counts) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("catalog", source.displayName());
        manifest.put("catalogChecksum", catalog.checksum());
        manifest.put("tracks", catalog.size());
        manifest.put("embeddingModel", TextEmbedder.MODEL_ID);
        manifest.put("trackText", TrackText.VERSION);
        manifest.put("dimension", TextEmbedder.DIMENSION);
        manifest.put("trackFeatures", RankerFeatures.TRACK);
        manifest.put("candidateFeatures", RankerFeatures.CANDIDATE);
        manifest.put("requests", counts.requests());
        manifest.put("candidates", counts.candidates());
        JSON.writerWithDefaultPrettyPrinter()
                .writeValue(out.resolve("manifest.json").toFile(), manifest);
    }
}
