// Drives Segue's MCP server with the official TypeScript SDK client, as an assistant would (McpClientsIT runs it).
//   node check.mjs http  URL_OF_MCP  API_KEY  URL_OF_THE_HTTP_API
//   node check.mjs stdio JAVA  JAR  DATA_DIR
// Exits 0 and prints a JSON summary when every check holds; otherwise prints what failed and exits 1.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import assert from "node:assert/strict";

const TOOLS = ["create_playlist", "refine_playlist", "get_playlist", "remove_track", "search_tracks", "dj_start",
  "dj_next", "dj_request"];
const LONG = { timeout: 180_000 };
const [mode, ...args] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const summary = { mode, checks: [] };
const stderr = [];
const transportErrors = [];

function passed(name, facts = {}) {
  summary.checks.push({ name, ...facts });
}

function transport(key) {
  if (mode === "http") {
    const headers = key ? { Authorization: `Bearer ${key}` } : {};
    return new StreamableHTTPClientTransport(new URL(args[0]), { requestInit: { headers } });
  }
  const [java, jar, dataDir] = args;
  const t = new StdioClientTransport({
    command: java,
    args: ["--add-modules", "jdk.incubator.vector", "-Xmx1g", `-Dsegue.data-dir=${dataDir}`,
      "-Dsegue.security.api-keys=stdio-needs-no-key", "-jar", jar, "mcp"],
    stderr: "pipe",
  });
  t.stderr?.on("data", (chunk) => stderr.push(chunk.toString()));
  return t;
}

async function connect(key) {
  const t = transport(key);
  // a line on stdout that is not JSON-RPC reaches onerror: stdio must carry the protocol only
  const client = new Client({ name: "segue-mcp-check", version: "1.0.0" });
  client.onerror = (error) => {
    // closing a client aborts its HTTP streams, and progress sent while a cancellation was on its way arrives for a
    // token the client has dropped: neither is an error of the server
    if (!/AbortError|aborted|progress notification for an unknown token/.test(String(error))) {
      transportErrors.push(String(error));
    }
  };
  await client.connect(t, LONG); // a first start over stdio may build the catalog's index before it answers
  return { client, transport: t };
}

/** The problem body an MCP tool error carries as its text, checked to be one. */
function problemOf(result) {
  assert.equal(result.isError, true, `expected a tool error, got ${JSON.stringify(result).slice(0, 300)}`);
  assert.equal(result.structuredContent, undefined, "a tool error carries no structuredContent");
  const problem = JSON.parse(result.content[0].text);
  assert.equal(typeof problem.status, "number");
  assert.equal(typeof problem.detail, "string");
  return problem;
}

function validAgainst(schema, value, what) {
  const validate = ajv.compile(schema);
  assert.ok(validate(value), `${what} does not match its output schema: ${ajv.errorsText(validate.errors)}`);
}

async function call(client, tools, name, args, options = LONG) {
  const result = await client.callTool({ name, arguments: args }, undefined, options);
  assert.notEqual(result.isError, true, `${name} failed: ${result.content?.[0]?.text}`);
  assert.ok(result.structuredContent, `${name} returned no structuredContent`);
  assert.ok(result.content?.[0]?.text?.length > 0, `${name} returned no text rendering`);
  validAgainst(tools.get(name).outputSchema, result.structuredContent, name);
  return result.structuredContent;
}

async function listAndCheckTools(client) {
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((t) => t.name).sort(), [...TOOLS].sort());
  for (const tool of tools) {
    assert.ok(ajv.validateSchema(tool.inputSchema), `${tool.name}: input schema: ${ajv.errorsText(ajv.errors)}`);
    assert.ok(ajv.validateSchema(tool.outputSchema), `${tool.name}: output schema: ${ajv.errorsText(ajv.errors)}`);
    ajv.compile(tool.inputSchema);
    ajv.compile(tool.outputSchema);
    assert.equal(tool.inputSchema.type, "object");
    assert.equal(tool.outputSchema.type, "object");
    const sentences = tool.description.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 0);
    assert.ok(tool.description.length > 20 && sentences.length <= 2, `${tool.name}: one or two sentences`);
  }
  passed("tools/list", { tools: tools.map((t) => t.name) });
  return new Map(tools.map((t) => [t.name, t]));
}

async function playlistChecks(client, tools) {
  const progress = [];
  const created = await call(client, tools, "create_playlist", { prompt: "calm piano for a rainy evening", length: 6 },
    { ...LONG, onprogress: (p) => progress.push(p) });
  assert.equal(created.version, 1);
  assert.equal(created.tracks.length, 6);
  assert.ok(progress.length > 0, "create_playlist with a progressToken sent no notifications/progress");
  assert.ok(progress.every((p, i) => i === 0 || p.progress > progress[i - 1].progress), "progress must increase");
  passed("create_playlist", { id: created.id, tracks: created.tracks.length, progress: progress.length });

  const read = await call(client, tools, "get_playlist", { playlistId: created.id });
  assert.deepEqual(read, created, "get_playlist answers what create_playlist made");
  if (mode === "http") {
    const rest = await fetch(`${args[2]}/api/playlists/${created.id}`).then((r) => r.json());
    assert.deepEqual(created, rest, "structuredContent is what GET /api/playlists/{id} returns");
    passed("structuredContent equals GET /api/playlists/{id}");
  }

  const refined = await call(client, tools, "refine_playlist", { playlistId: created.id, prompt: "more upbeat" });
  assert.equal(refined.id, created.id);
  assert.equal(refined.version, 2);
  assert.deepEqual(refined.refinements, ["more upbeat"]);
  passed("refine_playlist", { version: refined.version });

  const removed = await call(client, tools, "remove_track",
    { playlistId: created.id, trackId: refined.tracks[0].id });
  assert.equal(removed.version, 3);
  assert.ok(!removed.tracks.some((t) => t.id === refined.tracks[0].id), "the removed track is gone");
  const first = await call(client, tools, "get_playlist", { playlistId: created.id, version: 1 });
  assert.deepEqual(first, created, "version 1 stays readable");
  passed("remove_track and get_playlist by version", { version: removed.version });
}

async function searchAndDjChecks(client, tools) {
  const found = await call(client, tools, "search_tracks", { q: "piano", mood: ["calm"], limit: 5 });
  assert.ok(found.count > 0 && found.count <= 5 && found.tracks.length === found.count);
  assert.ok(found.tracks.every((t) => t.moods.includes("calm")), "every track found is tagged calm");
  passed("search_tracks", { count: found.count });

  const session = await call(client, tools, "dj_start", { prompt: "warm evening soul", minutes: 30 });
  const segment = await call(client, tools, "dj_next", { sessionId: session.id });
  assert.equal(segment.segment, 1);
  assert.ok(segment.tracks.length >= 2 && segment.tracks.length <= 4);
  const asked = await call(client, tools, "dj_request", { sessionId: session.id, text: "more energy" });
  assert.ok(asked.interpretation.length > 0);
  const next = await call(client, tools, "dj_next", { sessionId: session.id });
  assert.equal(next.segment, 2);
  passed("dj_start, dj_next, dj_request", { session: session.id, segments: 2 });
}

async function errorChecks(client) {
  const unknown = problemOf(await client.callTool({ name: "get_playlist", arguments: { playlistId: "no-such-id" } }));
  assert.equal(unknown.status, 404);
  assert.equal(unknown.detail, 'no playlist with id "no-such-id"');
  const bad = problemOf(await client.callTool({ name: "create_playlist", arguments: { prompt: "jazz", length: 3 } }));
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.errors.map((e) => e.field), ["length"]);
  const wrongType = problemOf(await client.callTool({ name: "create_playlist", arguments: { prompt: 42 } }));
  assert.equal(wrongType.status, 400);
  assert.equal(wrongType.errors[0].field, "prompt");
  if (mode === "http") {
    // the same mistakes sent to the HTTP API: the same problem bodies, less the path they were sent to
    const rest = await fetch(`${args[2]}/api/playlists`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${args[1]}` },
      body: JSON.stringify({ prompt: "jazz", length: 3 }),
    }).then((r) => r.json());
    delete rest.instance;
    assert.deepEqual(bad, rest, "a bad input reads as the HTTP API's problem body");
    const missing = await fetch(`${args[2]}/api/playlists/no-such-id`).then((r) => r.json());
    delete missing.instance;
    assert.deepEqual(unknown, missing, "an unknown id reads as the HTTP API's problem body");
  }
  passed("tool errors carry the problem bodies", { unknown: unknown.detail, bad: bad.detail });
}

/** Cancels a create_playlist at its first progress notification (notifications/cancelled), as an assistant would. */
async function cancelCheck(client) {
  const abort = new AbortController();
  const call = client.callTool({ name: "create_playlist", arguments: { prompt: "late-night drive, synthwave",
    userId: "mcp-cancel-check" } }, undefined, { ...LONG, signal: abort.signal, onprogress: () => abort.abort() });
  await assert.rejects(call, /abort/i, "a cancelled call ends at once for the client");
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const after = await client.callTool({ name: "search_tracks", arguments: { q: "synthwave", limit: 1 } });
  assert.notEqual(after.isError, true, "the session goes on after a cancellation");
  // informative, not asserted: whether the work stopped before it stored the playlist depends on timing
  const deleted = await fetch(`${args[2]}/api/users/mcp-cancel-check`, {
    method: "DELETE", headers: { Authorization: `Bearer ${args[1]}` } }).then((r) => r.json());
  passed("notifications/cancelled", { storedAfterCancel: deleted.playlists });
}

// A listener's create_playlist under a running experiment is an exposure of their arm, as POST /api/playlists is.
async function experimentCheck(client, tools) {
  const headers = { "Content-Type": "application/json", Authorization: `Bearer ${args[1]}` };
  const experiment = await fetch(`${args[2]}/api/experiments`, { method: "POST", headers, body: JSON.stringify({
    name: "mcp check", arms: [{ name: "control", weight: 1, options: {} },
      { name: "varied", weight: 1, options: { diversity: 0.5 } }] }) }).then((r) => r.json());
  assert.ok(experiment.id, `the experiment was not created: ${JSON.stringify(experiment)}`);
  try {
    const made = await call(client, tools, "create_playlist", { prompt: "calm piano", length: 5,
      userId: "mcp-experiment-check" });
    const report = await fetch(`${args[2]}/api/experiments/${experiment.id}/report`).then((r) => r.json());
    assert.equal(report.exposures, 1, "the MCP call was shown under the listener's arm");
    assert.equal(report.users, 1);
    passed("create_playlist under an experiment is an exposure", { playlist: made.id, exposures: report.exposures });
  } finally {
    await fetch(`${args[2]}/api/experiments/${experiment.id}/stop`, { method: "POST", headers });
  }
}

async function keyChecks() {
  const { client } = await connect(null);
  const refused = problemOf(await client.callTool({ name: "create_playlist", arguments: { prompt: "calm piano" } }));
  assert.equal(refused.status, 401);
  const search = await client.callTool({ name: "search_tracks", arguments: { q: "piano", limit: 1 } });
  assert.notEqual(search.isError, true, "reading needs no key");
  await client.close();
  const { client: wrong } = await connect("not-the-key");
  const invalid = problemOf(await wrong.callTool({ name: "dj_start", arguments: {} }));
  assert.equal(invalid.status, 401);
  assert.equal(invalid.detail, "that API key is not valid");
  await wrong.close();
  passed("a write without a key (or with a wrong one) is refused; a read is not", { detail: refused.detail });
}

async function main() {
  const { client, transport: t } = await connect(mode === "http" ? args[1] : null);
  const server = client.getServerVersion();
  assert.equal(server.name, "segue");
  const version = mode === "http" ? t.protocolVersion : undefined;
  if (version !== undefined) {
    assert.ok(version >= "2025-06-18", `negotiated protocol ${version}`);
  }
  passed("initialize", { server, protocolVersion: version });
  const tools = await listAndCheckTools(client);
  await playlistChecks(client, tools);
  await searchAndDjChecks(client, tools);
  await errorChecks(client);
  if (mode === "http") {
    await cancelCheck(client);
    await experimentCheck(client, tools);
    await keyChecks();
  }
  assert.deepEqual(transportErrors, [], "the transport reported errors (a stray line on stdout?)");
  if (mode === "http") {
    await t.terminateSession(); // DELETE /mcp: the session ends, and the server forgets it
    await assert.rejects(client.listTools(), /session/i, "a request after the session ended is refused");
    passed("DELETE ends the session");
  }
  await client.close();
  console.log(JSON.stringify(summary, null, 2));
}

main().catch((error) => {
  console.error(`MCP check failed (${mode}): ${error.stack ?? error}`);
  console.error(`checks passed before it: ${JSON.stringify(summary.checks.map((c) => c.name))}`);
  if (stderr.length > 0) {
    console.error(`server stderr (last 3000 chars):\n${stderr.join("").slice(-3000)}`);
  }
  process.exit(1);
});
