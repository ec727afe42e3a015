package dev.segue.eval;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the command line as the application runs it (the CommandLine bean, with its error handler), in this JVM:
 * the exit code and what it printed. Far cheaper than launching the application once per run.
 */
record CommandLineRun(int exit, String out, String err) {

    static CommandLineRun of(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.out.println(out);
        return new CommandLineRun(exit, out.toString(), err.toString());
    }

    String console() {
        return out + "\n" + err;
    }
}
