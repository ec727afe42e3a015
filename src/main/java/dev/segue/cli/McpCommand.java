package dev.segue.cli;

import dev.segue.agent.Planners;
import dev.segue.mcp.SegueMcp;
import dev.segue.ranking.TransformerRanker;
import dev.segue.search.SearchIndex;
import jakarta.enterprise.inject.Instance;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code segue mcp}: Segue's MCP server over stdio, for desktop assistants that start it as a child process. Stdout
 * carries JSON-RPC only: every log line goes to stderr, and so does anything else printed. It serves until its input
 * closes (the assistant quit), with the same index, database and planners as the HTTP service.
 */
@Command(
        name = "mcp",
        mixinStandardHelpOptions = true,
        description = "Serve MCP over stdio for desktop assistants: JSON-RPC on stdin/stdout, logs on stderr.")
public class McpCommand implements Callable<Integer> {

    /** Options that print something and exit: they are not MCP. */
    private static final Set<String> INFORMATION = Set.of("-h", "--help", "-V", "--version");

    /** Stdout as the process started: the protocol's channel once {@link #reserveStdout} ran. */
    private static PrintStream protocol = System.out;

    private final Instance<SegueMcp> mcp;
    private final Instance<SearchIndex> index;
    private final Instance<TransformerRanker> ranker;
    private final Instance<Planners> planners;

    McpCommand(
            Instance<SegueMcp> mcp,
            Instance<SearchIndex> index,
            Instance<TransformerRanker> ranker,
            Instance<Planners> planners) {
        this.mcp = mcp;
        this.index = index;
        this.ranker = ranker;
        this.planners = planners;
    }

    /** Whether these arguments serve MCP over stdio (not its help or version). */
    static boolean speaksMcp(String... args) {
        return args.length >= 1 && args[0].equals("mcp") && Arrays.stream(args).noneMatch(INFORMATION::contains);
    }

    /** Keeps stdout for JSON-RPC: whatever else the process prints goes to stderr from now on. */
    static void reserveStdout() {
        protocol = System.out;
        System.setOut(System.err);
    }

    @Override
    public Integer call() throws InterruptedException {
        index.get(); // the catalog index, built on the first start, before the first request
        ranker.get();
        planners.get();
        mcp.get().serveStdio(System.in, protocol);
        return 0;
    }
}
