package dev.segue.experiment;

import dev.segue.diversity.DiversityMetrics;
import dev.segue.diversity.DiversityReport;
import dev.segue.profile.ProfileService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How varied and how fair what one arm showed was (docs/diversity.md): artist Gini, long-tail share, coverage and
 * intra-list diversity over every list the arm showed; popularity calibration per listener, against their own
 * listening history, averaged over the listeners who have one.
 */
@ApplicationScoped
class ArmDiversity {

    private final DiversityMetrics metrics;
    private final ProfileService profiles;

    ArmDiversity(DiversityMetrics metrics, ProfileService profiles) {
        this.metrics = metrics;
        this.profiles = profiles;
    }

    /** Null when none of the arm's exposures recorded its tracks. */
    DiversityReport of(List<Exposure> exposures) {
        Map<String, List<List<String>>> byListener = new LinkedHashMap<>();
        exposures.stream()
                .filter(x -> !x.trackIds().isEmpty())
                .forEach(x -> byListener
                        .computeIfAbsent(x.userId(), u -> new ArrayList<>())
                        .add(x.trackIds()));
        if (byListener.isEmpty()) {
            return null;
        }
        List<List<String>> all =
                byListener.values().stream().flatMap(List::stream).toList();
        DiversityReport shown = metrics.measure(all, List.of());
        OptionalDouble calibration = byListener.entrySet().stream()
                .map(e -> calibration(e.getKey(), e.getValue()))
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .average();
        return new DiversityReport(
                shown.artistGini(),
                shown.longTailShare(),
                shown.catalogCoverage(),
                shown.intraListDiversity(),
                calibration.isPresent() ? calibration.getAsDouble() : null);
    }

    private Double calibration(String userId, List<List<String>> lists) {
        List<String> history = profiles.history(userId);
        return history.isEmpty() ? null : metrics.measure(lists, history).popularityCalibration();
    }
}
