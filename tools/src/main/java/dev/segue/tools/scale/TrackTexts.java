package dev.segue.tools.scale;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What makes two tracks embed to the same vector: the service embeds tags only (genres, moods, instruments; Jamendo
 * has no years), so rows with the same three tag columns share a text. A row without tags is embedded by its title.
 * Counting these keys over a catalog gives the shape the synthetic catalogs must keep.
 */
final class TrackTexts {

    /** Groups at least this large are where the issue found the vector index getting stuck (issue #21). */
    static final int LARGE_GROUP = 33;

    private final int genres;
    private final int moods;
    private final int instruments;
    private final int title;
    private final Map<String, Integer> counts = new HashMap<>();
    private long tracks;

    TrackTexts(List<String> header) {
        this.genres = header.indexOf(DemoCatalog.GENRES);
        this.moods = header.indexOf(DemoCatalog.MOODS);
        this.instruments = header.indexOf(DemoCatalog.INSTRUMENTS);
        this.title = header.indexOf("title");
    }

    static TrackTexts of(DemoCatalog demo) {
        TrackTexts texts = new TrackTexts(demo.header());
        demo.rows().forEach(texts::add);
        return texts;
    }

    /** The row's text key: its three tag columns, or its title when it has no tag. */
    String key(List<String> row) {
        String tags = row.get(genres) + '\u0000' + row.get(moods) + '\u0000' + row.get(instruments);
        return tags.length() == 2 ? "title:" + row.get(title) : tags;
    }

    void add(List<String> row) {
        counts.merge(key(row), 1, Integer::sum);
        tracks++;
    }

    long tracks() {
        return tracks;
    }

    int distinct() {
        return counts.size();
    }

    /** The share of tracks whose text another track before it already has: 1 - distinct / tracks. */
    double duplicateShare() {
        return tracks == 0 ? 0 : 1 - (double) counts.size() / tracks;
    }

    /** The share of tracks sitting in a group of {@link #LARGE_GROUP} or more identical texts. */
    double largeGroupShare() {
        long inLarge = counts.values().stream()
                .filter(n -> n >= LARGE_GROUP)
                .mapToLong(Integer::longValue)
                .sum();
        return tracks == 0 ? 0 : (double) inLarge / tracks;
    }

    /** How many tracks carry each text. */
    Map<String, Integer> counts() {
        return counts;
    }
}
