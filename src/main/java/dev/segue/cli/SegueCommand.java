package dev.segue.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** {@code segue [command]}: with no command, serves. */
@TopCommand
@Command(
        name = "segue",
        mixinStandardHelpOptions = true,
        versionProvider = SegueVersion.class,
        description = "Prompt in, playlist out. With no command, serves on http://localhost:8080.",
        subcommands = {
            ServeCommand.class,
            IngestCommand.class,
            ExportTrainingDataCommand.class,
            McpCommand.class,
            IndexRecallCommand.class
        })
public class SegueCommand implements Runnable {

    private final ServeCommand serve;

    SegueCommand(ServeCommand serve) {
        this.serve = serve;
    }

    @Override
    public void run() {
        serve.run();
    }

    /**
     * Whether these arguments start the service (no command, or serve alone) rather than another command, or help:
     * {@code serve --help} prints help, it does not open the port and the database.
     */
    public static boolean serves(String... args) {
        return args.length == 0 || (args.length == 1 && args[0].equals("serve"));
    }
}
