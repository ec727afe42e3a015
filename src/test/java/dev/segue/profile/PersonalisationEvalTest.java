package dev.segue.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PersonalisationEvalTest {

    /** Values from tools/ranker/queries.py's playlist_split: the evaluation must hold out what the ranker held out. */
    @Test
    void playlistSplitsMatchTheRankersTrainingSplits() {
        assertEquals("train", PersonalisationEval.rankerSplit("Pop Hits 2019"));
        assertEquals("val", PersonalisationEval.rankerSplit("Rock Classics"));
        assertEquals("val", PersonalisationEval.rankerSplit("Alternative Hip Hop"));
        assertEquals("test", PersonalisationEval.rankerSplit("Cardio"));
        assertEquals("test", PersonalisationEval.rankerSplit("post teen pop"));
        assertEquals("test", PersonalisationEval.rankerSplit("🤩🤪Post Teen Pop🤪🤩"));
    }
}
