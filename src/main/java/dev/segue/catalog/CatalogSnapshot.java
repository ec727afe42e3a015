package dev.segue.catalog;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accepted tracks of a catalog in a compact binary file, in catalog order, each with the ordinal of its vector:
 * the index holds the catalog, so a restart reads this (seconds at a million tracks) instead of parsing and
 * checksumming the source file again. Tracks are stored as the row mapper made them; {@link #read} applies the
 * mapper's whole-catalog pass (popularity percentiles), which a streaming ingest cannot do. Java serialization and
 * JSON were each several times slower to read back; the format is private to one index build.
 */
public final class CatalogSnapshot {

    private static final int MAGIC = 0x53475431; // "SGT1"

    private CatalogSnapshot() {}

    /** Tracks in catalog order and, for each, the ordinal of its vector. */
    public record Contents(List<Track> tracks, int[] vectorOrdinals) {}

    /** Appends tracks to a new snapshot file. */
    public static final class Writer implements AutoCloseable {
        private final DataOutputStream out;
        private int count;

        public Writer(Path file) throws IOException {
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            out.writeInt(MAGIC);
        }

        public void write(Track track, int vectorOrdinal) throws IOException {
            out.writeBoolean(true);
            out.writeInt(vectorOrdinal);
            text(track.id());
            text(track.title());
            text(track.artist());
            text(track.album());
            out.writeInt(track.year() == null ? Integer.MIN_VALUE : track.year());
            out.writeDouble(track.durationSec());
            tags(track.genres());
            tags(track.moods());
            tags(track.instruments());
            number(track.popularity());
            text(track.license());
            text(track.url());
            features(track.features());
            out.writeByte(track.explicit() == null ? 2 : track.explicit() ? 1 : 0);
            text(track.audioUrl());
            count++;
        }

        public int count() {
            return count;
        }

        private void text(String value) throws IOException {
            if (value == null) {
                out.writeInt(-1);
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        private void tags(List<String> tags) throws IOException {
            out.writeShort(tags.size());
            for (String tag : tags) {
                text(tag);
            }
        }

        private void number(Double value) throws IOException {
            out.writeDouble(value == null ? Double.NaN : value);
        }

        private void features(AudioFeatures features) throws IOException {
            out.writeBoolean(features != null);
            if (features != null) {
                number(features.energy());
                number(features.valence());
                number(features.danceability());
                number(features.tempo());
                number(features.acousticness());
                number(features.instrumentalness());
            }
        }

        @Override
        public void close() throws IOException {
            out.writeBoolean(false);
            out.close();
        }
    }

    /**
     * Reads a snapshot written by {@link Writer}, sharing repeated values (tags, tag lists, artists, licenses) so a
     * million tracks take a few hundred megabytes, then applies the format's whole-catalog pass.
     */
    public static Contents read(Path file, CatalogFormat format, Map<String, String> columnMapping) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a catalog snapshot: " + file);
            }
            Reader reader = new Reader(in);
            List<Track> tracks = new ArrayList<>();
            IntList ordinals = new IntList();
            while (in.readBoolean()) {
                ordinals.add(in.readInt());
                tracks.add(reader.track());
            }
            return new Contents(format.mapper(columnMapping).finish(tracks), ordinals.toArray());
        } catch (EOFException e) {
            throw new IOException("the catalog snapshot is cut short: " + file, e);
        }
    }

    private static final class Reader {
        private final DataInputStream in;
        private final Map<String, String> shared = new HashMap<>();
        private final Map<List<String>, List<String>> sharedLists = new HashMap<>();

        Reader(DataInputStream in) {
            this.in = in;
        }

        Track track() throws IOException {
            String id = text(false);
            String title = text(false);
            String artist = text(true);
            String album = text(true);
            int year = in.readInt();
            double duration = in.readDouble();
            List<String> genres = tags();
            List<String> moods = tags();
            List<String> instruments = tags();
            Double popularity = number();
            String license = text(true);
            String url = text(false);
            AudioFeatures features = features();
            byte explicit = in.readByte();
            return new Track(
                    id,
                    title,
                    artist,
                    album,
                    year == Integer.MIN_VALUE ? null : year,
                    duration,
                    genres,
                    moods,
                    instruments,
                    popularity,
                    license,
                    url,
                    features,
                    explicit == 2 ? null : explicit == 1,
                    text(false));
        }

        private String text(boolean share) throws IOException {
            int length = in.readInt();
            if (length < 0) {
                return null;
            }
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw new EOFException();
            }
            String value = new String(bytes, StandardCharsets.UTF_8);
            return share ? shared.computeIfAbsent(value, v -> v) : value;
        }

        private List<String> tags() throws IOException {
            int size = in.readShort() & 0xffff;
            if (size == 0) {
                return List.of();
            }
            List<String> tags = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                tags.add(text(true));
            }
            return sharedLists.computeIfAbsent(List.copyOf(tags), l -> l);
        }

        private Double number() throws IOException {
            double value = in.readDouble();
            return Double.isNaN(value) ? null : value;
        }

        private AudioFeatures features() throws IOException {
            if (!in.readBoolean()) {
                return null;
            }
            return new AudioFeatures(number(), number(), number(), number(), number(), number());
        }
    }

    /** A growable int array: a million boxed Integers would cost 16 MB more for nothing. */
    private static final class IntList {
        private int[] values = new int[1024];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
