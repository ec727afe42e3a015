package dev.segue.playlist;

import dev.segue.profile.HistoryReference;
import dev.segue.profile.Personalisation;
import dev.segue.profile.ProfileService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a listener's history adds to a request: their taste (when the request names them and personalisation is on),
 * and for "my usual morning vibe" or "what I liked yesterday" their own liked tracks as seeds.
 */
@ApplicationScoped
class HistorySeeds {

    private static final int MAX_SEEDS = 5;

    private final ProfileService profiles;

    HistorySeeds(ProfileService profiles) {
        this.profiles = profiles;
    }

    /** The listener's taste; empty for an anonymous request, a listener without history, or one who opted out. */
    Optional<Personalisation> personalisation(String userId) {
        return userId == null ? Optional.empty() : profiles.forRequest(userId);
    }

    /** The seeds plus the listener's liked tracks when the prompt points at their history, or a note says why not. */
    List<String> withHistorySeeds(
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
        List<String> liked = profiles.likedSince(userId, since.get(), MAX_SEEDS);
        if (liked.isEmpty()) {
            notes.add("nothing liked or played in that time; used this listener's overall taste instead");
            return seeds;
        }
        List<String> out = new ArrayList<>(seeds);
        liked.stream().filter(id -> !out.contains(id)).forEach(out::add);
        notes.add("seeded from " + liked.size() + " track(s) from your listening history");
        return out;
    }
}
