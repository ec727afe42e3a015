package dev.segue.tools.scale;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The texts a generated catalog has used so far, as 64-bit hashes in an open-addressing table kept at most half full:
 * at most 32 bytes a distinct text, so a million-track catalog (429,000 distinct texts) needs 8 MB here while its rows
 * themselves are never held.
 */
final class SeenTexts {

    private static final long EMPTY = 0;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private long[] table = new long[1 << 10];
    private int size;

    /** Adds the text; true when it was not there before. */
    boolean add(String text) {
        long hash = hash(text);
        if ((size + 1) * 2L > table.length) {
            grow();
        }
        boolean added = insert(table, hash);
        if (added) {
            size++;
        }
        return added;
    }

    int size() {
        return size;
    }

    private static boolean insert(long[] into, long hash) {
        int mask = into.length - 1;
        int i = (int) (hash ^ (hash >>> 32)) & mask;
        while (into[i] != EMPTY) {
            if (into[i] == hash) {
                return false;
            }
            i = (i + 1) & mask;
        }
        into[i] = hash;
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        Arrays.stream(old).filter(h -> h != EMPTY).forEach(h -> insert(table, h));
    }

    /** FNV-1a over the UTF-8 bytes; 0 is kept for empty slots. */
    static long hash(String text) {
        long hash = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        }
        return hash == EMPTY ? 1 : hash;
    }
}
