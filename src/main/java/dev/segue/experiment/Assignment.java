package dev.segue.experiment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Which arm a listener is in: SHA-256 of "experimentId:userId" read as a number uniform in [0, 1), laid over the
 * arms' cumulative weights. Nothing is stored, so it is sticky across requests and restarts; the experiment id in
 * the hash makes the assignments of two experiments independent.
 */
public final class Assignment {

    private static final double TWO_TO_53 = 0x1p53;

    private Assignment() {}

    /** A number in [0, 1) that depends only on the experiment and the listener. */
    public static double unit(String experimentId, String userId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((experimentId + ":" + userId).getBytes(StandardCharsets.UTF_8));
            long top53 = ByteBuffer.wrap(digest).getLong() >>> 11;
            return top53 / TWO_TO_53;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The listener's arm: the first whose cumulative share of the total weight passes their number. */
    public static Arm arm(String experimentId, List<Arm> arms, String userId) {
        double total = arms.stream().mapToDouble(Arm::weight).sum();
        double point = unit(experimentId, userId) * total;
        double cumulative = 0;
        for (Arm arm : arms) {
            cumulative += arm.weight();
            if (point < cumulative) {
                return arm;
            }
        }
        return arms.get(arms.size() - 1); // rounding at the very top
    }
}
