package dev.segue.eval.spotify;

import dev.segue.eval.Json;
import dev.segue.eval.spotify.PersonalisationEval.Result;
import dev.segue.eval.spotify.PersonalisationEval.Scores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** report.json (every listener, and means per ranker) and report.md (the table tools/profiles/report.md holds). */
final class PersonalisationReport {

    private PersonalisationReport() {}

    /** Writes both files into {@code out} and returns the markdown. */
    static String write(PersonalisationEval.Outcome outcome, Path out) throws IOException {
        List<Result> all = outcome.results();
        List<Result> heldOut =
                all.stream().filter(r -> "test".equals(r.split())).toList();
        Map<String, Object> summaries = new LinkedHashMap<>();
        for (String ranker : PersonalisationEval.RANKERS.keySet()) {
            summaries.put(ranker, summary(all, ranker));
            summaries.put(ranker + " (ranker test split)", summary(heldOut, ranker));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("listeners", all.size());
        json.put("ranker", outcome.rankerName());
        json.put("summary", summaries);
        json.put("results", all);
        Files.createDirectories(out);
        Json.JSON
                .writerWithDefaultPrettyPrinter()
                .writeValue(out.resolve("report.json").toFile(), json);
        String markdown = markdown(all, heldOut, outcome.rankerName());
        Files.writeString(out.resolve("report.md"), markdown);
        return markdown;
    }

    static Map<String, Double> summary(List<Result> results, String ranker) {
        List<Scores> scores =
                results.stream().map(r -> r.byRanker().get(ranker)).toList();
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("listeners", (double) scores.size());
        out.put("recall@20_plain", mean(scores, Scores::recallPlain));
        out.put("recall@20_personal", mean(scores, Scores::recallPersonal));
        out.put("ndcg@10_plain", mean(scores, Scores::ndcgPlain));
        out.put("ndcg@10_personal", mean(scores, Scores::ndcgPersonal));
        out.put("listeners_better", (double) scores.stream()
                .filter(s -> s.recallPersonal() > s.recallPlain())
                .count());
        out.put("listeners_worse", (double) scores.stream()
                .filter(s -> s.recallPersonal() < s.recallPlain())
                .count());
        return out;
    }

    private static String markdown(List<Result> all, List<Result> heldOut, String rankerName) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, """
                ### Personalisation with simulated listeners (Spotify 30k playlists)

                Each playlist's first half is a listener's history (plays, sent to the service's
                `POST /api/users/{id}/events`), the second half is the target, the playlist's title is the prompt;
                20 tracks from `POST /api/playlists`, offline planner, a local Segue on the same catalog. Rankers: the
                foundation scorer (options.ranker none) and the transformer ranker (%s), which reads the history as
                context tokens. The transformer trained on the train split's playlists ("first tracks -> the rest"), so
                only its test-split rows (%d listeners) are held out for it.

                | ranker | listeners | recall@20 without → with history | ratio | NDCG@10 without → with history | ratio | better / worse / same |
                |---|---:|---:|---:|---:|---:|---:|
                """, rankerName, heldOut.size()));
        for (String ranker : PersonalisationEval.RANKERS.keySet()) {
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

    private static double mean(List<Scores> scores, ToDoubleFunction<Scores> metric) {
        return scores.stream().mapToDouble(metric).average().orElse(0);
    }
}
