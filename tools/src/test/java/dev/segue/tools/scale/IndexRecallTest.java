package dev.segue.tools.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.tools.common.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class IndexRecallTest {

    @Test
    void findsRecallAt20WhereverTheReportPutsIt() {
        assertEquals(new BigDecimal("0.97"), IndexRecall.recallAt20(Json.read("{\"recallAt20\": 0.97}")));
        assertEquals(
                new BigDecimal("0.95"),
                IndexRecall.recallAt20(Json.read(
                        "{\"k\": 20, \"unfiltered\": {\"queries\": 300, \"recall\": 0.91, \"recall@20\": 0.95}}")));
        assertEquals(new BigDecimal("0.88"), IndexRecall.recallAt20(Json.read("{\"results\": [{\"recall\": 0.88}]}")));
        assertNull(IndexRecall.recallAt20(Json.read("{\"queries\": 300}")));
        assertNull(IndexRecall.recallAt20(null));
    }

    @Test
    void onlyTheCommandsOwnHelpCountsAsTheCommand() {
        // What today's ./segue prints for "index-recall --help": its own usage, exit code 0.
        assertFalse(IndexRecall.isItsHelp("Usage: segue [-hV] [COMMAND]\nCommands:\n  serve  ...\n"));
        assertTrue(IndexRecall.isItsHelp("Usage: segue index-recall [-hV] [--out=FILE]\nCompares ...\n"));
    }
}
