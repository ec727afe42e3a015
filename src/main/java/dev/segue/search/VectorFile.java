package dev.segue.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.lucene.util.VectorUtil;

/**
 * The distinct track vectors by ordinal in one flat file of little-endian floats. A small file (every demo-sized
 * catalog) is read onto the heap; a large one is read a vector at a time with positional reads, so only the page cache
 * holds it: mapping it instead made every random read pull 128 KB of neighbours into the process (the kernel's
 * read-ahead; Java cannot advise against it on a mapping), and a few searches put the whole file in its memory.
 */
final class VectorFile implements Closeable {

    /** Up to this size the vectors are held on the heap (about 43,000 vectors of 384 floats). */
    private static final long ON_HEAP_BYTES = 64L << 20;

    private final int dimension;
    private final int count;
    private final float[] onHeap;
    private final FileChannel channel;
    private final ThreadLocal<ByteBuffer> buffers;

    private VectorFile(int dimension, int count, float[] onHeap, FileChannel channel) {
        this.dimension = dimension;
        this.count = count;
        this.onHeap = onHeap;
        this.channel = channel;
        this.buffers = ThreadLocal.withInitial(
                () -> ByteBuffer.allocateDirect(4 * dimension).order(ByteOrder.LITTLE_ENDIAN));
    }

    static VectorFile open(Path file, int dimension) throws IOException {
        int count = count(file, dimension);
        if (Files.size(file) > ON_HEAP_BYTES) {
            return new VectorFile(dimension, count, null, FileChannel.open(file, StandardOpenOption.READ));
        }
        float[] all = new float[count * dimension];
        readRange(
                file,
                dimension,
                0,
                count,
                (ordinal, vector) -> System.arraycopy(vector, 0, all, ordinal * dimension, dimension));
        return new VectorFile(dimension, count, all, null);
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

    /** Copies one vector into {@code into} (safe from many threads at once). */
    void read(int ordinal, float[] into) {
        if (ordinal < 0 || ordinal >= count) {
            throw new IndexOutOfBoundsException("vector " + ordinal + " of " + count);
        }
        if (onHeap != null) {
            System.arraycopy(onHeap, ordinal * dimension, into, 0, dimension);
            return;
        }
        ByteBuffer bytes = buffers.get().clear();
        try {
            long position = 4L * dimension * ordinal;
            while (bytes.hasRemaining()) {
                int read = channel.read(bytes, position);
                if (read < 0) {
                    throw new IOException("the vector file ends before vector " + ordinal);
                }
                position += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vector " + ordinal, e);
        }
        bytes.flip().asFloatBuffer().get(into);
    }

    /** The dot product of the query with a stored vector, using {@code scratch} to hold it. */
    float dot(float[] query, int ordinal, float[] scratch) {
        read(ordinal, scratch);
        return VectorUtil.dotProduct(query, scratch);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }

    /** Receives vectors read in order. */
    @FunctionalInterface
    interface VectorSink {
        void accept(int ordinal, float[] vector) throws IOException;
    }

    /** Vectors in the file: its size over the size of one. */
    static int count(Path file, int dimension) throws IOException {
        return Math.toIntExact(Files.size(file) / (4L * dimension));
    }

    /**
     * Reads vectors {@code from} (inclusive) to {@code to} in order, into one reused array. Read, not mapped: a build
     * touches every vector once, and mapped pages would count against the building process's memory.
     */
    static void readRange(Path file, int dimension, int from, int to, VectorSink sink) throws IOException {
        int perRead = 1024;
        ByteBuffer bytes = ByteBuffer.allocate(4 * dimension * perRead).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[dimension];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int first = from; first < to; first += perRead) {
                int n = Math.min(perRead, to - first);
                bytes.clear().limit(4 * dimension * n);
                long position = 4L * dimension * first;
                while (bytes.hasRemaining()) {
                    int read = channel.read(bytes, position);
                    if (read < 0) {
                        throw new IOException("the vector file ends before vector " + to + ": " + file);
                    }
                    position += read;
                }
                FloatBuffer floats = bytes.flip().asFloatBuffer();
                for (int i = 0; i < n; i++) {
                    floats.get(vector);
                    sink.accept(first + i, vector);
                }
            }
        }
    }

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
