package dev.segue.tools.scale;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A launcher run ({@code ./segue ...}) whose memory is read from /proc while it runs. The launcher execs the JVM, so
 * the process keeps its id and, once it runs java, its VmHWM is the JVM's peak resident memory (a build the launcher
 * may run first happens in child processes and is not counted).
 */
final class WatchedProcess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final Process process;
    private final long startNanos;
    private final Thread poller;
    private volatile long peakBytes;
    private volatile long rssBytes;
    private volatile List<String> javaCommandLine = List.of();

    /** Where a service started this way listens; null for a command that serves nothing. */
    private String baseUrl;

    private WatchedProcess(Process process, long startNanos) {
        this.process = process;
        this.startNanos = startNanos;
        this.poller =
                Thread.ofPlatform().daemon().name("proc-poll-" + process.pid()).start(this::poll);
    }

    /** Starts the command in {@code dir} with these extra environment variables, output and errors to {@code log}. */
    static WatchedProcess start(List<String> command, Path dir, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long start = System.nanoTime();
        return new WatchedProcess(builder.start(), start);
    }

    private void poll() {
        long pid = process.pid();
        while (process.isAlive()) {
            if (javaCommandLine.isEmpty()) {
                List<String> args = ProcStatus.commandLine(pid);
                if (!args.isEmpty() && args.getFirst().endsWith("java")) {
                    javaCommandLine = List.copyOf(args);
                }
            }
            if (!javaCommandLine.isEmpty()) {
                ProcStatus.bytes(pid, "VmHWM").ifPresent(b -> peakBytes = Math.max(peakBytes, b));
                ProcStatus.bytes(pid, "VmRSS").ifPresent(b -> rssBytes = b);
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Notes where the process serves HTTP. */
    WatchedProcess at(String url) {
        this.baseUrl = url;
        return this;
    }

    String baseUrl() {
        return baseUrl;
    }

    boolean alive() {
        return process.isAlive();
    }

    double secondsSinceStart() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** @return the exit code, or empty when it is still running after {@code timeout} */
    Integer waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** The JVM's peak resident memory so far (VmHWM, sampled every 100 ms), in bytes. */
    long peakBytes() {
        return peakBytes;
    }

    /** The latest resident memory read (VmRSS), in bytes. */
    long rssBytes() {
        ProcStatus.bytes(process.pid(), "VmRSS").ifPresent(b -> rssBytes = b);
        return rssBytes;
    }

    List<String> jvmOptions() {
        return ProcStatus.jvmOptions(javaCommandLine);
    }

    /** SIGTERM, as Ctrl-C would stop the service; a kill only when it does not stop within a minute. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        poller.interrupt();
    }
}
