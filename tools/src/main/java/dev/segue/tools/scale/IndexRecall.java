package dev.segue.tools.scale;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.tools.common.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The service's own recall check, {@code segue index-recall --out FILE.json}, when this build of the service has one: it
 * compares the index's top 20 with an exact scan of the same vectors. Older builds lack it; the column then stays empty.
 */
final class IndexRecall {

    private static final Duration TIMEOUT = Duration.ofMinutes(60);

    private IndexRecall() {}

    /**
     * Whether {@code segue index-recall --help} is that command's help: a launcher without the command prints its own
     * usage for an unknown word followed by --help, and exits 0 too.
     */
    static boolean available(List<String> segue, Path root, Path log) throws IOException, InterruptedException {
        List<String> help = new ArrayList<>(segue);
        help.addAll(List.of("index-recall", "--help"));
        try (WatchedProcess process = WatchedProcess.start(help, root, Map.of(), log)) {
            Integer code = process.waitFor(Duration.ofMinutes(5));
            if (code == null || code != 0) {
                return false;
            }
        }
        return isItsHelp(Files.readString(log));
    }

    static boolean isItsHelp(String helpOutput) {
        return helpOutput.lines().anyMatch(line -> line.startsWith("Usage:") && line.contains("index-recall"));
    }

    /** Runs it on the catalog and data dir; the report's JSON, or null (and why in the log) when it failed. */
    static JsonNode run(List<String> segue, Path root, Map<String, String> env, Path out, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(segue);
        command.addAll(List.of("index-recall", "--out", out.toString()));
        // The exact scan it compares with holds every distinct vector on the heap (660 MB at a million tracks).
        Map<String, String> withHeap = new HashMap<>(env);
        withHeap.put("SEGUE_JAVA_OPTS", "-Xmx4g");
        try (WatchedProcess process = WatchedProcess.start(command, root, withHeap, log)) {
            Integer code = process.waitFor(TIMEOUT);
            if (code == null || code != 0 || !Files.exists(out)) {
                return null;
            }
        }
        JsonNode report = Json.read(Files.readString(out));
        return report.isMissingNode() ? null : report;
    }

    /**
     * The recall@20 in the tool's report, whatever its layout: the first number under a field named like "recall"
     * (preferring one that also says 20), searched depth-first.
     */
    static BigDecimal recallAt20(JsonNode report) {
        if (report == null) {
            return null;
        }
        JsonNode best = find(report, true);
        JsonNode any = best != null ? best : find(report, false);
        return any == null ? null : any.decimalValue();
    }

    private static JsonNode find(JsonNode node, boolean needs20) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey().toLowerCase(Locale.ROOT);
            if (field.getValue().isNumber() && name.contains("recall") && (!needs20 || name.contains("20"))) {
                return field.getValue();
            }
        }
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                JsonNode found = find(child, needs20);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
