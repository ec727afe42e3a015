package dev.segue.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads a catalog file into tracks. Bad rows are counted and reported with their reason, never fatal; the file's
 * SHA-256 (with format and mapping) becomes the catalog checksum that decides whether a persisted index still fits.
 */
public final class CatalogIngester {

    private static final int MAX_SAMPLES = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV =
            CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES).build();

    private CatalogIngester() {}

    /** Reads the whole catalog into memory (demo-sized catalogs, a Qdrant load, tests). */
    public static Catalog ingest(CatalogSource source, ProgressBar progress) throws IOException {
        List<Track> tracks = new ArrayList<>();
        Streamed streamed = stream(source, progress, tracks::add);
        List<Track> finished = streamed.mapper().finish(tracks);
        return new Catalog(finished, streamed.report());
    }

    /** What a streaming read found: the report and the mapper, whose whole-catalog pass is still to run. */
    public record Streamed(IngestReport report, RowMapper mapper) {}

    /** Where accepted tracks go, one at a time and in catalog order. */
    @FunctionalInterface
    public interface TrackSink {
        void accept(Track track) throws IOException;
    }

    /**
     * Reads the catalog row by row, handing each accepted track to the sink without holding it: memory does not grow
     * with the catalog (beyond the set of ids, for duplicates). The mapper's whole-catalog pass is left to the caller.
     */
    public static Streamed stream(CatalogSource source, ProgressBar progress, TrackSink sink) throws IOException {
        MessageDigest digest = sha256();
        long size = source.size();
        Tally tally = new Tally();
        CatalogFormat format;
        RowMapper mapper;
        try (InputStream raw = source.open()) {
            CountingStream counted = new CountingStream(new DigestInputStream(raw, digest));
            BufferedReader reader = new BufferedReader(new InputStreamReader(
                    maybeGunzip(counted),
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE)));
            String firstLine = peekFirstLine(reader);
            format = source.format() != null ? source.format() : CatalogFormat.detect(firstLine);
            mapper = format.mapper(source.columnMapping());
            progress.total(size);
            Consumer<Row> accept = accepting(mapper, sink, tally, () -> progress.update(counted.count, "bytes"));
            if (format == CatalogFormat.JSONL) {
                readJsonLines(reader, accept, tally);
            } else {
                readCsv(reader, accept, tally);
            }
            progress.update(Math.max(size, counted.count), "bytes");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        digest.update(("|" + format + "|" + new TreeMap<>(source.columnMapping())).getBytes(StandardCharsets.UTF_8));
        IngestReport report = new IngestReport(
                source.location(),
                format,
                tally.rowsRead,
                tally.accepted,
                tally.rejected,
                tally.samples,
                HexFormat.of().formatHex(digest.digest()));
        progress.done(String.format(Locale.ROOT, "%,d tracks, %,d rejected", tally.accepted, report.rejected()));
        return new Streamed(report, mapper);
    }

    private static Consumer<Row> accepting(RowMapper mapper, TrackSink sink, Tally tally, Runnable showProgress) {
        Set<String> seenIds = new HashSet<>();
        return row -> {
            tally.rowsRead++;
            try {
                Track track = mapper.map(row);
                if (!seenIds.add(track.id())) {
                    throw new RowRejectedException("duplicate id");
                }
                sink.accept(track);
                tally.accepted++;
            } catch (RowRejectedException e) {
                tally.reject(row.line(), e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (tally.rowsRead % 500 == 0) {
                showProgress.run();
            }
        };
    }

    private static void readCsv(BufferedReader reader, Consumer<Row> accept, Tally tally) throws IOException {
        CsvRecords records = new CsvRecords(new BoundedLines(reader));
        CsvRecords.Record header = records.next();
        if (header == null) {
            return;
        }
        if (header.rejection() != null) {
            throw new IllegalArgumentException("the catalog's header: " + header.rejection());
        }
        List<String> columns = csvHeader(header.text());
        records.expectColumns(columns.size());
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        ObjectReader rowReader = CSV.readerForMapOf(String.class).with(schema.build());
        for (CsvRecords.Record record = records.next(); record != null; record = records.next()) {
            if (record.rejection() != null) {
                tally.malformed(record.line(), record.rejection());
                continue;
            }
            Map<String, String> values;
            try {
                values = rowReader.readValue(record.text());
            } catch (JsonProcessingException e) {
                tally.malformed(record.line(), records.malformed(record));
                continue;
            }
            accept.accept(new Row(values, record.line()));
        }
    }

    private static List<String> csvHeader(String text) throws IOException {
        String[] names = CSV.readerFor(String[].class).readValue(text.startsWith("\uFEFF") ? text.substring(1) : text);
        return Arrays.stream(names).map(String::strip).toList();
    }

    private static void readJsonLines(BufferedReader reader, Consumer<Row> accept, Tally tally) throws IOException {
        BoundedLines lines = new BoundedLines(reader);
        for (BoundedLines.Line line = lines.next(); line != null; line = lines.next()) {
            if (line.tooLong()) {
                // Not parsed: a line this long is no track, and parsing it would build the map it is meant to bloat.
                tally.malformed(line.number(), RowLimits.ROW_TOO_LONG);
                continue;
            }
            if (line.text().isBlank()) {
                continue;
            }
            Map<String, Object> values;
            try {
                values = JSON.readValue(
                        line.text(), JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
            } catch (JsonProcessingException e) {
                tally.malformed(line.number(), "malformed JSON");
                continue;
            }
            accept.accept(new Row(values, line.number()));
        }
    }

    /** The rows read so far, and the rejected ones: how many for each reason, and the first few as samples. */
    private static final class Tally {
        final Map<String, Integer> rejected = new LinkedHashMap<>();
        final List<String> samples = new ArrayList<>();
        long rowsRead;
        int accepted;

        /** A row that could not even be parsed: it counts as read, and is rejected. */
        void malformed(long line, String reason) {
            rowsRead++;
            reject(line, reason);
        }

        void reject(long line, String reason) {
            rejected.merge(reason, 1, Integer::sum);
            if (samples.size() < MAX_SAMPLES) {
                samples.add("line " + line + ": " + reason);
            }
        }
    }

    /** The first line, or its first 64 KiB: enough to detect the format, and never a whole file read into a line. */
    private static String peekFirstLine(BufferedReader reader) throws IOException {
        char[] head = new char[1 << 16];
        reader.mark(head.length);
        int read = reader.read(head, 0, head.length);
        reader.reset();
        if (read <= 0) {
            return null;
        }
        String text = new String(head, 0, read);
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).replace("\r", "");
    }

    private static InputStream maybeGunzip(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the bytes read from the (possibly compressed) file, for the progress bar. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
