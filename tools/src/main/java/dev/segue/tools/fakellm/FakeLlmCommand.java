package dev.segue.tools.fakellm;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Serves the fake model until the process is stopped (Ctrl-C or kill). */
@Command(
        name = "fake-llm",
        description = {
            "An OpenAI-compatible stand-in that answers instantly, for measuring the agent's own overhead (tool calls,"
                    + " grounding, assembly) without a model's latency.",
            "First call: one search_tracks for the listener's words; second call: a selection of the first 20 ids"
                    + " found in the tool result.",
            "Point the service at it: SEGUE_LLM_BASE_URL=http://localhost:PORT/v1"
        })
public final class FakeLlmCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "PORT",
            defaultValue = "9099",
            description = "port on 127.0.0.1 (default ${DEFAULT-VALUE})")
    int port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FakeLlmServer server = FakeLlmServer.start(port);
        PrintWriter out = spec.commandLine().getOut();
        out.println("fake LLM on " + server.baseUrl());
        out.flush();
        // The server's threads do the work; this one only keeps the command (and so the process) from exiting.
        Thread.currentThread().join();
        return 0;
    }
}
