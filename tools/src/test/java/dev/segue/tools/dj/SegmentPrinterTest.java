package dev.segue.tools.dj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.segue.tools.Bodies;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentPrinterTest {

    @Test
    void printsARealSegmentWithQuotesAndUnicodeAsTheListenerReadsThem() {
        // Recorded from GET /api/dj/sessions/{id}/next after the request "play Noblemo": the intro has escaped
        // straight quotes and curly ones; the old regex reader printed the escapes (\"play Noblemo\").
        List<String> lines = SegmentPrinter.lines(Bodies.read("dj-segment.json"));

        assertEquals(
                List.of(
                        "#1  energy 0.353 — You asked for \"play Noblemo\". Esther Garcia opens this set with"
                                + " “Traces”, all ambient; Tom La Meche keeps it going with “Urbanafrik”.",
                        "    Traces — Esther Garcia",
                        "    Urbanafrik — Tom La Meche",
                        "    HANYMA — Edo Morelli"),
                lines);
    }

    @Test
    void showsMissingFieldsAsQuestionMarks() {
        assertEquals(List.of("#?  energy ? — ?"), SegmentPrinter.lines("{\"tracks\":[]}"));
    }
}
