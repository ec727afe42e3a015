package dev.segue.dj;

import dev.segue.catalog.Track;
import java.util.Map;
import java.util.Optional;

/**
 * A track's energy on Spotify's 0..1 scale: the audio feature when the catalog has it, otherwise an estimate from its
 * mood and genre tags (the demo catalog has no audio features). Unknown stays at the middle.
 */
public final class EnergyEstimate {

    // Judgement, not measurement: how energetic a track with this tag usually is.
    private static final Map<String, Double> TAG_ENERGY = Map.ofEntries(
            Map.entry("energetic", 0.9),
            Map.entry("heavy", 0.9),
            Map.entry("fast", 0.85),
            Map.entry("powerful", 0.85),
            Map.entry("party", 0.85),
            Map.entry("sport", 0.85),
            Map.entry("action", 0.85),
            Map.entry("upbeat", 0.8),
            Map.entry("epic", 0.75),
            Map.entry("motivational", 0.75),
            Map.entry("happy", 0.65),
            Map.entry("fun", 0.65),
            Map.entry("groovy", 0.65),
            Map.entry("summer", 0.6),
            Map.entry("drumnbass", 0.9),
            Map.entry("metal", 0.9),
            Map.entry("punkrock", 0.9),
            Map.entry("hardrock", 0.85),
            Map.entry("dubstep", 0.85),
            Map.entry("edm", 0.85),
            Map.entry("eurodance", 0.85),
            Map.entry("dance", 0.8),
            Map.entry("techno", 0.8),
            Map.entry("trance", 0.8),
            Map.entry("breakbeat", 0.8),
            Map.entry("club", 0.8),
            Map.entry("house", 0.75),
            Map.entry("rock", 0.7),
            Map.entry("hiphop", 0.65),
            Map.entry("rap", 0.65),
            Map.entry("pop", 0.6),
            Map.entry("electronic", 0.6),
            Map.entry("funk", 0.65),
            Map.entry("disco", 0.75),
            Map.entry("reggae", 0.55),
            Map.entry("jazz", 0.45),
            Map.entry("folk", 0.4),
            Map.entry("soundtrack", 0.45),
            Map.entry("lounge", 0.35),
            Map.entry("easylistening", 0.35),
            Map.entry("romantic", 0.35),
            Map.entry("classical", 0.35),
            Map.entry("ballad", 0.3),
            Map.entry("chillout", 0.3),
            Map.entry("downtempo", 0.3),
            Map.entry("sad", 0.3),
            Map.entry("melancholic", 0.3),
            Map.entry("dream", 0.3),
            Map.entry("background", 0.3),
            Map.entry("soft", 0.25),
            Map.entry("calm", 0.2),
            Map.entry("relaxing", 0.2),
            Map.entry("slow", 0.2),
            Map.entry("ambient", 0.2),
            Map.entry("newage", 0.2),
            Map.entry("darkambient", 0.2),
            Map.entry("meditative", 0.15));

    private EnergyEstimate() {}

    /** How energetic a tag usually is, when the table knows it. */
    public static Optional<Double> ofTag(String tag) {
        return Optional.ofNullable(TAG_ENERGY.get(tag));
    }

    public static double of(Track track) {
        if (track.features() != null && track.features().energy() != null) {
            return track.features().energy();
        }
        double sum = 0;
        double weight = 0;
        for (String tag : track.moods()) {
            Double e = TAG_ENERGY.get(tag);
            if (e != null) {
                sum += 2 * e; // a mood says more about energy than a genre
                weight += 2;
            }
        }
        for (String tag : track.genres()) {
            Double e = TAG_ENERGY.get(tag);
            if (e != null) {
                sum += e;
                weight += 1;
            }
        }
        return weight == 0 ? 0.5 : sum / weight;
    }
}
