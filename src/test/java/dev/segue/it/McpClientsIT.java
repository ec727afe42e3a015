package dev.segue.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.path.json.JsonPath;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segue's MCP server driven by real MCP clients, not our own: the official TypeScript SDK client
 * (src/test/node/mcp-check/check.mjs: initialize, list and validate every tool's schemas, create, refine, read and
 * compare with the HTTP API, search, DJ, errors, keys) over Streamable HTTP against the packaged service and over stdio
 * against {@code java -jar quarkus-run.jar mcp}; and the MCP Inspector's CLI, with the command the README shows. Both
 * are pinned by the committed package-lock.json and installed with npm ci under target/.
 */
class McpClientsIT {

    private static final String KEY = "mcp-it-key";
    private static final List<String> TOOLS = List.of(
            "create_playlist",
            "refine_playlist",
            "get_playlist",
            "remove_track",
            "search_tracks",
            "dj_start",
            "dj_next",
            "dj_request");
    private static final Path SOURCE = Path.of("src", "test", "node", "mcp-check");
    private static final Path CHECK = Path.of("target", "mcp-check").toAbsolutePath();

    @TempDir
    static Path dataDir;

    private static ServiceProcess service;

    private record Result(int exitCode, String output) {}

    @BeforeAll
    static void installClientsAndStartTheService() throws Exception {
        assumeTrue(
                onPath("node") && onPath("npm"),
                "MCP client test skipped: it needs Node.js with npm (the official MCP TypeScript SDK runs on it)");
        Files.createDirectories(CHECK);
        for (String file : List.of("package.json", "package-lock.json", "check.mjs")) {
            Files.copy(SOURCE.resolve(file), CHECK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefix", CHECK.toString()));
        assumeTrue(
                install.exitCode() == 0,
                "MCP client test skipped: npm could not install the MCP SDK (no registry?): " + install.output());
        Files.createDirectories(dataDir.resolve("http"));
        service = new ServiceProcess(dataDir.resolve("http"), List.of("-Dsegue.security.api-keys=" + KEY));
        service.start();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theTypeScriptSdkClientOverStreamableHttp() throws Exception {
        Result checked = run(List.of(
                "node", CHECK.resolve("check.mjs").toString(), "http", service.url("/mcp"), KEY, service.url("")));
        assertEquals(0, checked.exitCode(), checked.output() + "\nservice log:\n" + service.log());
        JsonPath summary = new JsonPath(checked.output());
        assertEquals(TOOLS, summary.getList("checks.find { it.name == 'tools/list' }.tools"));
        assertTrue(summary.getString("checks[0].protocolVersion").compareTo("2025-06-18") >= 0, checked.output());
        assertTrue(summary.getInt("checks.find { it.name == 'create_playlist' }.progress") > 0, checked.output());
        assertTrue(checked.output().contains("structuredContent equals GET /api/playlists/{id}"), checked.output());
        assertTrue(checked.output().contains("a write without a key"), checked.output());
        assertTrue(checked.output().contains("create_playlist under an experiment is an exposure"), checked.output());
    }

    @Test
    void theTypeScriptSdkClientOverStdioStartsThePackagedJar() throws Exception {
        Path stdioData = dataDir.resolve("stdio");
        // the index the HTTP service opened (or built) for the same demo catalog: the stdio server opens it at once
        ServiceProcess.copy(dataDir.resolve("http").resolve("index"), stdioData.resolve("index"));
        String java = ProcessHandle.current().info().command().orElse("java");
        Result checked = run(List.of(
                "node",
                CHECK.resolve("check.mjs").toString(),
                "stdio",
                java,
                Path.of("target", "quarkus-app", "quarkus-run.jar")
                        .toAbsolutePath()
                        .toString(),
                stdioData.toString()));
        assertEquals(0, checked.exitCode(), checked.output());
        JsonPath summary = new JsonPath(checked.output());
        assertEquals(TOOLS, summary.getList("checks.find { it.name == 'tools/list' }.tools"));
        assertTrue(summary.getInt("checks.find { it.name == 'create_playlist' }.progress") > 0, checked.output());
        assertTrue(checked.output().contains("tool errors carry the problem bodies"), checked.output());
    }

    /** The README's inspector commands, word for word but for the address and the key. */
    @Test
    void theMcpInspectorCli() throws Exception {
        Result listed = inspector("--method", "tools/list");
        assertEquals(0, listed.exitCode(), listed.output());
        JsonPath tools = new JsonPath(json(listed.output()));
        assertEquals(TOOLS, tools.getList("tools.name"));
        Result created = inspector(
                "--header",
                "Authorization: Bearer " + KEY,
                "--method",
                "tools/call",
                "--tool-name",
                "create_playlist",
                "--tool-arg",
                "prompt=rainy sunday jazz",
                "--tool-arg",
                "length=5");
        assertEquals(0, created.exitCode(), created.output());
        JsonPath playlist = new JsonPath(json(created.output()));
        assertEquals(false, playlist.getBoolean("isError"), created.output());
        assertEquals(5, playlist.getList("structuredContent.tracks").size(), created.output());
    }

    private static Result inspector(String... method) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "npx",
                "--no-install",
                "@modelcontextprotocol/inspector",
                "--cli",
                service.url("/mcp"),
                "--transport",
                "http"));
        command.addAll(Arrays.asList(method));
        return run(command, CHECK.toFile());
    }

    /** The JSON the inspector prints, without the notice before it (v1 says it is deprecated in favour of v2). */
    private static String json(String output) {
        int start = output.indexOf("\n{");
        return start < 0 ? output : output.substring(start + 1);
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        return run(command, null);
    }

    /** Runs a program to its end (at most five minutes) and answers its exit code and everything it printed. */
    private static Result run(List<String> command, File dir) throws IOException, InterruptedException {
        Path log = Files.createTempFile("segue-mcp-client", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("still running after five minutes: " + command + "\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
