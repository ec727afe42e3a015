package dev.segue.pipeline;

import dev.segue.catalog.Track;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * An embedded track between the embedder and the writer: the track as JSON, the vector as raw floats (exact, and
 * far cheaper than 384 numbers written as text, which the runner would otherwise spend most of its time on).
 */
final class EmbeddedTrackCoder extends CustomCoder<EmbeddedTrack> {

    private static final JsonCoder<Track> TRACK = JsonCoder.of(Track.class);

    static EmbeddedTrackCoder of() {
        return new EmbeddedTrackCoder();
    }

    @Override
    public void encode(EmbeddedTrack value, OutputStream out) throws IOException {
        TRACK.encode(value.track(), out);
        float[] vector = value.vector();
        VarIntCoder.of().encode(vector.length, out);
        DataOutputStream data = new DataOutputStream(out);
        for (float v : vector) {
            data.writeFloat(v);
        }
        data.flush();
    }

    @Override
    public EmbeddedTrack decode(InputStream in) throws IOException {
        Track track = TRACK.decode(in);
        float[] vector = new float[VarIntCoder.of().decode(in)];
        DataInputStream data = new DataInputStream(in);
        for (int i = 0; i < vector.length; i++) {
            vector[i] = data.readFloat();
        }
        return new EmbeddedTrack(track, vector);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmbeddedTrackCoder;
    }

    @Override
    public int hashCode() {
        return EmbeddedTrackCoder.class.hashCode();
    }
}
