package dev.segue.tools.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WilsonTest {

    @Test
    void matchesTheTextbookInterval() {
        // Wilson (1927), z = 1.96: 10 of 200 -> 0.0274 to 0.0896 (as statsmodels proportion_confint(method="wilson"))
        Wilson w = Wilson.of(10, 200);
        assertEquals(0.05, w.rate(), 1e-12);
        assertEquals(0.02738, w.low(), 1e-4);
        assertEquals(0.08958, w.high(), 1e-4);
        assertTrue(w.contains(0.05));
        assertFalse(Wilson.of(40, 200).contains(0.05));
        assertEquals(0.0, Wilson.of(0, 50).low(), 1e-12);
    }
}
