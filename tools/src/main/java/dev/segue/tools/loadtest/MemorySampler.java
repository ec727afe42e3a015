package dev.segue.tools.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Samples the service's resident memory (VmRSS from /proc) every few seconds, so a soak shows whether memory levels
 * off (the heap sizing itself) or keeps climbing (a leak). Only on Linux, and only for a process on this machine.
 */
final class MemorySampler implements Runnable {

    static final long INTERVAL_SECONDS = 5;

    /** Resident memory {@code seconds} after the test started. */
    record RssSample(long seconds, long kb) {}

    private final String pid;
    private final long startNanos;
    private final long stopNanos;
    private final List<RssSample> samples = new CopyOnWriteArrayList<>();

    MemorySampler(String pid, long startNanos, long stopNanos) {
        this.pid = pid;
        this.startNanos = startNanos;
        this.stopNanos = stopNanos;
    }

    /** The service started from its packaged jar, when the user gave no --pid. */
    static Optional<String> findServicePid() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("quarkus-run.jar"))
                        .orElse(false))
                .map(p -> String.valueOf(p.pid()))
                .findFirst();
    }

    @Override
    public void run() {
        while (System.nanoTime() < stopNanos) {
            rssKb().ifPresent(kb -> samples.add(new RssSample(elapsedSeconds(), kb)));
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(INTERVAL_SECONDS));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    List<RssSample> samples() {
        return List.copyOf(samples);
    }

    private long elapsedSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
    }

    private Optional<Long> rssKb() {
        if (pid == null) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(Path.of("/proc", pid, "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
