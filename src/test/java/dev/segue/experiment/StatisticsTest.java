package dev.segue.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.experiment.Statistics.Difference;
import dev.segue.experiment.Statistics.Estimate;
import dev.segue.experiment.Statistics.SampleRatio;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void aMeanHasAStudentTInterval() {
        Estimate e = Statistics.mean(new double[] {1, 2, 3, 4, 5});
        assertEquals(3.0, e.mean(), 1e-12);
        // t(4, 0.975) = 2.7764451; sd = 1.5811388; half-width = 2.776 * 1.581 / sqrt(5)
        assertEquals(3 - 1.9632, e.low(), 1e-3);
        assertEquals(3 + 1.9632, e.high(), 1e-3);
        assertNull(Statistics.mean(new double[] {4}).low(), "no interval from one listener");
        assertNull(Statistics.mean(new double[0]).mean());
    }

    @Test
    void welchMatchesAWorkedExample() {
        // SciPy: ttest_ind(a, b, equal_var=False) -> t = 3.4092, df = 7.478, p = 0.010221; 95% CI 1.1476 6.1324
        Difference d = Statistics.welch(
                new double[] {20.8, 22.1, 19.7, 24.5, 23.2}, new double[] {18.2, 17.9, 19.5, 16.4, 20.1});
        assertEquals(3.64, d.difference(), 1e-9);
        assertEquals(1.1476, d.low(), 1e-3);
        assertEquals(6.1324, d.high(), 1e-3);
        assertEquals(0.010221, d.pValue(), 1e-5);
    }

    @Test
    void aSplitThatMatchesItsWeightsIsNotFlagged() {
        SampleRatio srm = Statistics.sampleRatio(new long[] {5_030, 4_970}, new double[] {1, 1});
        assertFalse(srm.mismatch(), "p = " + srm.pValue());
        assertTrue(srm.pValue() > 0.5);
        SampleRatio uneven = Statistics.sampleRatio(new long[] {7_010, 2_990}, new double[] {7, 3});
        assertFalse(uneven.mismatch(), "p = " + uneven.pValue());
    }

    @Test
    void aCorruptedSplitIsFlagged() {
        // 52/48 of 10,000 listeners where the weights say 50/50: chi-square 16, p = 6.3e-5
        SampleRatio srm = Statistics.sampleRatio(new long[] {5_200, 4_800}, new double[] {1, 1});
        assertEquals(16.0, srm.chiSquare(), 1e-9);
        assertTrue(srm.mismatch(), "p = " + srm.pValue());
        assertEquals(6.334e-5, srm.pValue(), 1e-7);
        assertTrue(Statistics.sampleRatio(new long[] {500, 500}, new double[] {9, 1})
                .mismatch());
    }
}
