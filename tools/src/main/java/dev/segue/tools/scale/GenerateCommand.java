package dev.segue.tools.scale;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scale generate}: one synthetic catalog, written as it is made. */
@Command(
        name = "generate",
        sortOptions = false,
        description = "Writes a synthetic catalog of N tracks drawn from the demo catalog's real rows (Jamendo CSV).")
public final class GenerateCommand implements Callable<Integer> {

    static final long DEFAULT_SEED = 21;

    @Option(names = "--tracks", required = true, paramLabel = "N", description = "how many tracks")
    long tracks;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "the catalog to write; gzip-compressed when it ends in .gz")
    Path out;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "" + DEFAULT_SEED,
            description = "the same seed writes the same catalog (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--demo",
            paramLabel = "FILE",
            description = "the catalog to draw from (default: " + "src/main/resources/catalog/jamendo-sd11k.csv.gz)")
    Path demo;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (tracks < 1) {
            spec.commandLine().getErr().println("generate: --tracks must be at least 1");
            return 2;
        }
        long start = System.nanoTime();
        generate(DemoCatalog.read(demo != null ? demo : DemoCatalog.locate()), tracks, seed, out);
        spec.commandLine()
                .getOut()
                .printf("wrote %,d tracks to %s in %.1f s%n", tracks, out, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** Writes beside the target and moves it into place, so an interrupted run never leaves a short catalog. */
    static void generate(DemoCatalog demo, long tracks, long seed, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = parent.resolve(file.getFileName() + ".partial");
        try (OutputStream raw = Files.newOutputStream(partial);
                OutputStream stream = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
                Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
            new SyntheticCatalog(demo).write(tracks, seed, writer);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
