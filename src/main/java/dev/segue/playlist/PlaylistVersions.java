package dev.segue.playlist;

import dev.segue.playlist.PlaylistRepository.Stored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stored playlist versions: reading them, and storing a new one, which is also fired as a CDI event with its trace
 * (metrics observe it). Versions of one playlist are written one at a time within this process.
 */
@ApplicationScoped
class PlaylistVersions {

    private final PlaylistRepository repository;
    private final Event<Playlist> versions;
    /** Striped locks: versions of one playlist are written one at a time within this process. */
    private final Object[] locks = new Object[64];

    PlaylistVersions(PlaylistRepository repository, Event<Playlist> versions) {
        this.repository = repository;
        this.versions = versions;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** When a version is made, to the millisecond (what every database keeps of it). */
    static Instant timestamp() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The given version, or the latest when {@code version} is null. */
    Optional<Playlist> find(String id, Integer version) {
        return repository.find(id, version).map(Stored::playlist);
    }

    Optional<Stored> latest(String id) {
        return repository.find(id, null);
    }

    /** Runs {@code work} (read the latest version, make the next, store it) while no other change of this playlist runs. */
    <T> T locked(String id, Supplier<T> work) {
        synchronized (locks[Math.floorMod(id.hashCode(), locks.length)]) {
            return work.get();
        }
    }

    void store(Playlist playlist, PlaylistSpec spec) {
        repository.insert(playlist, spec);
        versions.fire(playlist);
    }

    /** Removes every playlist (all versions) this listener made; returns how many playlists went. */
    int deleteAllOf(String userId) {
        return repository.deleteByUser(userId);
    }
}
