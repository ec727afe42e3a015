package dev.segue.playlist;

import dev.segue.diversity.DiversityMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * What callers do with playlists: create one from a prompt, read a version, refine it in words, remove a track,
 * and delete a listener's playlists. The use cases ({@link CreatePlaylist}, {@link RefinePlaylist},
 * {@link RemoveTrack}) share the policies a version is made with: ranking ({@link RankingPolicy}), size
 * ({@link SizeTargets}), the listener's history ({@link HistorySeeds}), composing ({@link VersionComposer}) and
 * storing ({@link PlaylistVersions}).
 */
@ApplicationScoped
public class PlaylistService {

    /**
     * What a caller asks for: the prompt, and the settings it set explicitly, which the new playlist keeps as its
     * spec (nothing removed and no conversation yet). Fields are already validated at the API edge.
     */
    public record CreateCommand(String prompt, PlaylistSpec spec) {}

    /** A playlist and the spec it is stored with. */
    public record Composed(Playlist playlist, PlaylistSpec spec) {}

    /** Outcome of a removal: the playlist was unknown, the track was not in it, or the new version. */
    public sealed interface Removal {
        record UnknownPlaylist() implements Removal {}

        record UnknownTrack(int version) implements Removal {}

        record Done(Playlist playlist) implements Removal {}
    }

    private final CreatePlaylist creating;
    private final RefinePlaylist refining;
    private final RemoveTrack removing;
    private final ExtendPlaylist extending;
    private final PlaylistVersions versions;
    private final DiversityMetrics diversity;

    PlaylistService(
            CreatePlaylist creating,
            RefinePlaylist refining,
            RemoveTrack removing,
            ExtendPlaylist extending,
            PlaylistVersions versions,
            DiversityMetrics diversity) {
        this.creating = creating;
        this.refining = refining;
        this.removing = removing;
        this.extending = extending;
        this.versions = versions;
        this.diversity = diversity;
    }

    /** Version 1, stored; with its trace when asked. */
    public Playlist create(CreateCommand command, boolean withTrace) {
        return traced(creating.create(command), withTrace);
    }

    /** A new playlist and the spec it would be stored with, without storing it (evals use this directly). */
    public Composed compose(CreateCommand command) {
        return creating.compose(command);
    }

    public Optional<Playlist> find(String id, Integer version, boolean withTrace) {
        return versions.find(id, version).map(p -> traced(p, withTrace));
    }

    /** A new version: the previous intent with the change applied; tracks that still fit are favoured to stay. */
    public Optional<Playlist> refine(String id, String change, boolean withTrace) {
        return refining.refine(id, change).map(p -> traced(p, withTrace));
    }

    /** A new version without the track; its slot goes to the best unused candidate that fits the same constraints. */
    public Removal removeTrack(String id, String trackId) {
        return removing.remove(id, trackId);
    }

    /** A new version with {@code count} more tracks that continue the playlist, under all its hard constraints. */
    public Optional<Playlist> extend(String id, int count, boolean withTrace) {
        return extending.extend(id, count).map(p -> traced(p, withTrace));
    }

    /** Removes every playlist (all versions) this listener made. */
    public int deleteAllOf(String userId) {
        return versions.deleteAllOf(userId);
    }

    /** With its trace, also how varied it is (the eval runner reads both); without, neither. */
    private Playlist traced(Playlist playlist, boolean withTrace) {
        return withTrace
                ? playlist.withDiversity(diversity.measure(List.of(playlist.trackIds()), List.of()))
                : playlist.withoutTrace();
    }
}
