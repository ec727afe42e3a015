package dev.segue.diversity;

/**
 * How varied and how fair a set of shown lists is (definitions in docs/diversity.md). {@code longTailShare} is null
 * where the catalog has no popularity; {@code popularityCalibration} is null also where there is no history.
 *
 * @param artistGini Gini coefficient of the tracks shown per artist, over every artist of the catalog (0 = equal
 *     exposure, near 1 = a few artists take it all)
 * @param longTailShare share of the shown tracks whose popularity is below the catalog's median
 * @param catalogCoverage distinct tracks shown over the catalog's size
 * @param intraListDiversity mean pairwise cosine distance of the tracks' vectors within a list, averaged over lists
 * @param popularityCalibration Jensen–Shannon divergence (base 2, 0..1) between the head/mid/tail shares of the shown
 *     tracks and of the listener's history: 0 = shown as popular as listened
 */
public record DiversityReport(
        double artistGini,
        Double longTailShare,
        double catalogCoverage,
        double intraListDiversity,
        Double popularityCalibration) {}
