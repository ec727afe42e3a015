package dev.segue.tools.scale;

import dev.segue.tools.common.Csv;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A catalog of any size in the demo's own format (Jamendo CSV, so {@code segue ingest} reads it as it reads the demo),
 * drawn from the demo's real rows. Each synthetic track copies one real row's tags, duration, license and listening
 * counts together, so tags and the rest keep their joint distribution; ids are new, titles mix the words of two real
 * titles and artists are real ones numbered per copy of the demo, so names stay realistic yet unique-ish.
 *
 * <p>Tags-only texts repeat (the service embeds tags only): the generator keeps the share of duplicate texts at the
 * demo's (57%) from the demo's size on. Where a drawn row would push that share higher, it adds a real tag from another
 * row to the drawn combination until the text is new, as a real catalog keeps meeting new combinations. Below the
 * demo's size a sample repeats less than the whole, and no text is changed. Rows are written as they are made: memory
 * is the demo plus the hashes of the texts seen ({@link SeenTexts}).
 */
final class SyntheticCatalog {

    /** How many extra tags a new combination may need before the row keeps its duplicate text. */
    private static final int NOVELTY_TRIES = 8;

    private final DemoCatalog demo;
    private final TrackTexts texts;
    private final double duplicateShare;
    private final int[] tagColumns;
    private final Columns columns;

    SyntheticCatalog(DemoCatalog demo) {
        this.demo = demo;
        this.texts = TrackTexts.of(demo);
        this.duplicateShare = texts.duplicateShare();
        this.tagColumns = new int[] {
            demo.column(DemoCatalog.GENRES), demo.column(DemoCatalog.MOODS), demo.column(DemoCatalog.INSTRUMENTS)
        };
        this.columns = new Columns(demo);
    }

    /** The demo's share of duplicate texts, which the synthetic catalogs keep. */
    double demoDuplicateShare() {
        return duplicateShare;
    }

    /** Writes the header and {@code tracks} rows, one CSV line each; the same seed writes the same bytes. */
    void write(long tracks, long seed, Appendable out) throws IOException {
        out.append(Csv.line(demo.header())).append('\n');
        SplittableRandom random = new SplittableRandom(seed);
        SeenTexts seen = new SeenTexts();
        for (long i = 0; i < tracks; i++) {
            List<String> row = row(i, random, seen);
            out.append(Csv.line(row)).append('\n');
        }
    }

    private List<String> row(long index, SplittableRandom random, SeenTexts seen) {
        List<String> drawn = demo.rows().get(random.nextInt(demo.size()));
        String[] row = drawn.toArray(String[]::new);
        columns.rename(row, index, demo.size(), demo.rows().get(random.nextInt(demo.size())));
        if (!seen.add(texts.key(Arrays.asList(row)))) {
            long allowedDistinct = Math.round((1 - duplicateShare) * (index + 1));
            if (seen.size() < allowedDistinct) {
                makeNew(row, random, seen);
            }
        }
        return Arrays.asList(row);
    }

    /** Adds real tags, each from another random row, until the row's text is one no row before it had. */
    private void makeNew(String[] row, SplittableRandom random, SeenTexts seen) {
        for (int attempt = 0; attempt < NOVELTY_TRIES; attempt++) {
            int column = tagColumns[random.nextInt(tagColumns.length)];
            String donor = demo.rows().get(random.nextInt(demo.size())).get(column);
            if (donor.isEmpty()) {
                continue;
            }
            String[] donorTags = donor.split("\\|");
            String tag = donorTags[random.nextInt(donorTags.length)];
            List<String> tags = new ArrayList<>(row[column].isEmpty() ? List.of() : List.of(row[column].split("\\|")));
            if (tags.contains(tag)) {
                continue;
            }
            tags.add(tag);
            row[column] = String.join("|", tags);
            if (seen.add(texts.key(Arrays.asList(row)))) {
                return;
            }
        }
    }

    /** The columns a synthetic row gets anew: ids, title, artist, and what is spelled from them. */
    private static final class Columns {

        private final int id;
        private final int mtgId;
        private final int title;
        private final int artist;
        private final int artistId;
        private final int albumId;
        private final int attribution;
        private final int path;

        Columns(DemoCatalog demo) {
            id = demo.column("jamendo_track_id");
            mtgId = demo.column("mtg_track_id");
            title = demo.column("title");
            artist = demo.column("artist");
            artistId = demo.column("mtg_artist_id");
            albumId = demo.column("mtg_album_id");
            attribution = demo.column("attribution_raw");
            path = demo.column("mtg_path");
        }

        /** Copy {@code copy} of the demo (index / demo size) has its own artists: copy 0 the real ones. */
        void rename(String[] row, long index, int demoSize, List<String> otherRow) {
            long trackId = index + 1;
            long copy = index / demoSize;
            String suffix = copy == 0 ? "" : " " + (copy + 1);
            row[id] = Long.toString(trackId);
            row[mtgId] = String.format(Locale.ROOT, "track_%07d", trackId);
            row[title] = mixTitles(row[title], otherRow.get(title));
            row[artist] = row[artist] + suffix;
            row[artistId] = row[artistId] + (copy == 0 ? "" : "_" + copy);
            row[albumId] = row[albumId] + (copy == 0 ? "" : "_" + copy);
            row[attribution] = row[title] + " by " + row[artist];
            row[path] = (trackId % 100) + "/" + trackId + ".mp3";
        }

        /** The first half of one title's words and the second half of another's: real words, new titles. */
        static String mixTitles(String first, String second) {
            String[] a = first.strip().split("\\s+");
            String[] b = second.strip().split("\\s+");
            List<String> words = new ArrayList<>(Arrays.asList(a).subList(0, (a.length + 1) / 2));
            words.addAll(Arrays.asList(b).subList(b.length / 2, b.length));
            String mixed = String.join(" ", words).strip();
            return mixed.isEmpty() ? first : mixed;
        }
    }
}
