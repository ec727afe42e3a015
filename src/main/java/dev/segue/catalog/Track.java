package dev.segue.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One playable track of the catalog. Tags are lowercase catalog vocabulary; optional facts are null when the
 * source does not hold them (the explainer never states a null fact). {@code audioUrl} is where the audio itself
 * is (a catalog's {@code audio_url} or {@code location} column), for exports a player opens; {@code url} is the
 * track's page.
 */
public record Track(
        String id,
        String title,
        String artist,
        String album,
        Integer year,
        double durationSec,
        List<String> genres,
        List<String> moods,
        List<String> instruments,
        Double popularity,
        String license,
        String url,
        AudioFeatures features,
        Boolean explicit,
        @JsonInclude(JsonInclude.Include.NON_NULL) String audioUrl) {

    public Track {
        genres = genres == null ? List.of() : List.copyOf(genres);
        moods = moods == null ? List.of() : List.copyOf(moods);
        instruments = instruments == null ? List.of() : List.copyOf(instruments);
    }

    /** A track whose catalog says nothing about where its audio is. */
    public Track(
            String id,
            String title,
            String artist,
            String album,
            Integer year,
            double durationSec,
            List<String> genres,
            List<String> moods,
            List<String> instruments,
            Double popularity,
            String license,
            String url,
            AudioFeatures features,
            Boolean explicit) {
        this(
                id,
                title,
                artist,
                album,
                year,
                durationSec,
                genres,
                moods,
                instruments,
                popularity,
                license,
                url,
                features,
                explicit,
                null);
    }

    public List<String> tags(TagCategory category) {
        return switch (category) {
            case GENRE -> genres;
            case MOOD -> moods;
            case INSTRUMENT -> instruments;
        };
    }

    public boolean hasTag(String tag) {
        return genres.contains(tag) || moods.contains(tag) || instruments.contains(tag);
    }

    public Track withPopularity(Double value) {
        return new Track(
                id,
                title,
                artist,
                album,
                year,
                durationSec,
                genres,
                moods,
                instruments,
                value,
                license,
                url,
                features,
                explicit,
                audioUrl);
    }
}
