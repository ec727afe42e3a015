package dev.segue.profile;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.segue.catalog.Catalog;
import dev.segue.catalog.CatalogIngester;
import dev.segue.catalog.CatalogSource;
import dev.segue.catalog.ProgressBar;
import dev.segue.embedding.TextEmbedder;
import dev.segue.planner.IntentParser;
import dev.segue.planner.Lexicon;
import dev.segue.planner.OfflinePlanner;
import dev.segue.playlist.Assembler;
import dev.segue.playlist.Explainer;
import dev.segue.playlist.PlaylistService;
import dev.segue.playlist.PlaylistTrack;
import dev.segue.ranking.BaselineScorer;
import dev.segue.ranking.TransformerRanker;
import dev.segue.search.LuceneVectorStore;
import dev.segue.search.SearchIndex;
import dev.segue.search.SearchTools;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Simulated listeners from real playlists (shared/data/spotify-30k-songs): each playlist's first half is a listener's
 * history (plays), its second half the target; the playlist's title is the prompt. Recall@20 and NDCG@10 of the
 * playlist made for that listener, with and without their history, over the same catalog and pipeline.
 *
 *   tools/profiles/evaluate [--data ../shared/data/spotify-30k-songs] [--out target/profile-eval] [--limit N]
 */
public final class PersonalisationEval {

    /** One listener's scores, without and with their history, by ranker ("baseline", "transformer"). */
    record Result(String playlist, String title, String split, int history, int target, Map<String, Scores> byRanker) {}

    record Scores(double recallPlain, double recallPersonal, double ndcgPlain, double ndcgPersonal) {}

    /** options.ranker per column of the report. */
    private static final Map<String, String> RANKERS = Map.of("baseline", "none", "transformer", "auto");

    private PersonalisationEval() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of("..", "shared", "data", "spotify-30k-songs");
        Path out = Path.of("target", "profile-eval");
        int limit = Integer.MAX_VALUE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!Files.isRegularFile(data.resolve("tracks_unique.csv"))) {
            System.err.println("no Spotify data at " + data
                    + " (see shared/data/spotify-30k-songs/SOURCE.md); nothing to evaluate");
            System.exit(2);
        }
        Files.createDirectories(out);
        ProgressBar progress = ProgressBar.console("profile eval");
        Catalog catalog = CatalogIngester.ingest(
                CatalogSource.of(data.resolve("tracks_unique.csv").toString(), "spotify", null),
                progress.child("reading catalog"));
        try (TextEmbedder embedder = new TextEmbedder();
                LuceneVectorStore store = new LuceneVectorStore(out.resolve("index"))) {
            SearchIndex index = SearchIndex.open(catalog, store, embedder, progress);
            SearchTools tools = new SearchTools(index, embedder);
            OfflinePlanner offline =
                    new OfflinePlanner(new IntentParser(catalog, Lexicon.load(), embedder), tools, embedder);
            JdbcDataSource db = new JdbcDataSource();
            db.setURL("jdbc:h2:mem:profile-eval;DB_CLOSE_DELAY=-1");
            Flyway.configure()
                    .dataSource(db)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            ProfileService profiles = new ProfileService(db, catalog, index.vectors());
            // The shipped ranker, as the service runs it (its context tokens are where the history goes in).
            TransformerRanker ranker =
                    TransformerRanker.load(TransformerRanker.DEFAULT_MODEL, index.vectors(), embedder);
            System.out.println("ranker: " + ranker.name());
            PlaylistService playlists = new PlaylistService(
                    option -> offline,
                    offline,
                    new BaselineScorer(tools),
                    ranker,
                    new Assembler(index.vectors()),
                    new Explainer(catalog),
                    null,
                    catalog,
                    "Spotify",
                    profiles);

            Map<String, String> titles = new LinkedHashMap<>();
            for (Map<String, String> row : rows(data.resolve("playlists.csv").toFile())) {
                titles.put(row.get("playlist_id"), row.get("playlist_name"));
            }
            Map<String, List<String>> members = new LinkedHashMap<>();
            for (Map<String, String> row :
                    rows(data.resolve("playlist_tracks.csv").toFile())) {
                members.computeIfAbsent(row.get("playlist_id"), k -> new ArrayList<>())
                        .add("spotify:" + row.get("track_id"));
            }
            List<Result> results = new ArrayList<>();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (Map.Entry<String, List<String>> playlist : members.entrySet()) {
                List<String> tracks = playlist.getValue().stream()
                        .filter(id -> catalog.find(id).isPresent())
                        .toList();
                String title = titles.get(playlist.getKey());
                if (tracks.size() < 10 || title == null || title.isBlank() || results.size() >= limit) {
                    continue;
                }
                List<String> history = tracks.subList(0, tracks.size() / 2);
                Set<String> target = new HashSet<>(tracks.subList(tracks.size() / 2, tracks.size()));
                String user = "listener-" + playlist.getKey();
                List<ListeningEvent> events = new ArrayList<>();
                for (int i = 0; i < history.size(); i++) {
                    events.add(new ListeningEvent(
                            history.get(i), ListeningEvent.Type.PLAY, now.minusSeconds(60L * (history.size() - i))));
                }
                profiles.add(user, events);
                Map<String, Scores> byRanker = new LinkedHashMap<>();
                for (String name : List.of("baseline", "transformer")) {
                    List<String> plain = ids(playlists, title, null, RANKERS.get(name));
                    List<String> personal = ids(playlists, title, user, RANKERS.get(name));
                    byRanker.put(
                            name,
                            new Scores(
                                    recall(plain, target, 20),
                                    recall(personal, target, 20),
                                    ndcg(plain, target, 10),
                                    ndcg(personal, target, 10)));
                }
                results.add(new Result(
                        playlist.getKey(), title, rankerSplit(title), history.size(), target.size(), byRanker));
                profiles.delete(user);
            }
            Path json = out.resolve("report.json");
            List<Result> heldOut =
                    results.stream().filter(r -> "test".equals(r.split())).toList();
            Map<String, Object> summaries = new LinkedHashMap<>();
            for (String name : RANKERS.keySet().stream().sorted().toList()) {
                summaries.put(name, summary(results, name));
                summaries.put(name + " (ranker test split)", summary(heldOut, name));
            }
            new ObjectMapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValue(
                            json.toFile(),
                            Map.of(
                                    "listeners",
                                    results.size(),
                                    "ranker",
                                    ranker.name(),
                                    "summary",
                                    summaries,
                                    "results",
                                    results));
            String markdown = markdown(results, heldOut, ranker.name());
            Files.writeString(out.resolve("report.md"), markdown);
            System.out.print(markdown);
            System.out.println("wrote " + json + " and " + out.resolve("report.md"));
        }
        System.exit(0);
    }

    private static List<String> ids(PlaylistService playlists, String prompt, String user, String ranker) {
        return playlists
                .compose(new PlaylistService.CreateCommand(
                        prompt, 20, null, null, List.of(), List.of(), user, "offline", ranker, null))
                .playlist()
                .tracks()
                .stream()
                .map(PlaylistTrack::id)
                .toList();
    }

    /**
     * The split tools/ranker/queries.py gave this playlist's title (train, val or test): the transformer ranker trained
     * on the train split's "first tracks -> the rest" examples, which is this evaluation's task, so its honest numbers
     * are those of the test split.
     */
    static String rankerSplit(String title) {
        String normalised =
                title.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-z]+", " ").strip();
        String key = "spotify-playlist:" + (normalised.isEmpty() ? title.strip() : normalised);
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            long top = 0;
            for (int i = 0; i < 6; i++) {
                top = (top << 8) | (digest[i] & 0xff);
            }
            double h = top / (double) (1L << 48);
            return h < 0.70 ? "train" : h < 0.85 ? "val" : "test";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static double recall(List<String> ranked, Set<String> target, int k) {
        return target.isEmpty()
                ? 0
                : ranked.stream().limit(k).filter(target::contains).count() / (double) target.size();
    }

    static double ndcg(List<String> ranked, Set<String> target, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (target.contains(ranked.get(i))) {
                dcg += 1 / (Math.log(i + 2) / Math.log(2));
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, target.size()); i++) {
            ideal += 1 / (Math.log(i + 2) / Math.log(2));
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static Map<String, Double> summary(List<Result> results, String ranker) {
        List<Scores> scores =
                results.stream().map(r -> r.byRanker().get(ranker)).toList();
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("listeners", (double) scores.size());
        out.put(
                "recall@20_plain",
                mean(scores.stream().mapToDouble(Scores::recallPlain).toArray()));
        out.put(
                "recall@20_personal",
                mean(scores.stream().mapToDouble(Scores::recallPersonal).toArray()));
        out.put(
                "ndcg@10_plain",
                mean(scores.stream().mapToDouble(Scores::ndcgPlain).toArray()));
        out.put(
                "ndcg@10_personal",
                mean(scores.stream().mapToDouble(Scores::ndcgPersonal).toArray()));
        out.put("listeners_better", (double) scores.stream()
                .filter(r -> r.recallPersonal() > r.recallPlain())
                .count());
        out.put("listeners_worse", (double) scores.stream()
                .filter(r -> r.recallPersonal() < r.recallPlain())
                .count());
        return out;
    }

    private static String markdown(List<Result> all, List<Result> heldOut, String rankerName) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, """
                ### Personalisation with simulated listeners (Spotify 30k playlists)

                Each playlist's first half is a listener's history (plays), the second half is the target, the
                playlist's title is the prompt; 20 tracks, offline planner, same catalog. Rankers: the foundation
                scorer (options.ranker none) and the transformer ranker (%s), which reads the history as context
                tokens. The transformer trained on the train split's playlists ("first tracks -> the rest"), so only
                its test-split rows (%d listeners) are held out for it.

                | ranker | listeners | recall@20 without → with history | ratio | NDCG@10 without → with history | ratio | better / worse / same |
                |---|---:|---:|---:|---:|---:|---:|
                """, rankerName, heldOut.size()));
        for (String ranker : List.of("baseline", "transformer")) {
            md.append(row(ranker + ", all listeners", summary(all, ranker)));
            md.append(row(ranker + ", ranker test split", summary(heldOut, ranker)));
        }
        md.append("\nCommand: `tools/profiles/evaluate` (writes target/profile-eval/report.{json,md}).\n");
        return md.toString();
    }

    private static String row(String label, Map<String, Double> s) {
        int n = s.get("listeners").intValue();
        int better = s.get("listeners_better").intValue();
        int worse = s.get("listeners_worse").intValue();
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.4f → %.4f | %.2f× | %.4f → %.4f | %.2f× | %d / %d / %d |%n",
                label,
                n,
                s.get("recall@20_plain"),
                s.get("recall@20_personal"),
                ratio(s.get("recall@20_personal"), s.get("recall@20_plain")),
                s.get("ndcg@10_plain"),
                s.get("ndcg@10_personal"),
                ratio(s.get("ndcg@10_personal"), s.get("ndcg@10_plain")),
                better,
                worse,
                n - better - worse);
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    private static List<Map<String, String>> rows(File file) throws Exception {
        try (MappingIterator<Map<String, String>> it = new CsvMapper()
                .readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(file)) {
            return it.readAll();
        }
    }
}
