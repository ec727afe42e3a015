package dev.segue.tools.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.tools.common.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationReportTest {

    /** A report as the service writes it, with one p-value and difference for every metric of the treatment. */
    private static JsonNode report(double pValue, double difference, boolean mismatch) {
        StringBuilder versus = new StringBuilder("{");
        for (String metric : SimulationReport.WORSE_SIGN.keySet()) {
            versus.append(versus.length() > 1 ? "," : "")
                    .append('"')
                    .append(metric)
                    .append("\":{\"difference\":")
                    .append(difference)
                    .append(",\"low\":0,\"high\":0,\"pValue\":")
                    .append(pValue)
                    .append('}');
        }
        return Json.read("{\"sampleRatio\":{\"mismatch\":" + mismatch + ",\"users\":[1,1],\"pValue\":0.5},"
                + "\"arms\":[{\"metrics\":{},\"options\":{}},{\"metrics\":{},\"options\":{},\"versusControl\":"
                + versus + "}}]}");
    }

    @Test
    void falsePositivesAreTheAaTestsBelowAlpha() {
        List<JsonNode> aa = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            aa.add(report(i < 6 ? 0.01 : 0.5, 0.0, i == 0));
        }
        SimulationReport.Result result =
                SimulationReport.of(new Simulation.Reports(aa, report(0.001, 0.05, false), "exp-ab", 10, 20), Map.of());
        assertEquals(SimulationReport.WORSE_SIGN.size(), result.aa().size());
        for (SimulationReport.FalsePositives f : result.aa()) {
            assertEquals(6, f.rate().successes(), f.metric());
            assertEquals(100, f.rate().trials());
        }
        assertEquals(1, result.sampleRatioFlags().successes());
    }

    @Test
    void aDetectionNeedsSignificanceAndTheRightSign() {
        SimulationReport.Result result = SimulationReport.of(
                new Simulation.Reports(List.of(report(0.5, 0, false)), report(0.001, 0.05, false), "exp-ab", 10, 20),
                Map.of());
        // a higher value is worse only for the skip rate: every other metric went the wrong way
        for (SimulationReport.Detection d : result.ab()) {
            assertEquals(d.metric().equals("skipRate"), d.detected(), d.metric());
        }
        SimulationReport.Result insignificant = SimulationReport.of(
                new Simulation.Reports(List.of(report(0.5, 0, false)), report(0.2, 0.05, false), "exp-ab", 10, 20),
                Map.of());
        assertFalse(insignificant.ab().stream().anyMatch(SimulationReport.Detection::detected));
        assertTrue(SimulationReport.markdown(result, report(0.001, 0.05, false)).contains("| skipRate |"));
    }
}
