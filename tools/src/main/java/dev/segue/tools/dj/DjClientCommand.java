package dev.segue.tools.dj;

import dev.segue.tools.common.ReportFiles;
import dev.segue.tools.common.ServiceUrl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** A small AI-DJ client: prints a session's segments as they stream in, or times segment planning with --bench. */
@Command(
        name = "dj-client",
        sortOptions = false,
        description = {
            "Opens a DJ session and prints each segment (intro and tracks), at once or as a listener would hear"
                    + " them (--pace); with --request it sends a request after the second segment.",
            "With --bench N it instead times N calls to GET /next and writes p50/p95 to --out."
        })
public final class DjClientCommand implements Callable<Integer> {

    /** The request goes in once the listener has heard this many segments, so its effect shows in the next ones. */
    private static final int REQUEST_AFTER_SEGMENT = 2;

    @Mixin
    ServiceUrl service;

    @Option(
            names = "--vibe",
            paramLabel = "TEXT",
            defaultValue = "late night chill electronic",
            description = "the session's opening vibe (default: ${DEFAULT-VALUE})")
    String vibe;

    @Option(
            names = "--segments",
            paramLabel = "N",
            defaultValue = "4",
            description = "segments to print before ending the session (default ${DEFAULT-VALUE})")
    int segments;

    @Option(
            names = "--request",
            paramLabel = "TEXT",
            description = "a listener request to send after segment 2, e.g. \"more energy\"")
    String request;

    @Option(
            names = "--pace",
            paramLabel = "now|live",
            defaultValue = "now",
            converter = Pace.Reader.class,
            description = "now: pull each segment at once with GET /next (default); live: listen to the session's"
                    + " Server-Sent Events, where a segment arrives when the one before would have finished"
                    + " playing, minutes apart unless the service runs with a small segue.dj.pace")
    Pace pace;

    @Option(
            names = "--bench",
            paramLabel = "N",
            defaultValue = "0",
            description = "time N calls to GET /next instead of printing segments (0: print them)")
    int bench;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = ReportFiles.DEFAULT_DIR,
            description = "where --bench writes its report (default ${DEFAULT-VALUE})")
    Path out;

    @Spec
    CommandSpec spec;

    /** How segments reach the client: pulled at once, or streamed at the pace they would play. */
    enum Pace {
        NOW,
        LIVE;

        /** The option's value as the help spells it, in any case. */
        static final class Reader implements ITypeConverter<Pace> {
            @Override
            public Pace convert(String value) {
                for (Pace pace : values()) {
                    if (pace.name().equalsIgnoreCase(value.strip())) {
                        return pace;
                    }
                }
                throw new TypeConversionException("expected now or live, got '" + value + "'");
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        if (segments < 1 || bench < 0) {
            throw new ParameterException(spec.commandLine(), "--segments must be >= 1 and --bench >= 0");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        try (DjApi api = new DjApi(service.url())) {
            String session = api.openSession(vibe);
            stdout.println("session " + session + " — vibe: " + vibe);
            stdout.flush();
            if (bench > 0) {
                NextBench.run(api, session, bench, out, stdout);
                return 0;
            }
            if (pace == Pace.LIVE) {
                // On stderr: stdout is the segments. Without it a live client looks stuck for minutes.
                PrintWriter stderr = spec.commandLine().getErr();
                stderr.println("listening live: each segment arrives when the one before would have finished"
                        + " playing (--pace now prints them at once)");
                stderr.flush();
                listen(api, session, stdout);
            } else {
                pull(api, session, stdout);
            }
            api.endSession(session);
        }
        return 0;
    }

    private void pull(DjApi api, String session, PrintWriter stdout) throws IOException, InterruptedException {
        for (int seen = 1; seen <= segments; seen++) {
            print(api.nextSegment(session), seen, api, session, stdout);
        }
    }

    private void listen(DjApi api, String session, PrintWriter stdout) throws IOException, InterruptedException {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(api.events(session), StandardCharsets.UTF_8))) {
            ServerSentEvents events = new ServerSentEvents(reader);
            int seen = 0;
            for (Optional<ServerSentEvents.Event> event; seen < segments && (event = events.next()).isPresent(); ) {
                if ("segment".equals(event.get().name())) {
                    print(event.get().data(), ++seen, api, session, stdout);
                }
            }
        }
    }

    /** Prints the segment, and after the second one sends the request, so its effect shows in the next ones. */
    private void print(String segmentJson, int seen, DjApi api, String session, PrintWriter stdout)
            throws IOException, InterruptedException {
        SegmentPrinter.lines(segmentJson).forEach(stdout::println);
        if (seen == REQUEST_AFTER_SEGMENT && request != null) {
            stdout.println("  >> request \"" + request + "\": " + api.request(session, request));
        }
        stdout.flush();
    }
}
