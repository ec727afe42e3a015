package dev.segue.eval;

/** A gate on an aggregate metric: "&gt;= 0.9" or "&lt;= 800". */
public record Threshold(String metric, boolean atLeast, double value) {

    public boolean holds(double actual) {
        return atLeast ? actual >= value - 1e-9 : actual <= value + 1e-9;
    }

    @Override
    public String toString() {
        return (atLeast ? ">= " : "<= ") + Format.number(value);
    }
}
