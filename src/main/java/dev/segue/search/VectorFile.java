package dev.segue.search;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.VectorUtil;

/**
 * The distinct track vectors by ordinal in one flat file of little-endian floats, memory-mapped read-only: the
 * serving process reads any vector from any thread without copying the table onto the heap (the page cache holds
 * it, shared and reclaimable). Lucene's own vector values are single-threaded cursors, hence this file beside them.
 */
final class VectorFile implements AutoCloseable {

    /** Whole vectors per mapped chunk: a mapping is limited to 2 GB. */
    private static final long CHUNK_BYTES = 1L << 30;

    private final int dimension;
    private final int count;
    private final int perChunk;
    private final List<FloatBuffer> chunks = new ArrayList<>();

    private VectorFile(int dimension, int count, int perChunk) {
        this.dimension = dimension;
        this.count = count;
        this.perChunk = perChunk;
    }

    static VectorFile open(Path file, int dimension) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long bytesPerVector = 4L * dimension;
            int count = Math.toIntExact(channel.size() / bytesPerVector);
            int perChunk = (int) (CHUNK_BYTES / bytesPerVector);
            VectorFile vectors = new VectorFile(dimension, count, perChunk);
            for (long first = 0; first < count; first += perChunk) {
                long size = Math.min(perChunk, count - first) * bytesPerVector;
                ByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, first * bytesPerVector, size);
                vectors.chunks.add(mapped.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer());
            }
            return vectors;
        }
    }

    int count() {
        return count;
    }

    int dimension() {
        return dimension;
    }

    /** A copy of one vector. */
    float[] get(int ordinal) {
        float[] vector = new float[dimension];
        read(ordinal, vector);
        return vector;
    }

    /** Copies one vector into {@code into} (absolute reads: safe from many threads at once). */
    void read(int ordinal, float[] into) {
        if (ordinal < 0 || ordinal >= count) {
            throw new IndexOutOfBoundsException("vector " + ordinal + " of " + count);
        }
        chunks.get(ordinal / perChunk).get((ordinal % perChunk) * dimension, into, 0, dimension);
    }

    /** The dot product of the query with a stored vector, using {@code scratch} to hold it. */
    float dot(float[] query, int ordinal, float[] scratch) {
        read(ordinal, scratch);
        return VectorUtil.dotProduct(query, scratch);
    }

    /**
     * Nothing to release: the mappings stay valid until collected (vectors handed out before a rebuild keep working),
     * and no file handle is held open.
     */
    @Override
    public void close() {}

    /** Writes vectors at their ordinal's place, in any order and from any thread (positional writes). */
    static final class Writer implements AutoCloseable {
        private final FileChannel channel;
        private final int dimension;

        Writer(Path file, int dimension) throws IOException {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            this.dimension = dimension;
        }

        void write(int ordinal, float[] vector) throws IOException {
            ByteBuffer bytes = ByteBuffer.allocate(4 * dimension).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(vector);
            long position = 4L * dimension * ordinal;
            while (bytes.hasRemaining()) {
                position += channel.write(bytes, position);
            }
        }

        /** What was written is on disk: a checkpoint may now say so. */
        void force() throws IOException {
            channel.force(false);
        }

        /** Cuts the file to this many vectors (a resumed build whose catalog has fewer distinct texts). */
        void truncate(int vectors) throws IOException {
            channel.truncate(4L * dimension * vectors);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
