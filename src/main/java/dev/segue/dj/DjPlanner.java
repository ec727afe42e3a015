package dev.segue.dj;

import dev.segue.catalog.TagCategory;
import dev.segue.catalog.Tags;
import dev.segue.catalog.Track;
import dev.segue.dj.DjState.History;
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
 * steered by likes, skips and one-segment wishes), ranked, then chosen by {@link DjChooser} for the energy the
 * session's arc asks for.
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
    private final DjChooser chooser;
    private final DjSequence sequence;

    DjPlanner(
            OfflinePlanner retrieval,
            SearchTools tools,
            BaselineScorer scorer,
            DjChooser chooser,
            DjSequence sequence) {
        this.retrieval = retrieval;
        this.tools = tools;
        this.scorer = scorer;
        this.chooser = chooser;
        this.sequence = sequence;
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
        History history = s.history();
        Set<String> exclude = new HashSet<>(history.played());
        exclude.addAll(history.skipped());
        Intent intent = withEnergyWish(s.intent(), s.energyBias());
        Plan plan = retrieval.retrieve(
                intent,
                PlanRequest.forPrompt("")
                        .withSeeds(seeds(s))
                        .withExcludedTracks(exclude)
                        .withExpectedTracks(POOL / 6)
                        .withPersonalisation(taste),
                trace);
        Pool pool = new Pool(plan.candidates(), awayFromSkips(plan.queryVector(), history), plan.hardFilter(), trace);
        if (Math.abs(s.energyBias()) >= 0.1) {
            addEnergy(pool, s.energyBias());
        }
        DjSequence.Continuation continuation = sequence.continuation(s, exclude, trace);
        pool.add(continuation.candidates().stream()
                .filter(c -> Filters.allows(pool.hard, c.track()))
                .toList());
        Track previous = history.played().isEmpty()
                ? null
                : tools.catalog()
                        .find(history.played().get(history.played().size() - 1))
                        .orElse(null);
        Set<String> only = oneSegmentOnly(s, previous, pool);
        String artistNext = s.wishes().artistNext();
        Set<String> firstFrom = artistNext == null ? null : byArtist(artistNext, exclude, pool);
        List<ScoredTrack> ranked = DjSequence.favour(
                scorer.score(intent, new ArrayList<>(pool.candidates.values()), pool.query, Set.of(), taste),
                continuation);
        List<ScoredTrack> chosen =
                chooser.choose(s, ranked, previous, new DjChooser.Rules(target, only, firstFrom, pool.hard, exclude));
        double energy = chosen.stream()
                .mapToDouble(t -> EnergyEstimate.of(t.track()))
                .average()
                .orElse(target);
        return new Planned(chosen, energy, target, phase(progress));
    }

    /** Tracks to start from: "more like this", then the latest likes. */
    private static List<String> seeds(DjState s) {
        List<String> seeds = new ArrayList<>(s.wishes().moreLike());
        List<String> liked = s.history().liked();
        liked.stream().skip(Math.max(0, liked.size() - 5)).forEach(seeds::add);
        return seeds;
    }

    /** A skip moves the session away from that track's neighbourhood (the latest five skips count). */
    private float[] awayFromSkips(float[] query, History history) {
        List<String> skipped = history.skipped();
        List<float[]> skippedVectors = skipped.stream()
                .skip(Math.max(0, skipped.size() - 5))
                .map(id -> tools.index().vectors().of(id))
                .filter(v -> v != null)
                .toList();
        return skippedVectors.isEmpty() ? query : Vectors.blend(query, 1.0, Vectors.centroid(skippedVectors), -0.35);
    }

    /** "More energy" must keep working after the first segment: make sure the pool holds such tracks. */
    private void addEnergy(Pool pool, double bias) {
        List<String> energyTags = (bias > 0 ? HIGH_ENERGY : LOW_ENERGY)
                .stream().filter(t -> tools.catalog().categoryOf(t).isPresent()).toList();
        if (!energyTags.isEmpty()) {
            SearchFilter energetic = pool.hard.plusTagGroup(new LinkedHashSet<>(energyTags));
            pool.add(tools.searchByVector(pool.query, "energy", energetic, 80, pool.trace));
        }
    }

    /**
     * The tracks a one-segment wish limits the next segment to: "play some jazz" (its tags) or "switch it up" (a genre
     * the session has not been playing); null when there is no such wish.
     */
    private Set<String> oneSegmentOnly(DjState s, Track previous, Pool pool) {
        SearchFilter anyArtist = pool.hard.withArtists(Set.of());
        List<String> focus = s.wishes().focusNext();
        List<Candidate> found;
        if (!focus.isEmpty()) {
            SearchFilter focused = anyArtist.plusTagGroup(new LinkedHashSet<>(focus));
            found = tools.searchByVector(pool.query, String.join(", ", focus), focused, 60, pool.trace);
        } else if (s.wishes().contrastNext()) {
            String genre = contrastGenre(s, previous);
            if (genre == null) {
                return null;
            }
            found = tools.searchTracks(Tags.words(genre), anyArtist.plusTagGroup(Set.of(genre)), 60, pool.trace);
        } else {
            return null;
        }
        pool.add(found);
        return ids(found);
    }

    /** "Play X": the artist's tracks (those not excluded) for the first slot of the next segment. */
    private Set<String> byArtist(String artist, Set<String> exclude, Pool pool) {
        List<Candidate> found =
                tools.tracksByArtist(artist, pool.hard.withArtists(Set.of()), pool.query, 30, pool.trace);
        pool.add(found.stream().filter(c -> !exclude.contains(c.track().id())).toList());
        return ids(found);
    }

    private static Set<String> ids(List<Candidate> candidates) {
        Set<String> ids = new HashSet<>();
        for (Candidate c : candidates) {
            ids.add(c.track().id());
        }
        return ids;
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

    /** The candidates for a segment (the retrieved ones, then what wishes add), and the query, filter and trace. */
    private static final class Pool {
        final Map<String, Candidate> candidates = new LinkedHashMap<>();
        final float[] query;
        final SearchFilter hard;
        final Trace trace;

        Pool(List<Candidate> retrieved, float[] query, SearchFilter hard, Trace trace) {
            retrieved.forEach(c -> candidates.put(c.track().id(), c));
            this.query = query;
            this.hard = hard;
            this.trace = trace;
        }

        void add(List<Candidate> found) {
            found.forEach(c -> candidates.putIfAbsent(c.track().id(), c));
        }
    }
}
