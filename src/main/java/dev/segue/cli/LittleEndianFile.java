package dev.segue.cli;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A binary file of little-endian float32/int32 values, as numpy's fromfile reads them (tools/ranker/data.py). */
final class LittleEndianFile implements AutoCloseable {

    private final DataOutputStream out;

    LittleEndianFile(Path path) throws IOException {
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16));
    }

    void write(float[] values) throws IOException {
        for (float value : values) {
            out.writeInt(Integer.reverseBytes(Float.floatToRawIntBits(value)));
        }
    }

    void write(int value) throws IOException {
        out.writeInt(Integer.reverseBytes(value));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
