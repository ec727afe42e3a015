package dev.segue.tools.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcStatusTest {

    @Test
    void readsMemoryFieldsInBytes() {
        List<String> status =
                List.of("Name:\tjava", "VmPeak:\t 9000000 kB", "VmHWM:\t  470564 kB", "VmRSS:\t  1024 kB");
        assertEquals(OptionalLong.of(470_564L * 1024), ProcStatus.bytes(status, "VmHWM"));
        assertEquals(OptionalLong.of(1024L * 1024), ProcStatus.bytes(status, "VmRSS"));
        assertFalse(ProcStatus.bytes(status, "VmSwap").isPresent());
    }

    @Test
    void readsThisJvmsOwnStatusAndCommandLine() {
        long pid = ProcessHandle.current().pid();
        assertTrue(ProcStatus.bytes(pid, "VmHWM").orElse(0) > 1024 * 1024, "a JVM holds more than a MB");
        assertFalse(ProcStatus.commandLine(pid).isEmpty());
    }

    @Test
    void theJvmOptionsAreWhatComesBeforeTheJar() {
        assertEquals(
                List.of("--add-modules", "jdk.incubator.vector", "-XX:+UseG1GC"),
                ProcStatus.jvmOptions(List.of(
                        "/usr/lib/jvm/x/bin/java",
                        "--add-modules",
                        "jdk.incubator.vector",
                        "-XX:+UseG1GC",
                        "-jar",
                        "target/quarkus-app/quarkus-run.jar",
                        "ingest")));
        assertEquals(List.of(), ProcStatus.jvmOptions(List.of("bash", "./segue")));
    }
}
