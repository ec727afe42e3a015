package dev.segue.catalog;

import java.util.List;

/**
 * One playable track of the catalog. Tags are lowercase catalog vocabulary; optional facts are null when the
 * source does not hold them (the explainer never states a null fact).
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
        Boolean explicit) {

    public Track {
        genres = genres == null ? List.of() : List.copyOf(genres);
        moods = moods == null ? List.of() : List.copyOf(moods);
        instruments = instruments == null ? List.of() : List.copyOf(instruments);
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
                explicit);
    }
}
