package dev.segue.api.validation;

import java.util.Locale;
import java.util.Map;

/** Query and header parameters arrive as text; these read them as {@link Flag} and {@link Between} check them. */
public final class Params {

    private static final Map<String, Boolean> FLAGS =
            Map.of("true", true, "1", true, "yes", true, "false", false, "0", false, "no", false);

    private Params() {}

    /** False when absent; call it on a parameter that {@link Flag} has checked. */
    public static boolean flag(String value) {
        return !isAbsent(value) && FLAGS.getOrDefault(value.trim().toLowerCase(Locale.ROOT), false);
    }

    /** Null when absent; call it on a parameter that {@link Between} has checked. */
    public static Integer integer(String value) {
        return isAbsent(value) ? null : Integer.parseInt(value.trim());
    }

    static boolean isFlag(String value) {
        return isAbsent(value) || FLAGS.containsKey(value.trim().toLowerCase(Locale.ROOT));
    }

    public static boolean isAbsent(String value) {
        return value == null || value.isBlank();
    }
}
