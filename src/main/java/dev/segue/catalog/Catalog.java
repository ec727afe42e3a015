package dev.segue.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The tracks in memory, by id and by position, with the tag vocabulary and artist names they use. */
public final class Catalog {

    private final List<Track> tracks;
    private final Map<String, Integer> positionById;
    private final Map<TagCategory, Map<String, Integer>> vocabulary = new EnumMap<>(TagCategory.class);
    private final Map<String, String> artistByKey = new HashMap<>();
    private final Map<String, List<Integer>> positionsByArtistKey = new HashMap<>();
    private final IngestReport report;
    private final boolean hasAudioFeatures;
    private final boolean hasYears;

    public Catalog(List<Track> tracks, IngestReport report) {
        this.tracks = List.copyOf(tracks);
        this.report = report;
        this.positionById = new HashMap<>(tracks.size() * 2);
        for (TagCategory category : TagCategory.values()) {
            Map<String, Integer> counts = new HashMap<>();
            for (Track track : tracks) {
                track.tags(category).forEach(tag -> counts.merge(tag, 1, Integer::sum));
            }
            Map<String, Integer> sorted = new LinkedHashMap<>();
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            vocabulary.put(category, Collections.unmodifiableMap(sorted));
        }
        // Normalizing a name costs microseconds; a million tracks have far fewer artists.
        Map<String, String> keyOfArtist = new HashMap<>();
        for (int i = 0; i < this.tracks.size(); i++) {
            Track track = this.tracks.get(i);
            positionById.put(track.id(), i);
            String key = keyOfArtist.computeIfAbsent(track.artist(), Catalog::artistKey);
            artistByKey.putIfAbsent(key, track.artist());
            positionsByArtistKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        // Asked on every request: a scan of a million tracks each time would cost milliseconds.
        this.hasAudioFeatures = this.tracks.stream()
                .anyMatch(t -> t.features() != null && t.features().energy() != null);
        this.hasYears = this.tracks.stream().anyMatch(t -> t.year() != null);
    }

    /** How artist names are compared: case, accents of spacing and punctuation do not matter. */
    public static String artistKey(String artist) {
        String folded = Normalizer.normalize(artist, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    public List<Track> tracks() {
        return tracks;
    }

    public int size() {
        return tracks.size();
    }

    public Optional<Track> find(String id) {
        Integer position = id == null ? null : positionById.get(id);
        return position == null ? Optional.empty() : Optional.of(tracks.get(position));
    }

    /** Position of a track, the key of its row in vector arrays; -1 when unknown. */
    public int position(String id) {
        return positionById.getOrDefault(id, -1);
    }

    public Track at(int position) {
        return tracks.get(position);
    }

    /** Tag → track count, most frequent first. */
    public Map<String, Integer> vocabulary(TagCategory category) {
        return vocabulary.get(category);
    }

    public Optional<TagCategory> categoryOf(String tag) {
        for (TagCategory category : TagCategory.values()) {
            if (vocabulary.get(category).containsKey(tag)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    /** The catalog's spelling of an artist, matched by {@link #artistKey}. */
    public Optional<String> artist(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(artistByKey.get(artistKey(name)));
    }

    public List<Track> tracksBy(String artist) {
        List<Integer> positions = positionsByArtistKey.getOrDefault(artistKey(artist), List.of());
        return positions.stream().map(tracks::get).toList();
    }

    /** Artist keys (see {@link #artistKey}) mapped to the catalog's spelling, for name matching in prompts. */
    public Map<String, String> artistsByKey() {
        return Collections.unmodifiableMap(new TreeMap<>(artistByKey));
    }

    public IngestReport report() {
        return report;
    }

    public String checksum() {
        return report.checksum();
    }

    public boolean hasAudioFeatures() {
        return hasAudioFeatures;
    }

    public boolean hasYears() {
        return hasYears;
    }
}
