package dev.segue.eval.spotify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RankerSplitTest {

    /** Values from tools/ranker/queries.py's playlist_split: the evaluation must hold out what the ranker held out. */
    @Test
    void playlistSplitsMatchTheRankersTrainingSplits() {
        assertEquals("train", RankerSplit.of("Pop Hits 2019"));
        assertEquals("val", RankerSplit.of("Rock Classics"));
        assertEquals("val", RankerSplit.of("Alternative Hip Hop"));
        assertEquals("test", RankerSplit.of("Cardio"));
        assertEquals("test", RankerSplit.of("post teen pop"));
        assertEquals("test", RankerSplit.of("🤩🤪Post Teen Pop🤪🤩"));
    }
}
