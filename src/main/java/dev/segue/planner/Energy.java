package dev.segue.planner;

/** The energy a listener asked for; a target on Spotify's 0..1 energy scale where tracks have audio features. */
public enum Energy {
    LOW(0.3),
    MEDIUM(0.55),
    HIGH(0.85);

    private final double target;

    Energy(double target) {
        this.target = target;
    }

    public double target() {
        return target;
    }
}
