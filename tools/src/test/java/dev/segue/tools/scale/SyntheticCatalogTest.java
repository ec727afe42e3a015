package dev.segue.tools.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.tools.common.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generator against the real demo catalog: same bytes for a seed, rows as they are made, the demo's shape. */
class SyntheticCatalogTest {

    private static DemoCatalog demo;

    @BeforeAll
    static void readDemo() throws IOException {
        demo = DemoCatalog.read(DemoCatalog.locate());
    }

    @Test
    void theSameSeedWritesTheSameCatalogAndAnotherSeedAnother() throws IOException {
        String first = generate(3_000, 7);
        assertEquals(first, generate(3_000, 7));
        assertNotEquals(first, generate(3_000, 8));
    }

    @Test
    void writesTheDemosColumnsWithUniqueIdsThatRead() throws IOException {
        List<List<String>> records = records(generate(5_000, 1));
        assertEquals(demo.header(), records.getFirst());
        List<List<String>> rows = records.subList(1, records.size());
        assertEquals(5_000, rows.size());
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        int id = demo.column("jamendo_track_id");
        for (List<String> row : rows) {
            assertEquals(demo.header().size(), row.size(), "every row has every column: " + row);
            assertTrue(row.get(id).matches("\\d{1,12}"), "segue ingest takes only digits as a Jamendo id");
            ids.add(row.get(id));
            names.add(row.get(demo.column("title")) + " by " + row.get(demo.column("artist")));
        }
        assertEquals(rows.size(), ids.size());
        assertTrue(names.size() > 0.97 * rows.size(), "titles and artists are unique-ish: " + names.size());
    }

    @Test
    void repeatsTextsAsTheDemoDoesAtItsSizeAndBeyond() throws IOException {
        TrackTexts real = TrackTexts.of(demo);
        assertTrue(real.duplicateShare() > 0.5, "the demo's tags-only texts repeat: " + real.duplicateShare());
        for (int tracks : List.of(demo.size(), 40_000)) {
            TrackTexts synthetic = new TrackTexts(demo.header());
            records(generate(tracks, 3)).stream().skip(1).forEach(synthetic::add);
            assertEquals(tracks, synthetic.tracks());
            assertEquals(real.duplicateShare(), synthetic.duplicateShare(), 0.01, tracks + " tracks");
            assertTrue(
                    synthetic.largeGroupShare() > 0.5 * real.largeGroupShare(),
                    "big groups of identical texts stay: " + synthetic.largeGroupShare());
        }
    }

    @Test
    void aSampleSmallerThanTheDemoRepeatsLessAndChangesNoTags() throws IOException {
        TrackTexts synthetic = new TrackTexts(demo.header());
        List<List<String>> rows = records(generate(2_000, 5)).subList(1, 2_001);
        rows.forEach(synthetic::add);
        TrackTexts real = TrackTexts.of(demo);
        Set<String> realKeys = real.counts().keySet();
        assertTrue(synthetic.duplicateShare() < real.duplicateShare());
        assertTrue(rows.stream().allMatch(row -> realKeys.contains(real.key(row))), "every combination is a real one");
    }

    @Test
    void streamsRowsAsItMakesThem() {
        // Asked for a billion rows, it must hand over the first thousand long before it could have made them all.
        Appendable stopsAfterAThousandLines = new Appendable() {
            private int lines;

            @Override
            public Appendable append(CharSequence text) {
                return this;
            }

            @Override
            public Appendable append(CharSequence text, int start, int end) {
                return this;
            }

            @Override
            public Appendable append(char c) {
                if (c == '\n' && ++lines == 1_000) {
                    throw new IllegalStateException("enough");
                }
                return this;
            }
        };
        SyntheticCatalog catalog = new SyntheticCatalog(demo);
        IllegalStateException stopped = assertThrows(
                IllegalStateException.class, () -> catalog.write(1_000_000_000L, 1, stopsAfterAThousandLines));
        assertEquals("enough", stopped.getMessage());
    }

    private static String generate(long tracks, long seed) throws IOException {
        StringBuilder out = new StringBuilder();
        new SyntheticCatalog(demo).write(tracks, seed, out);
        return out.toString();
    }

    private static List<List<String>> records(String csv) throws IOException {
        List<List<String>> records = new ArrayList<>();
        Csv.records(new BufferedReader(new StringReader(csv)), records::add);
        return records;
    }
}
