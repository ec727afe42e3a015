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

    record Result(String playlist, String title, int history, int target, double recallPlain, double recallPersonal,
            double ndcgPlain, double ndcgPersonal) {
    }

    private PersonalisationEval() {
    }

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
            System.err.println("no Spotify data at " + data + " (see shared/data/spotify-30k-songs/SOURCE.md); nothing to evaluate");
            System.exit(2);
        }
        Files.createDirectories(out);
        ProgressBar progress = ProgressBar.console("profile eval");
        Catalog catalog = CatalogIngester.ingest(CatalogSource.of(data.resolve("tracks_unique.csv").toString(), "spotify", null),
                progress.child("reading catalog"));
        try (TextEmbedder embedder = new TextEmbedder();
                LuceneVectorStore store = new LuceneVectorStore(out.resolve("index"))) {
            SearchIndex index = SearchIndex.open(catalog, store, embedder, progress);
            SearchTools tools = new SearchTools(index, embedder);
            OfflinePlanner offline = new OfflinePlanner(new IntentParser(catalog, Lexicon.load(), embedder), tools, embedder);
            JdbcDataSource db = new JdbcDataSource();
            db.setURL("jdbc:h2:mem:profile-eval;DB_CLOSE_DELAY=-1");
            Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
            ProfileService profiles = new ProfileService(db, catalog, index.vectors());
            PlaylistService playlists = new PlaylistService(option -> offline, offline, new BaselineScorer(tools),
                    new Assembler(index.vectors()), new Explainer(catalog), null, catalog, "Spotify", profiles);

            Map<String, String> titles = new LinkedHashMap<>();
            for (Map<String, String> row : rows(data.resolve("playlists.csv").toFile())) {
                titles.put(row.get("playlist_id"), row.get("playlist_name"));
            }
            Map<String, List<String>> members = new LinkedHashMap<>();
            for (Map<String, String> row : rows(data.resolve("playlist_tracks.csv").toFile())) {
                members.computeIfAbsent(row.get("playlist_id"), k -> new ArrayList<>()).add("spotify:" + row.get("track_id"));
            }
            List<Result> results = new ArrayList<>();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (Map.Entry<String, List<String>> playlist : members.entrySet()) {
                List<String> tracks = playlist.getValue().stream().filter(id -> catalog.find(id).isPresent()).toList();
                String title = titles.get(playlist.getKey());
                if (tracks.size() < 10 || title == null || title.isBlank() || results.size() >= limit) {
                    continue;
                }
                List<String> history = tracks.subList(0, tracks.size() / 2);
                Set<String> target = new HashSet<>(tracks.subList(tracks.size() / 2, tracks.size()));
                String user = "listener-" + playlist.getKey();
                List<ListeningEvent> events = new ArrayList<>();
                for (int i = 0; i < history.size(); i++) {
                    events.add(new ListeningEvent(history.get(i), ListeningEvent.Type.PLAY, now.minusSeconds(60L * (history.size() - i))));
                }
                profiles.add(user, events);
                List<String> plain = ids(playlists, title, null);
                List<String> personal = ids(playlists, title, user);
                results.add(new Result(playlist.getKey(), title, history.size(), target.size(), recall(plain, target, 20),
                        recall(personal, target, 20), ndcg(plain, target, 10), ndcg(personal, target, 10)));
                profiles.delete(user);
            }
            Path json = out.resolve("report.json");
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), Map.of("listeners", results.size(),
                    "summary", summary(results), "results", results));
            String markdown = markdown(results);
            Files.writeString(out.resolve("report.md"), markdown);
            System.out.print(markdown);
            System.out.println("wrote " + json + " and " + out.resolve("report.md"));
        }
        System.exit(0);
    }

    private static List<String> ids(PlaylistService playlists, String prompt, String user) {
        return playlists.compose(new PlaylistService.CreateCommand(prompt, 20, null, null, List.of(), List.of(), user,
                "offline", "none", null)).playlist().tracks().stream().map(PlaylistTrack::id).toList();
    }

    static double recall(List<String> ranked, Set<String> target, int k) {
        return target.isEmpty() ? 0 : ranked.stream().limit(k).filter(target::contains).count() / (double) target.size();
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

    private static Map<String, Double> summary(List<Result> results) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("recall@20_plain", mean(results.stream().mapToDouble(Result::recallPlain).toArray()));
        out.put("recall@20_personal", mean(results.stream().mapToDouble(Result::recallPersonal).toArray()));
        out.put("ndcg@10_plain", mean(results.stream().mapToDouble(Result::ndcgPlain).toArray()));
        out.put("ndcg@10_personal", mean(results.stream().mapToDouble(Result::ndcgPersonal).toArray()));
        out.put("listeners_better", (double) results.stream().filter(r -> r.recallPersonal() > r.recallPlain()).count());
        out.put("listeners_worse", (double) results.stream().filter(r -> r.recallPersonal() < r.recallPlain()).count());
        return out;
    }

    private static String markdown(List<Result> results) {
        Map<String, Double> s = summary(results);
        return String.format(Locale.ROOT, """
                ### Personalisation with simulated listeners (Spotify 30k playlists)

                %d listeners: each playlist's first half is the listener's history (plays), the second half is the
                target, the playlist's title is the prompt; 20 tracks, offline planner, baseline scorer, same catalog.

                | | without history | with history | ratio |
                |---|---:|---:|---:|
                | recall@20 | %.4f | %.4f | %.2f× |
                | NDCG@10 | %.4f | %.4f | %.2f× |

                Listeners better off: %.0f, worse off: %.0f, the same: %d.
                Command: `tools/profiles/evaluate` (writes target/profile-eval/report.{json,md}).
                """, results.size(), s.get("recall@20_plain"), s.get("recall@20_personal"),
                ratio(s.get("recall@20_personal"), s.get("recall@20_plain")), s.get("ndcg@10_plain"),
                s.get("ndcg@10_personal"), ratio(s.get("ndcg@10_personal"), s.get("ndcg@10_plain")),
                s.get("listeners_better"), s.get("listeners_worse"),
                results.size() - s.get("listeners_better").intValue() - s.get("listeners_worse").intValue());
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
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file)) {
            return it.readAll();
        }
    }
}
