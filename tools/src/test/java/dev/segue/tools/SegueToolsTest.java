package dev.segue.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class SegueToolsTest {

    @Test
    void listsEveryTool() {
        LocalServer.Run run = LocalServer.run("--help");

        assertEquals(0, run.exitCode());
        for (String tool : new String[] {"bench", "load-test", "fake-llm", "dj-client"}) {
            assertTrue(run.out().contains("  " + tool + " "), tool + " missing from:\n" + run.out());
        }
    }

    @Test
    void noToolNamedListsThemAndFails() {
        LocalServer.Run run = LocalServer.run();

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("  dj-client "), run.err());
    }

    @Test
    void aServiceThatIsNotThereIsOneLineAndExitCodeOne() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LocalServer.Run run = LocalServer.run("dj-client", "--url", "http://127.0.0.1:" + closedPort);

        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("dj-client: ConnectException"), run.err());
    }

    @Test
    void everyToolHasHelp() {
        for (String tool : new String[] {"bench", "load-test", "fake-llm", "dj-client"}) {
            LocalServer.Run run = LocalServer.run(tool, "--help");

            assertEquals(0, run.exitCode(), tool);
            assertTrue(run.out().startsWith("Usage: segue-tools " + tool), run.out());
        }
    }

    @Test
    void anUnknownOptionIsExitCodeTwoWithOneLineWhy() {
        LocalServer.Run run = LocalServer.run("dj-client", "--vibes", "jazz");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("dj-client: Unknown option"), run.err());
        assertTrue(run.err().contains("'--vibes'"), run.err());
        assertTrue(run.err().contains("Try --help."), run.err());
    }
}
