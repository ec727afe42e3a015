package dev.segue.dj;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.TagCategory;
import dev.segue.catalog.Tags;
import dev.segue.catalog.Track;
import dev.segue.config.SegueConfig;
import dev.segue.embedding.Vectors;
import dev.segue.planner.Energy;
import dev.segue.planner.Intent;
import dev.segue.planner.OfflinePlanner;
import dev.segue.planner.Plan;
import dev.segue.planner.PlanRequest;
import dev.segue.planner.TagGroup;
import dev.segue.profile.Personalisation;
import dev.segue.ranking.BaselineScorer;
import dev.segue.ranking.ScoredTrack;
import dev.segue.search.Candidate;
import dev.segue.search.Filters;
import dev.segue.search.SearchFilter;
import dev.segue.search.SearchTools;
import dev.segue.trace.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the next segment of a DJ session: candidates from the same retrieval the playlists use (the session's intent,
 * steered by likes, skips and one-segment wishes), then a greedy choice that balances fit, a smooth transition from the
 * track before (or a deliberate contrast after "switch it up") and the energy the session's arc asks for, never
 * repeating a track and keeping an artist to once per {@code artistGap} tracks.
 */
@ApplicationScoped
class DjPlanner {

    record Planned(List<ScoredTrack> tracks, double energy, double target, String phase) {}

    private static final int POOL = 150;
    private static final List<String> HIGH_ENERGY = List.of(
            "energetic",
            "upbeat",
            "powerful",
            "fast",
            "party",
            "sport",
            "action",
            "heavy",
            "motivational",
            "dance",
            "edm",
            "techno",
            "drumnbass");
    private static final List<String> LOW_ENERGY =
            List.of("calm", "relaxing", "soft", "meditative", "slow", "ambient", "chillout", "downtempo", "newage");

    private final OfflinePlanner retrieval;
    private final SearchTools tools;
    private final BaselineScorer scorer;
    private final int tracksPerSegment;
    private final int artistGap;

    DjPlanner(OfflinePlanner retrieval, SearchTools tools, BaselineScorer scorer, SegueConfig config) {
        this.retrieval = retrieval;
        this.tools = tools;
        this.scorer = scorer;
        this.tracksPerSegment = Math.max(2, Math.min(4, config.dj().tracksPerSegment()));
        this.artistGap = Math.max(1, config.dj().artistGap());
    }

    /** The arc over the session: build for the first 40%, peak until 75%, then cool down. */
    static double arc(double progress) {
        double x = Math.max(0, Math.min(1, progress));
        if (x < 0.4) {
            return 0.35 + 0.4 * (x / 0.4);
        }
        if (x < 0.75) {
            return 0.8;
        }
        return 0.8 - 0.4 * ((x - 0.75) / 0.25);
    }

    static String phase(double progress) {
        return progress < 0.4 ? "building the energy" : progress < 0.75 ? "at the peak" : "winding down";
    }

    Planned plan(DjState s, Personalisation taste, Trace trace) {
        double progress = s.playedSeconds() / (s.minutes() * 60.0);
        double target = Math.max(0.1, Math.min(0.95, arc(progress) + s.energyBias()));
        Catalog catalog = tools.catalog();
        Set<String> exclude = new HashSet<>(s.played());
        exclude.addAll(s.skipped());
        List<String> seeds = new ArrayList<>(s.moreLike());
        s.liked().stream().skip(Math.max(0, s.liked().size() - 5)).forEach(seeds::add);
        Intent intent = withEnergyWish(s.intent(), s.energyBias());
        Plan plan = retrieval.retrieve(
                intent,
                PlanRequest.forPrompt("")
                        .withSeeds(seeds)
                        .withExcludedTracks(exclude)
                        .withExpectedTracks(POOL / 6)
                        .withPersonalisation(taste),
                trace);
        float[] query = plan.queryVector();
        List<float[]> skippedVectors = s.skipped().stream()
                .skip(Math.max(0, s.skipped().size() - 5))
                .map(id -> tools.index().vectors().of(id))
                .filter(v -> v != null)
                .toList();
        if (!skippedVectors.isEmpty()) {
            // A skip moves the session away from that track's neighbourhood.
            query = Vectors.blend(query, 1.0, Vectors.centroid(skippedVectors), -0.35);
        }
        SearchFilter hard = plan.hardFilter();
        Map<String, Candidate> pool = new LinkedHashMap<>();
        plan.candidates().forEach(c -> pool.put(c.track().id(), c));

        if (Math.abs(s.energyBias()) >= 0.1) {
            // "More energy" must keep working after the first segment: make sure the pool holds such tracks.
            List<String> energyTags = (s.energyBias() > 0 ? HIGH_ENERGY : LOW_ENERGY)
                    .stream().filter(t -> catalog.categoryOf(t).isPresent()).toList();
            if (!energyTags.isEmpty()) {
                tools.searchByVector(query, "energy", hard.plusTagGroup(new LinkedHashSet<>(energyTags)), 80, trace)
                        .forEach(c -> pool.putIfAbsent(c.track().id(), c));
            }
        }
        Track previous = s.played().isEmpty()
                ? null
                : catalog.find(s.played().get(s.played().size() - 1)).orElse(null);
        Set<String> only = null;
        if (!s.focusNext().isEmpty()) {
            List<Candidate> focus = tools.searchByVector(
                    query,
                    String.join(", ", s.focusNext()),
                    hard.withArtists(Set.of()).plusTagGroup(new LinkedHashSet<>(s.focusNext())),
                    60,
                    trace);
            focus.forEach(c -> pool.putIfAbsent(c.track().id(), c));
            only = new HashSet<>();
            for (Candidate c : focus) {
                only.add(c.track().id());
            }
        } else if (s.contrastNext()) {
            String genre = contrastGenre(s, previous);
            if (genre != null) {
                List<Candidate> contrast = tools.searchTracks(
                        Tags.words(genre), hard.withArtists(Set.of()).plusTagGroup(Set.of(genre)), 60, trace);
                contrast.forEach(c -> pool.putIfAbsent(c.track().id(), c));
                only = new HashSet<>();
                for (Candidate c : contrast) {
                    only.add(c.track().id());
                }
            }
        }
        Set<String> firstFrom = null;
        if (s.artistNext() != null) {
            List<Candidate> byArtist =
                    tools.tracksByArtist(s.artistNext(), hard.withArtists(Set.of()), query, 30, trace);
            byArtist.stream()
                    .filter(c -> !exclude.contains(c.track().id()))
                    .forEach(c -> pool.putIfAbsent(c.track().id(), c));
            firstFrom = new HashSet<>();
            for (Candidate c : byArtist) {
                firstFrom.add(c.track().id());
            }
        }
        List<ScoredTrack> ranked = scorer.score(intent, new ArrayList<>(pool.values()), query, Set.of(), taste);
        List<ScoredTrack> chosen = choose(s, ranked, previous, target, only, firstFrom, hard, exclude);
        double energy = chosen.stream()
                .mapToDouble(t -> EnergyEstimate.of(t.track()))
                .average()
                .orElse(target);
        return new Planned(chosen, energy, target, phase(progress));
    }

    private List<ScoredTrack> choose(
            DjState s,
            List<ScoredTrack> ranked,
            Track previous,
            double target,
            Set<String> only,
            Set<String> firstFrom,
            SearchFilter hard,
            Set<String> exclude) {
        double max = ranked.stream().mapToDouble(ScoredTrack::score).max().orElse(1);
        double min = ranked.stream().mapToDouble(ScoredTrack::score).min().orElse(0);
        List<String> recentArtists = new ArrayList<>();
        int from = Math.max(0, s.played().size() - (artistGap - 1));
        for (String id : s.played().subList(from, s.played().size())) {
            tools.catalog().find(id).ifPresent(t -> recentArtists.add(Catalog.artistKey(t.artist())));
        }
        List<ScoredTrack> chosen = new ArrayList<>();
        Set<String> chosenIds = new HashSet<>();
        Set<String> chosenTitles = new HashSet<>();
        Track before = previous;
        for (int slot = 0; slot < tracksPerSegment; slot++) {
            ScoredTrack best = null;
            double bestValue = Double.NEGATIVE_INFINITY;
            boolean contrast = s.contrastNext() && slot == 0 && before != null;
            boolean fromArtist = slot == 0 && firstFrom != null && !firstFrom.isEmpty();
            // One-segment wishes may reach outside the session's artist filter; exclusions still hold.
            SearchFilter rule = fromArtist || only != null ? hard.withArtists(Set.of()) : hard;
            for (ScoredTrack c : ranked) {
                Track t = c.track();
                String artist = Catalog.artistKey(t.artist());
                if (exclude.contains(t.id())
                        || chosenIds.contains(t.id())
                        || chosenTitles.contains(artist + "|" + Catalog.artistKey(t.title()))
                        || (!fromArtist && recentArtists.contains(artist))
                        || (fromArtist && !firstFrom.contains(t.id()))
                        || (!fromArtist && only != null && !only.isEmpty() && !only.contains(t.id()))
                        || !Filters.allows(rule, t)) {
                    continue;
                }
                double fit = max == min ? 1 : (c.score() - min) / (max - min);
                double smooth = before == null ? 0.5 : similarity(before, t);
                if (contrast) {
                    smooth = 1 - smooth;
                }
                double energyFit = 1 - Math.abs(EnergyEstimate.of(t) - target);
                // An energy request outweighs smoothness until the session gets there.
                double value = Math.abs(s.energyBias()) >= 0.1
                        ? 0.4 * fit + 0.2 * smooth + 0.4 * energyFit
                        : 0.5 * fit + 0.3 * smooth + 0.2 * energyFit;
                if (value > bestValue) {
                    bestValue = value;
                    best = c;
                }
            }
            if (best == null) {
                break;
            }
            chosen.add(best);
            chosenIds.add(best.track().id());
            chosenTitles.add(Catalog.artistKey(best.track().artist()) + "|"
                    + Catalog.artistKey(best.track().title()));
            recentArtists.add(Catalog.artistKey(best.track().artist()));
            if (recentArtists.size() > artistGap - 1) {
                recentArtists.remove(0);
            }
            before = best.track();
        }
        return chosen;
    }

    /**
     * "More energy" / "calm it down" also become a soft tag wish, so the candidate pool itself moves (the demo
     * catalog has no audio features; tags are what it knows about energy).
     */
    private Intent withEnergyWish(Intent intent, double bias) {
        if (Math.abs(bias) < 0.1) {
            return intent;
        }
        Set<String> vocabulary =
                new HashSet<>(tools.catalog().vocabulary(TagCategory.MOOD).keySet());
        vocabulary.addAll(tools.catalog().vocabulary(TagCategory.GENRE).keySet());
        List<String> tags = (bias > 0 ? HIGH_ENERGY : LOW_ENERGY)
                .stream().filter(vocabulary::contains).toList();
        if (tags.isEmpty()) {
            return intent;
        }
        List<TagGroup> groups = new ArrayList<>(intent.include().stream()
                .filter(g -> !g.kind().equals("activity"))
                .toList()); // an activity's energy gives way to the request
        groups.add(new TagGroup(
                bias > 0 ? "more energy" : "less energy", tags, "refine", Math.min(2.0, Math.abs(bias) * 5), false));
        return intent.withTags(intent.tags().withInclude(groups))
                .withFeel(intent.feel().withEnergy(bias > 0 ? Energy.HIGH : Energy.LOW))
                .withWording(intent.wording()
                        .withQueryText(intent.queryText() + ", " + String.join(", ", tags.subList(0, 3))));
    }

    private double similarity(Track a, Track b) {
        float[] va = tools.index().vectors().of(a);
        float[] vb = tools.index().vectors().of(b);
        return va == null || vb == null ? 0.5 : Vectors.dot(va, vb);
    }

    /** A popular genre the session has not been playing, different each time it is asked. */
    private String contrastGenre(DjState s, Track previous) {
        Set<String> current = new HashSet<>();
        s.intent().include().forEach(g -> current.addAll(g.tags()));
        if (previous != null) {
            current.addAll(previous.genres());
        }
        current.addAll(s.intent().excludeTags());
        double bias = s.energyBias();
        List<String> options = tools.catalog().vocabulary(TagCategory.GENRE).keySet().stream()
                .filter(g -> !current.contains(g))
                // "switch it up, more energy": the new direction also has to go the way the energy was asked to
                .filter(g -> Math.abs(bias) < 0.1
                        || EnergyEstimate.ofTag(g)
                                .map(e -> bias > 0 ? e >= 0.6 : e <= 0.4)
                                .orElse(false))
                .limit(12)
                .toList();
        return options.isEmpty()
                ? null
                : options.get(Math.floorMod(s.segments() * 7 + s.id().hashCode(), options.size()));
    }
}
