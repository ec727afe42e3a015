package dev.segue.eval.spotify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The split tools/ranker/queries.py gave a playlist's title (train, val or test): the transformer ranker trained on
 * the train split's "first tracks -> the rest" examples, which is the personalisation evaluation's task, so its honest
 * numbers are those of the test split. The same hash as queries.py's playlist_split, so both sides agree.
 */
final class RankerSplit {

    private RankerSplit() {}

    static String of(String title) {
        String normalised =
                title.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-z]+", " ").strip();
        String key = "spotify-playlist:" + (normalised.isEmpty() ? title.strip() : normalised);
        byte[] digest = sha256(key.getBytes(StandardCharsets.UTF_8));
        long top = 0;
        for (int i = 0; i < 6; i++) {
            top = (top << 8) | (digest[i] & 0xff);
        }
        double h = top / (double) (1L << 48);
        return h < 0.70 ? "train" : h < 0.85 ? "val" : "test";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
