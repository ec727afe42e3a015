package dev.segue.tools.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** What Linux says about a process in /proc: its memory (VmHWM, VmRSS) and its command line. */
final class ProcStatus {

    private static final long KIB = 1024;

    private ProcStatus() {}

    /** A field of /proc/PID/status such as "VmHWM:  123456 kB", in bytes; empty once the process is gone. */
    static OptionalLong bytes(long pid, String field) {
        try {
            return bytes(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")), field);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong bytes(List<String> statusLines, String field) {
        for (String line : statusLines) {
            if (line.startsWith(field + ":")) {
                String[] parts = line.substring(field.length() + 1).strip().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]) * KIB);
            }
        }
        return OptionalLong.empty();
    }

    /** The arguments the process was started with (after an exec, the new program's); empty once it is gone. */
    static List<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> args = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    args.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            return args;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The machine's load average over 1, 5 and 15 minutes ("10.28 9.87 6.44"); "?" where /proc has none. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields.length < 3 ? "?" : String.join(" ", List.of(fields).subList(0, 3));
        } catch (IOException e) {
            return "?";
        }
    }

    /** The JVM's own options: what comes between the java executable and -jar. */
    static List<String> jvmOptions(List<String> commandLine) {
        int jar = commandLine.indexOf("-jar");
        return jar < 1 ? List.of() : commandLine.subList(1, jar);
    }
}
