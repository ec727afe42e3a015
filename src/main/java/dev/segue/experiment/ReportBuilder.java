package dev.segue.experiment;

import dev.segue.diversity.DiversityReport;
import dev.segue.experiment.ExperimentReport.ArmReport;
import dev.segue.experiment.ExperimentReport.MetricInfo;
import dev.segue.experiment.ExperimentReport.SampleRatioCheck;
import dev.segue.experiment.Statistics.Difference;
import dev.segue.experiment.Statistics.Estimate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Builds a report from an experiment's exposures and outcomes, one {@link Listener} per listener and arm. */
final class ReportBuilder {

    private ReportBuilder() {}

    static ExperimentReport build(
            Experiment experiment,
            List<Exposure> exposures,
            List<Outcome> outcomes,
            Function<List<Exposure>, DiversityReport> diversity) {
        Map<String, Map<String, Listener>> byArm = new LinkedHashMap<>();
        experiment.arms().forEach(a -> byArm.put(a.name(), new LinkedHashMap<>()));
        Map<String, List<Listener>> bySubject = new HashMap<>();
        for (Exposure x : exposures) {
            Listener listener = byArm.computeIfAbsent(x.arm(), a -> new LinkedHashMap<>())
                    .computeIfAbsent(x.userId(), u -> new Listener());
            listener.exposed(x);
            List<Listener> shown = bySubject.computeIfAbsent(x.subjectId(), s -> new ArrayList<>());
            if (!shown.contains(listener)) {
                shown.add(listener);
            }
        }
        for (Outcome o : outcomes) {
            bySubject.getOrDefault(o.subjectId(), List.of()).forEach(l -> l.did(o.type()));
        }
        List<List<Listener>> arms = experiment.arms().stream()
                .map(a -> List.copyOf(byArm.get(a.name()).values()))
                .toList();
        List<ArmReport> reports = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            Arm arm = experiment.arms().get(i);
            List<Exposure> shown =
                    exposures.stream().filter(x -> x.arm().equals(arm.name())).toList();
            reports.add(arm(arm, i == 0, arms.get(i), arms.get(0), diversity.apply(shown)));
        }
        int users = (int) byArm.values().stream()
                .flatMap(m -> m.keySet().stream())
                .distinct()
                .count();
        return new ExperimentReport(
                experiment,
                Instant.now(),
                users,
                exposures.size(),
                sampleRatio(experiment, arms),
                Arrays.stream(Metric.values()).map(MetricInfo::of).toList(),
                reports);
    }

    private static ArmReport arm(
            Arm arm, boolean control, List<Listener> listeners, List<Listener> controls, DiversityReport diversity) {
        Map<String, Estimate> metrics = new LinkedHashMap<>();
        Map<String, Difference> versus = control ? null : new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            if (m == Metric.P95_LATENCY_MS) {
                metrics.put(m.key(), Percentiles.p95(listeners));
                if (versus != null) {
                    versus.put(m.key(), Percentiles.p95Difference(listeners, controls));
                }
                continue;
            }
            double[] values = values(listeners, m);
            metrics.put(m.key(), Statistics.mean(values));
            if (versus != null) {
                versus.put(m.key(), Statistics.welch(values, values(controls, m)));
            }
        }
        return new ArmReport(
                arm.name(),
                arm.weight(),
                arm.options(),
                control,
                listeners.size(),
                listeners.stream().mapToInt(Listener::exposures).sum(),
                metrics,
                versus,
                diversity);
    }

    /** One value per listener who has one (a listener who started nothing has no skip rate). */
    private static double[] values(List<Listener> listeners, Metric metric) {
        return listeners.stream()
                .mapToDouble(l -> l.value(metric))
                .filter(v -> !Double.isNaN(v))
                .toArray();
    }

    private static SampleRatioCheck sampleRatio(Experiment experiment, List<List<Listener>> arms) {
        long[] users = arms.stream().mapToLong(List::size).toArray();
        double[] weights = experiment.arms().stream().mapToDouble(Arm::weight).toArray();
        double total = Arrays.stream(weights).sum();
        Statistics.SampleRatio srm = Statistics.sampleRatio(users, weights);
        return new SampleRatioCheck(
                Arrays.stream(users).boxed().toList(),
                Arrays.stream(weights).map(w -> w / total).boxed().toList(),
                srm.chiSquare(),
                srm.pValue(),
                Statistics.SRM_ALPHA,
                srm.mismatch());
    }
}
