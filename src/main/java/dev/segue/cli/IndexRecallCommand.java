package dev.segue.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.segue.catalog.Catalog;
import dev.segue.catalog.TagCategory;
import dev.segue.catalog.Track;
import dev.segue.embedding.TextEmbedder;
import dev.segue.search.Filters;
import dev.segue.search.Hit;
import dev.segue.search.SearchFilter;
import dev.segue.search.SearchIndex;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code segue index-recall}: how many of the true nearest tracks the index returns. For each query (the bench's
 * prompts, then tag combinations drawn from the catalog), the index's top k is compared with an exact scan of the same
 * vectors through {@link Filters#allows}, the in-memory rules every store must agree with, without a filter and with
 * the filters requests use: one excluded id (a seed), a required tag, an excluded tag.
 */
@Command(
        name = "index-recall",
        mixinStandardHelpOptions = true,
        description =
                "Measure the index's recall@k against an exact scan of the same vectors, with and without filters.")
public class IndexRecallCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--queries", defaultValue = "300", description = "how many queries (default: ${DEFAULT-VALUE})")
    int queries;

    @Option(names = "--k", defaultValue = "20", description = "results compared per query (default: ${DEFAULT-VALUE})")
    int k;

    @Option(
            names = "--prompts",
            paramLabel = "FILE",
            defaultValue = "tools/bench/prompts.txt",
            description = "prompts to start with, one a line (default: ${DEFAULT-VALUE}; skipped when missing)")
    Path prompts;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the results as JSON here")
    Path out;

    @Spec
    CommandSpec spec;

    private final Instance<SearchIndex> index;
    private final TextEmbedder embedder;

    IndexRecallCommand(Instance<SearchIndex> index, TextEmbedder embedder) {
        this.index = index;
        this.embedder = embedder;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        SearchIndex opened = index.get();
        Catalog catalog = opened.catalog();
        ExactScan exact = ExactScan.of(catalog, opened.vectors());
        List<String> texts = queryTexts(catalog);
        Map<String, Function<Query, SearchFilter>> variants = variants();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("tracks", catalog.size());
        results.put("distinctVectors", exact.distinct());
        results.put("queries", texts.size());
        results.put("k", k);
        double lowest = 1.0;
        for (var variant : variants.entrySet()) {
            RecallTally tally = new RecallTally();
            for (String text : texts) {
                float[] vector = embedder.embed(text);
                Query query = new Query(text, vector, exact.top(vector, SearchFilter.NONE, 1));
                SearchFilter filter = variant.getValue().apply(query);
                List<ExactScan.Scored> truth = exact.top(vector, filter, k);
                long start = System.nanoTime();
                List<Hit> found = opened.store().nearest(vector, filter, k);
                tally.add(exact.recall(vector, truth, found, filter), (System.nanoTime() - start) / 1e6);
            }
            results.put(variant.getKey(), tally.summary());
            lowest = Math.min(lowest, tally.meanRecall());
            console.printf(Locale.ROOT, "%-14s %s%n", variant.getKey(), tally.summary());
        }
        results.put("recallAt" + k, lowest); // the weakest filter's mean: what the benchmark's table quotes
        console.printf(Locale.ROOT, "recall@%d, the lowest mean over the filters: %.3f%n", k, lowest);
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            JSON.writeValue(out.toFile(), results);
        }
        return 0;
    }

    /** A query: its text, its vector and the track nearest to it (the "seed" an exclusion leaves out). */
    record Query(String text, float[] vector, List<ExactScan.Scored> nearest) {}

    private Map<String, Function<Query, SearchFilter>> variants() {
        Map<String, Function<Query, SearchFilter>> variants = new LinkedHashMap<>();
        variants.put("unfiltered", q -> SearchFilter.NONE);
        variants.put(
                "excludeSeed",
                q -> SearchFilter.NONE.plusExcludedIds(
                        q.nearest().isEmpty()
                                ? Set.of()
                                : Set.of(q.nearest().get(0).track().id())));
        variants.put("requireTag", q -> SearchFilter.NONE.plusTagGroup(Set.of(firstTag(q))));
        variants.put(
                "excludeTag",
                q -> new SearchFilter(
                        List.of(), Set.of(firstTag(q)), Set.of(), Set.of(), null, null, null, false, null, Set.of()));
        return variants;
    }

    /** The nearest track's first tag: a filter that matters for this query. */
    private static String firstTag(Query q) {
        if (q.nearest().isEmpty()) {
            return "";
        }
        Track seed = q.nearest().get(0).track();
        for (TagCategory category : TagCategory.values()) {
            if (!seed.tags(category).isEmpty()) {
                return seed.tags(category).get(0);
            }
        }
        return "";
    }

    /** The prompts file's lines, then "tag, tag" combinations drawn by frequency from the catalog (fixed seed). */
    private List<String> queryTexts(Catalog catalog) throws IOException {
        List<String> texts = new ArrayList<>();
        if (Files.isRegularFile(prompts)) {
            Files.readAllLines(prompts).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(texts::add);
        }
        Random random = new Random(21);
        List<Track> tracks = catalog.tracks();
        while (texts.size() < queries) {
            Track a = tracks.get(random.nextInt(tracks.size()));
            Track b = tracks.get(random.nextInt(tracks.size()));
            String tagA = a.genres().isEmpty() ? a.title() : a.genres().get(0);
            String tagB = b.moods().isEmpty()
                    ? (b.instruments().isEmpty() ? "" : b.instruments().get(0))
                    : b.moods().get(0);
            texts.add(tagB.isEmpty() ? tagA : tagA + ", " + tagB);
        }
        return texts.subList(0, queries);
    }

    /** Recall and search time per query, summarised as mean, median and tails. */
    private static final class RecallTally {
        private final List<Double> recalls = new ArrayList<>();
        private final List<Double> millis = new ArrayList<>();

        void add(double recall, double ms) {
            recalls.add(recall);
            millis.add(ms);
        }

        double meanRecall() {
            return recalls.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        Map<String, Object> summary() {
            List<Double> r = recalls.stream().sorted().toList();
            List<Double> t = millis.stream().sorted().toList();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put(
                    "meanRecall",
                    round(r.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
            summary.put("minRecall", round(r.isEmpty() ? 0 : r.get(0)));
            summary.put("queriesBelowHalf", r.stream().filter(x -> x < 0.5).count());
            summary.put("searchP50Ms", round(percentile(t, 0.50)));
            summary.put("searchP95Ms", round(percentile(t, 0.95)));
            return summary;
        }

        private static double percentile(List<Double> sorted, double p) {
            return sorted.isEmpty() ? 0 : sorted.get((int) Math.ceil(p * sorted.size()) - 1);
        }

        private static double round(double value) {
            return Math.round(value * 1000) / 1000.0;
        }

        @Override
        public String toString() {
            return summary().toString();
        }
    }
}
