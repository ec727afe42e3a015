package dev.segue.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/** Runs one of Segue's commands (serve when none is named) in the application, with its configuration and beans. */
@QuarkusMain
public class SegueMain implements QuarkusApplication {

    private final CommandLine commandLine;

    SegueMain(CommandLine commandLine) {
        this.commandLine = commandLine;
    }

    public static void main(String... args) {
        boolean mcp = McpCommand.speaksMcp(args);
        if (!SegueCommand.serves(args)) {
            // Set before start because they are read at start: a command that does not serve opens no port, leaves
            // the database to the service (an embedded H2 file has one user at a time) and starts quietly.
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.log.category.\"io.quarkus\".level", "WARN");
        }
        if (!SegueCommand.serves(args) && !mcp) {
            System.setProperty("quarkus.flyway.migrate-at-start", "false");
            System.setProperty("quarkus.flyway.postgresql.migrate-at-start", "false");
        }
        if (mcp) {
            // MCP over stdio: stdout is the protocol's, so the log (and any stray print) goes to stderr
            System.setProperty("quarkus.log.console.stderr", "true");
            McpCommand.reserveStdout();
        }
        Quarkus.run(SegueMain.class, args);
    }

    @Override
    public int run(String... args) {
        return commandLine.execute(args);
    }
}
