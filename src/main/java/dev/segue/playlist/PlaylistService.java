package dev.segue.playlist;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.CatalogSource;
import dev.segue.catalog.Track;
import dev.segue.config.SegueConfig;
import dev.segue.planner.Intent;
import dev.segue.planner.Plan;
import dev.segue.planner.PlanRequest;
import dev.segue.planner.Planner;
import dev.segue.planner.PlannerChoice;
import dev.segue.planner.Selection;
import dev.segue.profile.HistoryReference;
import dev.segue.profile.Personalisation;
import dev.segue.profile.ProfileService;
import dev.segue.ranking.BaselineScorer;
import dev.segue.ranking.ScoredTrack;
import dev.segue.ranking.TransformerRanker;
import dev.segue.search.Candidate;
import dev.segue.search.Filters;
import dev.segue.search.SearchFilter;
import dev.segue.trace.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The flow of one request: plan (tool calls) → score → assemble → explain → store. Also refinement (a new version
 * from the last one and a change in words) and track removal (a new version with that track replaced).
 */
@ApplicationScoped
public class PlaylistService {

    /** What a caller asks for; fields are already validated at the API edge. */
    public record CreateCommand(
            String prompt,
            Integer length,
            Integer durationMinutes,
            Integer maxPerArtist,
            List<String> excludeArtists,
            List<String> seedTrackIds,
            String userId,
            String planner,
            String ranker,
            String promptVersion) {}

    private final PlannerChoice planners;
    private final BaselineScorer scorer;
    private final TransformerRanker ranker;
    private final Assembler assembler;
    private final Explainer explainer;
    private final PlaylistRepository repository;
    private final Catalog catalog;
    private final String catalogName;
    private final ProfileService profiles;
    /** Every new version, with its trace, as a CDI event (metrics observe it). */
    private final Event<Playlist> versions;
    /** Striped locks: versions of one playlist are written one at a time within this process. */
    private final Object[] locks = new Object[64];

    PlaylistService(
            PlannerChoice planners,
            BaselineScorer scorer,
            TransformerRanker ranker,
            Assembler assembler,
            Explainer explainer,
            PlaylistRepository repository,
            Catalog catalog,
            CatalogSource source,
            SegueConfig config,
            ProfileService profiles,
            Event<Playlist> versions) {
        this.planners = planners;
        this.scorer = scorer;
        this.ranker = ranker;
        this.assembler = assembler;
        this.explainer = explainer;
        this.repository = repository;
        this.catalog = catalog;
        this.catalogName = config.catalog().name().orElse(source.displayName());
        this.profiles = profiles;
        this.versions = versions;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    public Playlist create(CreateCommand command, boolean withTrace) {
        Composed composed = compose(command);
        Playlist stored = composed.playlist();
        repository.insert(stored, composed.spec());
        versions.fire(stored);
        return withTrace ? stored : stored.withoutTrace();
    }

    /** A new playlist and the spec it would be stored with, without storing it (evals use this directly). */
    public Composed compose(CreateCommand command) {
        Planner planner = planners.choose(command.planner());
        Trace trace = new Trace();
        int expected = command.length() != null
                ? command.length()
                : command.durationMinutes() != null
                        ? Math.max(5, command.durationMinutes() / 4)
                        : Playlists.DEFAULT_TRACKS;
        PlaylistSpec spec = new PlaylistSpec(
                command.length(),
                command.durationMinutes(),
                command.maxPerArtist(),
                command.excludeArtists(),
                command.seedTrackIds(),
                command.userId(),
                command.planner(),
                command.ranker(),
                command.promptVersion(),
                Set.of(),
                List.of());
        List<String> notes = new ArrayList<>();
        Personalisation taste = personalisation(command.userId()).orElse(null);
        List<String> seeds = withHistorySeeds(command.prompt(), command.userId(), taste, command.seedTrackIds(), notes);
        Plan plan = planner.plan(
                PlanRequest.forPrompt(command.prompt())
                        .withSeeds(seeds)
                        .withExcludedArtists(command.excludeArtists())
                        .withExpectedTracks(expected)
                        .withTarget(spec.target())
                        .withPromptVersion(command.promptVersion())
                        .withPersonalisation(taste),
                trace);
        notes.addAll(plan.notes());
        Intent intent = withTarget(plan.intent(), command, notes);
        spec = spec.withConversation(plan.conversation());
        Playlist playlist = build(
                UUID.randomUUID().toString(),
                1,
                command.prompt(),
                List.of(),
                spec,
                plan,
                intent,
                plan.candidates(),
                Set.of(),
                notes,
                trace,
                taste);
        return new Composed(playlist, spec);
    }

    /** A playlist and the spec it is stored with. */
    public record Composed(Playlist playlist, PlaylistSpec spec) {}

    private Optional<Personalisation> personalisation(String userId) {
        return userId == null ? Optional.empty() : profiles.forRequest(userId);
    }

    /** "My usual", "what I liked yesterday": the listener's own liked tracks become seeds, or a note says why not. */
    private List<String> withHistorySeeds(
            String prompt, String userId, Personalisation taste, List<String> seeds, List<String> notes) {
        Optional<Instant> since = HistoryReference.since(prompt, Instant.now());
        if (since.isEmpty()) {
            return seeds;
        }
        if (taste == null) {
            notes.add(
                    userId == null
                            ? "the prompt mentions your listening history, but the request has no userId, so it is not personalised"
                            : "no listening history for " + userId
                                    + " yet (or personalisation is off), so this is not personalised");
            return seeds;
        }
        List<String> liked = profiles.likedSince(userId, since.get(), 5);
        if (liked.isEmpty()) {
            notes.add("nothing liked or played in that time; used this listener's overall taste instead");
            return seeds;
        }
        List<String> out = new ArrayList<>(seeds);
        liked.stream().filter(id -> !out.contains(id)).forEach(out::add);
        notes.add("seeded from " + liked.size() + " track(s) from your listening history");
        return out;
    }

    /** Removes every playlist (all versions) this listener made. */
    public int deleteAllOf(String userId) {
        return repository.deleteByUser(userId);
    }

    public Optional<Playlist> find(String id, Integer version, boolean withTrace) {
        return repository
                .find(id, version)
                .map(s -> withTrace ? s.playlist() : s.playlist().withoutTrace());
    }

    /** A new version: the previous intent with the change applied; tracks that still fit are favoured to stay. */
    public Optional<Playlist> refine(String id, String change, boolean withTrace) {
        synchronized (lock(id)) {
            Optional<PlaylistRepository.Stored> latest = repository.find(id, null);
            if (latest.isEmpty()) {
                return Optional.empty();
            }
            Playlist previous = latest.get().playlist();
            PlaylistSpec spec = latest.get().spec();
            Planner planner = planners.choose(spec.planner());
            Trace trace = new Trace();
            List<String> previousIds =
                    previous.tracks().stream().map(PlaylistTrack::id).toList();
            Personalisation taste = personalisation(spec.userId()).orElse(null);
            Plan plan = planner.plan(
                    PlanRequest.refining(previous.intent(), change)
                            .withSeeds(spec.seedTrackIds())
                            .withExcludedArtists(spec.excludeArtists())
                            .withExcludedTracks(spec.removedTrackIds())
                            .withExpectedTracks(previous.tracks().size())
                            .withTarget(spec.target())
                            .withPromptVersion(spec.promptVersion())
                            .withConversation(spec.conversation(), previousIds)
                            .withPersonalisation(taste),
                    trace);
            Set<String> keep = new HashSet<>(previousIds);
            List<String> refinements = new ArrayList<>(previous.refinements());
            refinements.add(change);
            List<String> notes = new ArrayList<>(plan.notes());
            spec = spec.withConversation(plan.conversation());
            Playlist next = build(
                    id,
                    previous.version() + 1,
                    previous.prompt(),
                    refinements,
                    spec,
                    plan,
                    plan.intent(),
                    withPrevious(plan.candidates(), previous),
                    keep,
                    notes,
                    trace,
                    taste);
            long kept =
                    next.tracks().stream().filter(t -> keep.contains(t.id())).count();
            List<String> allNotes = new ArrayList<>(next.notes());
            allNotes.add(
                    0,
                    String.format(
                            Locale.ROOT,
                            "kept %d of %d tracks from version %d",
                            kept,
                            previous.tracks().size(),
                            previous.version()));
            next = new Playlist(
                    next.id(),
                    next.version(),
                    next.prompt(),
                    next.refinements(),
                    next.title(),
                    next.description(),
                    next.planner(),
                    next.ranker(),
                    next.tracks(),
                    next.totalDurationSec(),
                    next.intent(),
                    allNotes,
                    next.createdAt(),
                    next.trace());
            repository.insert(next, spec);
            versions.fire(next);
            return Optional.of(withTrace ? next : next.withoutTrace());
        }
    }

    /** Outcome of a removal: the playlist was unknown, the track was not in it, or the new version. */
    public sealed interface Removal {
        record UnknownPlaylist() implements Removal {}

        record UnknownTrack(int version) implements Removal {}

        record Done(Playlist playlist) implements Removal {}
    }

    /** A new version without the track; its slot goes to the best unused candidate that fits the same constraints. */
    public Removal removeTrack(String id, String trackId) {
        synchronized (lock(id)) {
            Optional<PlaylistRepository.Stored> latest = repository.find(id, null);
            if (latest.isEmpty()) {
                return new Removal.UnknownPlaylist();
            }
            Playlist previous = latest.get().playlist();
            int slot = -1;
            for (int i = 0; i < previous.tracks().size(); i++) {
                if (previous.tracks().get(i).id().equals(trackId)) {
                    slot = i;
                }
            }
            if (slot < 0) {
                return new Removal.UnknownTrack(previous.version());
            }
            PlaylistSpec spec = latest.get().spec().withRemoved(trackId);
            Trace trace = new Trace();
            // Removal never needs the LLM: the intent is known, only a replacement is missing.
            Personalisation taste = personalisation(spec.userId()).orElse(null);
            Plan plan = planners.offline()
                    .plan(
                            PlanRequest.refining(previous.intent(), "")
                                    .withSeeds(spec.seedTrackIds())
                                    .withExcludedArtists(spec.excludeArtists())
                                    .withExcludedTracks(spec.removedTrackIds())
                                    .withExpectedTracks(previous.tracks().size())
                                    .withTarget(spec.target())
                                    .withPersonalisation(taste),
                            trace);
            boolean refined = !previous.refinements().isEmpty();
            List<ScoredTrack> ranked = trace.step(
                    "rank",
                    () -> rank(
                            spec,
                            previous.prompt(),
                            refined,
                            plan.intent(),
                            plan.candidates(),
                            plan.queryVector(),
                            Set.of(),
                            taste,
                            trace));
            List<Track> remaining = previous.tracks().stream()
                    .filter(t -> !t.id().equals(trackId))
                    .flatMap(t -> catalog.find(t.id()).stream())
                    .toList();
            Optional<ScoredTrack> replacement =
                    replacementFor(ranked, remaining, plan.hardFilter(), maxPerArtist(spec, plan.intent()));
            List<String> notes = new ArrayList<>();
            List<PlaylistTrack> tracks = new ArrayList<>();
            int position = 1;
            for (int i = 0; i < previous.tracks().size(); i++) {
                PlaylistTrack t = previous.tracks().get(i);
                if (i == slot) {
                    if (replacement.isPresent()) {
                        ScoredTrack r = replacement.get();
                        tracks.add(
                                PlaylistTrack.of(position++, r.track(), explainer.reason(r, plan.intent()), r.score()));
                    }
                    continue;
                }
                tracks.add(new PlaylistTrack(
                        position++,
                        t.id(),
                        t.title(),
                        t.artist(),
                        t.album(),
                        t.year(),
                        t.durationSec(),
                        t.genres(),
                        t.moods(),
                        t.instruments(),
                        t.url(),
                        t.license(),
                        t.reason(),
                        t.score()));
            }
            notes.add(replacement
                    .map(r -> "removed " + trackId + "; replaced it with "
                            + r.track().id())
                    .orElse("removed " + trackId
                            + "; no unused track fits the playlist's constraints, so it is one shorter"));
            double total =
                    tracks.stream().mapToDouble(PlaylistTrack::durationSec).sum();
            Playlist next = new Playlist(
                    id,
                    previous.version() + 1,
                    previous.prompt(),
                    previous.refinements(),
                    previous.title(),
                    previous.description(),
                    previous.planner(),
                    previous.ranker(),
                    tracks,
                    Math.round(total * 10) / 10.0,
                    previous.intent(),
                    notes,
                    now(),
                    trace);
            repository.insert(next, spec);
            versions.fire(next);
            return new Removal.Done(next.withoutTrace());
        }
    }

    private static Optional<ScoredTrack> replacementFor(
            List<ScoredTrack> ranked, List<Track> remaining, SearchFilter hard, int maxPerArtist) {
        Set<String> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        Map<String, Integer> perArtist = new HashMap<>();
        for (Track t : remaining) {
            ids.add(t.id());
            titles.add(Catalog.artistKey(t.artist()) + "|" + Catalog.artistKey(t.title()));
            perArtist.merge(Catalog.artistKey(t.artist()), 1, Integer::sum);
        }
        return ranked.stream()
                .filter(s -> !ids.contains(s.track().id()))
                .filter(s -> Filters.allows(hard, s.track()))
                .filter(s -> !titles.contains(Catalog.artistKey(s.track().artist()) + "|"
                        + Catalog.artistKey(s.track().title())))
                .filter(s -> perArtist.getOrDefault(Catalog.artistKey(s.track().artist()), 0) < maxPerArtist)
                .sorted((a, b) -> Boolean.compare(b.fits(), a.fits()))
                .findFirst();
    }

    private Playlist build(
            String id,
            int version,
            String prompt,
            List<String> refinements,
            PlaylistSpec spec,
            Plan plan,
            Intent intent,
            List<Candidate> candidates,
            Set<String> keep,
            List<String> notes,
            Trace trace,
            Personalisation taste) {
        boolean refined = !refinements.isEmpty();
        List<ScoredTrack> ranked = trace.step(
                "rank", () -> rank(spec, prompt, refined, intent, candidates, plan.queryVector(), keep, taste, trace));
        Assembler.Target target = target(intent, spec);
        Selection selection = plan.selection();
        List<String> preferred = selection == null
                ? List.of()
                : selection.tracks().stream().map(Selection.Pick::id).toList();
        Assembler.Assembly assembly =
                trace.step("assemble", () -> assembler.assemble(intent, ranked, plan.hardFilter(), target, preferred));
        if (taste != null) {
            // How much did the listener's history move the result? The same pool, ranked without it, for comparison.
            long start = System.nanoTime();
            Set<String> plain = new HashSet<>();
            assembler
                    .assemble(
                            intent,
                            rank(
                                    spec,
                                    prompt,
                                    refined,
                                    intent,
                                    candidates,
                                    plan.queryVector(),
                                    keep,
                                    null,
                                    new Trace()),
                            plan.hardFilter(),
                            target,
                            preferred)
                    .tracks()
                    .forEach(t -> plain.add(t.track().id()));
            long moved = assembly.tracks().stream()
                    .filter(t -> !plain.contains(t.track().id()))
                    .count();
            trace.note(
                    "personalisation",
                    Trace.millisSince(start),
                    "changed " + moved + " of " + assembly.tracks().size()
                            + " tracks compared with the same request without listening history");
            notes.add("personalised from your listening history: " + moved + " of "
                    + assembly.tracks().size() + " tracks differ from the unpersonalised playlist");
        }
        Map<String, String> llmReasons = new HashMap<>();
        if (selection != null) {
            selection.tracks().stream()
                    .filter(p -> p.reason() != null)
                    .forEach(p -> llmReasons.put(p.id(), p.reason()));
        }
        List<PlaylistTrack> tracks = trace.step("explain", () -> {
            List<PlaylistTrack> out = new ArrayList<>();
            int position = 1;
            for (ScoredTrack s : assembly.tracks()) {
                String reason = llmReasons.getOrDefault(s.track().id(), explainer.reason(s, intent));
                out.add(PlaylistTrack.of(position++, s.track(), reason, s.score()));
            }
            return out;
        });
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.addAll(intent.notes());
        if (!intent.unmatched().isEmpty()) {
            allNotes.add("no catalog tag for: " + String.join(", ", intent.unmatched()));
        }
        allNotes.addAll(assembly.notes());
        allNotes.addAll(trace.warnings());
        if (selection == null
                && intent.requiredGroups().isEmpty()
                && intent.artists().isEmpty()
                && intent.similarToArtists().isEmpty()
                && spec.seedTrackIds().isEmpty()) {
            allNotes.add(
                    "nothing in the prompt named a genre, mood or instruments of this catalog; tracks were ranked by how"
                            + " close their descriptions are to the prompt");
        }
        double total = tracks.stream().mapToDouble(PlaylistTrack::durationSec).sum();
        String title =
                selection != null && selection.title() != null ? selection.title() : explainer.title(intent, prompt);
        String description = selection != null && selection.description() != null
                ? selection.description()
                : explainer.description(intent, assembly.tracks(), catalogName);
        return new Playlist(
                id,
                version,
                prompt,
                refinements,
                title,
                description,
                plan.planner(),
                rankerName(spec.ranker(), refined),
                tracks,
                Math.round(total * 10) / 10.0,
                intent,
                allNotes,
                now(),
                trace);
    }

    /** Request fields win over the prompt's own words ("10 songs"); with neither, the default track count. */
    private static Intent withTarget(Intent intent, CreateCommand command, List<String> notes) {
        Integer length = command.length();
        Integer minutes = command.durationMinutes();
        if (length == null && minutes == null) {
            length = intent.length();
            minutes = intent.durationMinutes();
            if (length != null && (length < Playlists.MIN_TRACKS || length > Playlists.MAX_TRACKS)) {
                int clamped = Math.max(Playlists.MIN_TRACKS, Math.min(Playlists.MAX_TRACKS, length));
                notes.add("the prompt asked for " + length + " tracks; playlists hold " + Playlists.MIN_TRACKS + " to "
                        + Playlists.MAX_TRACKS + ", so it has " + clamped);
                length = clamped;
            }
            if (minutes != null && (minutes < Playlists.MIN_MINUTES || minutes > Playlists.MAX_MINUTES)) {
                int clamped = Math.max(Playlists.MIN_MINUTES, Math.min(Playlists.MAX_MINUTES, minutes));
                notes.add("the prompt asked for " + minutes + " minutes; playlists last " + Playlists.MIN_MINUTES
                        + " to " + Playlists.MAX_MINUTES + ", so it targets " + clamped);
                minutes = clamped;
            }
        }
        if (length == null && minutes == null) {
            length = Playlists.DEFAULT_TRACKS;
        }
        return intent.withTarget(length, length != null ? null : minutes);
    }

    private static Assembler.Target target(Intent intent, PlaylistSpec spec) {
        int maxPerArtist = maxPerArtist(spec, intent);
        if (intent.durationMinutes() != null) {
            int minutes = Math.max(Playlists.MIN_MINUTES, Math.min(Playlists.MAX_MINUTES, intent.durationMinutes()));
            return new Assembler.Target(Playlists.MAX_TRACKS, minutes * 60, maxPerArtist);
        }
        int length = intent.length() == null ? Playlists.DEFAULT_TRACKS : intent.length();
        return new Assembler.Target(
                Math.max(Playlists.MIN_TRACKS, Math.min(Playlists.MAX_TRACKS, length)), null, maxPerArtist);
    }

    /** At most two per artist by default; a prompt that asks for named artists only lifts the limit. */
    private static int maxPerArtist(PlaylistSpec spec, Intent intent) {
        if (spec.maxPerArtist() != null) {
            return spec.maxPerArtist();
        }
        return intent.artists().isEmpty() ? Playlists.DEFAULT_MAX_PER_ARTIST : Playlists.MAX_TRACKS;
    }

    /** The previous version's tracks join the pool, so a refinement can keep them even if no search found them. */
    private List<Candidate> withPrevious(List<Candidate> candidates, Playlist previous) {
        Set<String> present = new HashSet<>();
        candidates.forEach(c -> present.add(c.track().id()));
        List<Candidate> all = new ArrayList<>(candidates);
        for (PlaylistTrack t : previous.tracks()) {
            if (!present.contains(t.id())) {
                catalog.find(t.id()).ifPresent(track -> all.add(new Candidate(track, 0, false, "previous")));
            }
        }
        return all;
    }

    /**
     * The foundation scorer's ranking, re-ordered by the transformer ranker unless the playlist opted out or this is a
     * refined version: the model was trained on first requests only, and on a refinement ("calmer" after "energetic
     * electronic") it lost precision in the evals' core suite. Its context tokens are the seed tracks, then the
     * listener's recent plays and likes when the request is personalised.
     */
    private List<ScoredTrack> rank(
            PlaylistSpec spec,
            String prompt,
            boolean refined,
            Intent intent,
            List<Candidate> candidates,
            float[] queryVector,
            Set<String> keep,
            Personalisation taste,
            Trace trace) {
        List<ScoredTrack> scored = scorer.score(intent, candidates, queryVector, keep, taste);
        if (!usesRanker(spec.ranker(), refined)) {
            return scored;
        }
        long start = System.nanoTime();
        Set<String> contextIds = new LinkedHashSet<>(spec.seedTrackIds());
        if (taste != null) {
            contextIds.addAll(taste.recentTracks());
        }
        List<Track> context =
                contextIds.stream().flatMap(id -> catalog.find(id).stream()).toList();
        List<ScoredTrack> ranked = ranker.rank(intent, scored, queryVector, prompt, context);
        // A note, not a step: its time is already inside the "rank" step.
        trace.note(
                "ranker",
                0,
                String.format(
                        Locale.ROOT,
                        "%s re-ranked %d candidates (%d context tracks) in %.2f ms",
                        ranker.name(),
                        scored.size(),
                        Math.min(context.size(), TransformerRanker.MAX_CONTEXT),
                        Trace.millisSince(start)));
        return ranked;
    }

    /** options.ranker "none" keeps the foundation scorer; "auto" (or absent) uses the transformer when one is loaded. */
    private boolean usesRanker(String option, boolean refined) {
        return ranker.available() && !refined && !"none".equals(option) && !TransformerRanker.BASELINE.equals(option);
    }

    /** What a playlist's {@code ranker} field says: the transformer's name and version, or "baseline". */
    private String rankerName(String option, boolean refined) {
        return usesRanker(option, refined) ? ranker.name() : TransformerRanker.BASELINE;
    }

    private Object lock(String id) {
        return locks[Math.floorMod(id.hashCode(), locks.length)];
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
