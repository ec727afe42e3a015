package dev.segue.tools.scale;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Short commands around a run: the launcher's build check, and the commit and JDK the run measured. */
final class Launcher {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);

    private Launcher() {}

    /** Runs the launcher with these arguments; its exit code, or null when it did not finish in time. */
    static Integer run(List<String> launcher, List<String> args, Path root, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(args);
        try (WatchedProcess process = WatchedProcess.start(command, root, Map.of(), log)) {
            return process.waitFor(BUILD_TIMEOUT);
        }
    }

    /** The short commit, with "-dirty" when the working tree has changes the commit lacks. */
    static String commit(Path root) throws IOException, InterruptedException {
        String head = output(List.of("git", "rev-parse", "--short", "HEAD"), root);
        String changes = output(List.of("git", "status", "--porcelain", "--untracked-files=no"), root);
        return head.isEmpty() ? "unknown" : head + (changes.isEmpty() ? "" : "-dirty");
    }

    /** The JDK the launchers pick (tools/jdk.sh), as {@code java -version} names it. */
    static String java(Path root) throws IOException, InterruptedException {
        String script = "source tools/jdk.sh && segue_select_jdk && \"$JAVA_HOME/bin/java\" -version 2>&1 | head -1";
        return output(List.of("bash", "-c", script), root);
    }

    private static String output(List<String> command, Path root) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        String text = new String(process.getInputStream().readAllBytes()).strip();
        return process.waitFor() == 0 ? text : "";
    }
}
