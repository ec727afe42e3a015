// Segue's page. It only talks to Segue's REST API. Every piece of API text (titles, reasons, intros, problem details)
// goes into the page as text nodes or textContent, never as HTML, so catalog or LLM text cannot inject markup.

const $ = (id) => document.getElementById(id);

/** Builds an element; string children become text nodes (Node.append never parses HTML). */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child != null && child !== false) node.append(child);
  return node;
}

/** Only http(s) links from the catalog become hrefs: a "javascript:" url must never be clickable. */
function safeUrl(url) {
  try {
    const u = new URL(url, location.href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function fmtTrack(sec) {
  const s = Math.round(sec);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
function fmtTotal(sec) {
  const min = Math.round(sec / 60);
  if (min < 60) return `${min} min`;
  return min % 60 ? `${Math.floor(min / 60)} h ${min % 60} min` : `${min / 60} h`;
}
const ms = (n) => (n == null ? '' : `${Number(n).toFixed(n < 10 ? 2 : 1)} ms`);

// ---- API ------------------------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(problem, status) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.problem = problem;
    this.status = status;
  }
}

/** fetch + JSON; a non-2xx answer becomes an ApiError carrying the RFC 9457 problem body. */
async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError({ title: 'Segue could not be reached', detail: 'Check that the service is running, then try again.' }, 0);
  }
  const data = (res.headers.get('content-type') || '').includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    throw new ApiError(data && typeof data === 'object' ? data
      : { title: res.statusText || 'Error', detail: `The server answered ${res.status}.` }, res.status);
  }
  return data;
}

/**
 * A POST that asks for Server-Sent Events: each progress event goes to onProgress as it arrives, the playlist event
 * is the answer (the same JSON as without a stream), a problem event fails like a problem body does. An answer that
 * is not a stream (a request refused before any work, say) is read as the plain API answers.
 */
async function watch(path, body, onProgress) {
  let res;
  try {
    res = await fetch(path, { method: 'POST', body: JSON.stringify(body),
      headers: { Accept: 'text/event-stream', 'Content-Type': 'application/json' } });
  } catch {
    throw new ApiError({ title: 'Segue could not be reached', detail: 'Check that the service is running, then try again.' }, 0);
  }
  const type = res.headers.get('content-type') || '';
  if (!res.ok || !type.includes('text/event-stream')) {
    const data = type.includes('json') ? await res.json().catch(() => null) : null;
    if (res.ok && data) return data;
    throw new ApiError(data && typeof data === 'object' ? data
      : { title: res.statusText || 'Error', detail: `The server answered ${res.status}.` }, res.status);
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const event = sseEvent(buffer.slice(0, end));
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      if (!event) continue;
      const data = JSON.parse(event.data);
      if (event.name === 'playlist') return data;
      if (event.name === 'problem') throw new ApiError(data, data.status || 500);
      onProgress(event.name, data);
    }
  }
  throw new ApiError({ title: 'The answer was cut off',
    detail: 'The connection closed before the playlist came. Try again.' }, 0);
}

/** One event of a stream: its name and its data lines joined; null for a comment (the server's heartbeat). */
function sseEvent(block) {
  let name = 'message';
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon === 0) continue;
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  return data.length ? { name, data: data.join('\n') } : null;
}

function showError(error, box = $('error')) {
  const p = error instanceof ApiError ? error.problem : { title: 'Something went wrong', detail: String(error) };
  // Field errors that only repeat the detail would be noise.
  const fields = (Array.isArray(p.errors) ? p.errors : []).filter((f) => f.message !== p.detail);
  box.replaceChildren(
    el('strong', { text: p.title || 'Error' }),
    el('span', { class: 'detail', text: p.detail || '' }),
    fields.length ? el('ul', {}, fields.map((f) => el('li', { text: `${f.field}: ${f.message}` }))) : null,
  );
  box.hidden = false;
}

function clearError(box = $('error')) {
  box.hidden = true;
  box.replaceChildren();
}

/**
 * Runs one request with the given controls disabled, a spinner on the button that started it and the region marked
 * busy; a failure shows its problem in the given error box. Resolves to undefined on failure.
 */
async function busy({ button, controls = [button], region, status, error, message }, work) {
  clearError(error);
  controls.forEach((c) => { c.disabled = true; });
  button.setAttribute('aria-busy', 'true');
  region.setAttribute('aria-busy', 'true');
  status.textContent = message;
  try {
    return await work();
  } catch (e) {
    status.textContent = '';
    showError(e, error);
    return undefined;
  } finally {
    controls.forEach((c) => { c.disabled = false; });
    button.removeAttribute('aria-busy');
    region.removeAttribute('aria-busy');
  }
}

const playlistBusy = (button, message) => ({
  button, message, controls: playlistControls(), region: $('playlist'), status: $('status'), error: $('error'),
});

// ---- Playlist -------------------------------------------------------------------------------------------------

let current = null;          // the version on screen
let versions = [];           // [{version, change, notes}], oldest first
const traces = new Map();    // version -> trace

const playlistControls = () => [$('make'), $('refine-btn'), ...document.querySelectorAll('#tracks button')];

/** What the planners report while a listener waits, in words: one line per event. */
function progressLine(name, d) {
  switch (name) {
    case 'planning': return `Planning with the LLM${d.model ? ` (${d.model})` : ''}…`;
    case 'llm': return d.error ? `LLM call ${d.call} failed: ${d.error}` : `LLM call ${d.call} answered in ${ms(d.ms)}`;
    case 'tool': return d.error ? `Tool ${d.name} failed: ${d.error}`
      : `Tool ${d.name}: ${d.results} ${d.results === 1 ? 'result' : 'results'}`;
    case 'tracks': return `${d.found} tracks found so far`;
    case 'fallback': return `Falling back to the offline planner: ${d.reason}`;
    default: return null;
  }
}

/** A fresh progress list for a request; the lines stay after the answer, until the next request. */
function progressList() {
  const list = $('progress');
  list.replaceChildren();
  list.hidden = false;
  return (name, data) => {
    const line = progressLine(name, data);
    if (line) list.append(el('li', { class: `progress-${name}`, text: line }));
  };
}

async function make(event) {
  event.preventDefault();
  const kind = $('size-kind').value;
  const body = { prompt: $('prompt').value };
  if ($('size').value !== '') body[kind] = Number($('size').value);
  const playlist = await busy(playlistBusy($('make'), 'Making your playlist…'),
    () => watch('/api/playlists?trace=true', body, progressList()));
  if (!playlist) return;
  versions = [];
  traces.clear();
  show(playlist, `Made from “${playlist.prompt}”`);
  $('pl-title').focus();
}

async function refine(event) {
  event.preventDefault();
  if (!current) return;
  const text = $('refine').value;
  const playlist = await busy(playlistBusy($('refine-btn'), 'Refining…'),
    () => watch(`/api/playlists/${encodeURIComponent(current.id)}/refine?trace=true`, { prompt: text }, progressList()));
  if (!playlist) return;
  $('refine').value = '';
  show(playlist, `Refined: “${text.trim()}”`);
}

async function remove(track, button) {
  const position = track.position;
  const playlist = await busy(playlistBusy(button, `Removing “${track.title}”…`),
    () => api('DELETE', `/api/playlists/${encodeURIComponent(current.id)}/tracks/${encodeURIComponent(track.id)}`));
  if (!playlist) return;
  show(playlist, `Removed “${track.title}” by ${track.artist}`);
  // Keep a keyboard user's place: focus the remove button of the track that took the slot.
  const same = document.querySelector(`#tracks li:nth-child(${position}) button.remove`)
    || document.querySelector('#tracks button.remove:last-of-type');
  if (same) same.focus();
}

function show(playlist, change) {
  current = playlist;
  if (playlist.trace) traces.set(playlist.version, playlist.trace);
  versions = versions.filter((v) => v.version < playlist.version);
  versions.push({ version: playlist.version, change, notes: playlist.notes || [] });

  $('playlist').hidden = false;
  $('pl-title').textContent = playlist.title;
  $('pl-title').setAttribute('tabindex', '-1');
  $('pl-meta').textContent = [`Version ${playlist.version}`, `${playlist.tracks.length} tracks`,
    fmtTotal(playlist.totalDurationSec), `planner: ${playlist.planner}`].join(' · ');
  $('pl-desc').textContent = playlist.description || '';
  $('pl-notes').replaceChildren(...(playlist.notes || []).map((n) => el('li', { text: n })));
  for (const format of ['m3u8', 'xspf', 'jspf']) {
    const link = $(`dl-${format}`);
    link.href = `/api/playlists/${encodeURIComponent(playlist.id)}/export?format=${format}&version=${playlist.version}`;
    link.setAttribute('aria-label', `Download version ${playlist.version} as ${format.toUpperCase()}`);
  }
  $('tracks').replaceChildren(...playlist.tracks.map(trackItem));
  $('versions').replaceChildren(...versions.map((v) => el('li', {
    value: v.version, 'aria-current': v.version === playlist.version ? 'true' : null,
  }, `Version ${v.version}: ${v.change}`, v.notes.length ? el('span', { class: 'vnote', text: v.notes.join(' · ') }) : null)));
  $('status').textContent = `Version ${playlist.version} ready: “${playlist.title}”, ${playlist.tracks.length} tracks, ${fmtTotal(playlist.totalDurationSec)}.`;
  location.hash = `playlist=${encodeURIComponent(playlist.id)}`;
  if ($('trace').open) showTrace();
}

function trackItem(t) {
  const tags = [...(t.genres || []), ...(t.moods || []), ...(t.instruments || [])];
  const href = safeUrl(t.url);
  return el('li', { class: 'track', 'data-track-id': t.id },
    el('span', { class: 'pos', text: `${t.position}.` }),
    el('div', {},
      el('div', {}, el('span', { class: 'title', text: t.title }), ' — ', el('span', { class: 'artist', text: t.artist }),
        t.year ? el('span', { class: 'artist', text: ` (${t.year})` }) : null),
      tags.length ? el('div', { class: 'tags', 'aria-label': 'tags' }, tags.map((g) => el('span', { class: 'tag', text: g }))) : null,
      el('p', { class: 'reason', text: t.reason || '' })),
    el('div', { class: 'side' },
      el('span', { class: 'dur', 'aria-label': `duration ${fmtTrack(t.durationSec)}`, text: fmtTrack(t.durationSec) }),
      el('div', { class: 'actions' },
        href ? el('a', { class: 'listen', href, target: '_blank', rel: 'noopener noreferrer',
          'aria-label': `Listen to ${t.title} by ${t.artist} on ${new URL(href).hostname.replace(/^www\./, '')} (new tab)` },
        'Listen') : null,
        el('button', { type: 'button', class: 'remove', 'aria-label': `Remove ${t.title} by ${t.artist}`,
          onclick: (e) => remove(t, e.currentTarget) }, 'Remove'))));
}

// ---- How this was made (the trace) ------------------------------------------------------------------------------

async function showTrace() {
  const body = $('trace-body');
  if (!current) return;
  const version = current.version;
  let trace = traces.get(version);
  if (!trace) {
    body.replaceChildren(el('p', { class: 'status', text: 'Loading the trace…' }));
    try {
      const p = await api('GET', `/api/playlists/${encodeURIComponent(current.id)}?version=${version}&trace=true`);
      trace = p.trace || { steps: [], toolCalls: [], llmCalls: [] };
      traces.set(version, trace);
    } catch (e) {
      body.replaceChildren(el('p', { class: 'error', text: e.message }));
      return;
    }
    if (!current || current.version !== version) return; // a newer version arrived meanwhile
  }
  body.replaceChildren(...traceView(current, trace));
}

function table(caption, head, rows) {
  return el('div', { class: 'table-wrap' }, el('table', {},
    el('caption', { class: 'visually-hidden', text: caption }),
    el('thead', {}, el('tr', {}, head.map(([h, num]) => el('th', { scope: 'col', class: num ? 'num' : null, text: h })))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c, i) => el('td', { class: head[i][1] ? 'num' : null }, c)))))));
}

function traceView(playlist, trace) {
  const steps = trace.steps || [];
  const tools = trace.toolCalls || [];
  const llm = trace.llmCalls || [];
  const out = [el('p', {}, `Planner: ${playlist.planner} · ranker: ${playlist.ranker || 'default'} · `
    + `${tools.length} tool calls${llm.length ? ` · ${llm.length} LLM calls` : ''} · total ${ms(trace.totalMs)}`)];
  out.push(el('h3', { text: 'Steps' }), table('Steps and their times', [['step'], ['time', true], ['detail']],
    steps.map((s) => [s.name, ms(s.ms), s.detail || ''])));
  out.push(el('h3', { text: 'Tool calls' }), table('Tool calls', [['tool'], ['arguments'], ['results', true], ['time', true]],
    tools.map((c) => [el('code', { text: c.name }), el('code', { text: JSON.stringify(c.arguments || {}) }),
      c.error ? el('span', { class: 'error-text', text: `error: ${c.error}` }) : String(c.resultCount), ms(c.ms)])));
  if (llm.length) {
    out.push(el('h3', { text: 'LLM calls' }), table('LLM calls',
      [['model'], ['time', true], ['tokens in', true], ['tokens out', true], ['finish']],
      llm.map((c) => [c.model || '', ms(c.ms), String(c.inputTokens ?? ''), String(c.outputTokens ?? ''),
        c.error ? `error: ${c.error}` : (c.finishReason || '')])));
  }
  if (playlist.intent) {
    out.push(el('details', {}, el('summary', { text: 'What the planner understood (the intent)' }),
      el('pre', { text: JSON.stringify(playlist.intent, null, 2) })));
  }
  return out;
}

// ---- AI DJ ------------------------------------------------------------------------------------------------------

let dj = null; // {id, source}
const MAX_SEGMENTS = 20; // keep the page light during a long session

async function djStart(event) {
  event.preventDefault();
  djClose();
  const body = { prompt: $('dj-vibe').value.trim() || undefined };
  if ($('dj-minutes').value !== '') body.minutes = Number($('dj-minutes').value);
  const session = await busy({ button: $('dj-start'), region: $('dj'), status: $('dj-opening'), error: $('dj-error'),
    message: 'Opening a session…' }, () => api('POST', '/api/dj/sessions', body));
  if (!session) return;
  $('dj-opening').textContent = '';
  dj = { id: session.id };
  $('dj-segments').replaceChildren();
  $('dj-heard').textContent = '';
  $('dj-live').hidden = false;
  $('dj-stop').hidden = false;
  $('dj-start').textContent = 'New session';
  $('dj-status').textContent = 'Connecting…';
  const source = new EventSource(`/api/dj/sessions/${encodeURIComponent(session.id)}/events`);
  dj.source = source;
  source.onopen = () => { $('dj-status').textContent = `Listening to “${session.vibe || 'a fresh mix'}”: segments arrive as each one would finish playing.`; };
  source.addEventListener('segment', (e) => addSegment(JSON.parse(e.data)));
  source.addEventListener('end', () => { $('dj-status').textContent = 'The session’s minutes are played. Start a new one any time.'; source.close(); });
  // EventSource reconnects by itself with Last-Event-ID, so nothing is lost or repeated; only say so.
  source.onerror = () => {
    $('dj-status').textContent = source.readyState === EventSource.CLOSED
      ? 'The stream closed. Start a new session to go on.' : 'Connection lost, reconnecting…';
  };
}

function djClose() {
  if (dj && dj.source) dj.source.close();
  dj = null;
}

async function djStop() {
  if (!dj) return;
  const id = dj.id;
  djClose();
  $('dj-stop').hidden = true;
  $('dj-start').textContent = 'Start session';
  $('dj-status').textContent = 'Session ended.';
  try { await api('DELETE', `/api/dj/sessions/${encodeURIComponent(id)}`); } catch { /* it may have expired */ }
}

function addSegment(s) {
  const list = $('dj-segments');
  const item = el('li', { class: 'segment', 'data-segment': s.segment },
    el('h3', {}, el('span', { text: `Segment ${s.segment}` }),
      el('span', { class: 'energy' }, el('span', { 'aria-hidden': 'true', text: 'energy' }),
        el('meter', { min: 0, max: 1, value: s.energy, title: `energy ${s.energy.toFixed(2)} (the arc asks ${s.targetEnergy.toFixed(2)})`,
          'aria-label': `energy ${s.energy.toFixed(2)}, the arc asks ${s.targetEnergy.toFixed(2)}` }))),
    el('p', { class: 'intro', text: s.intro || '' }),
    el('ul', {}, (s.tracks || []).map((t) => {
      const href = safeUrl(t.url);
      const name = `${t.title} — ${t.artist}`;
      return el('li', { 'data-track-id': t.id },
        href ? el('a', { class: 't', href, target: '_blank', rel: 'noopener noreferrer', text: name }) : el('span', { class: 't', text: name }),
        el('span', { class: 'dur', text: fmtTrack(t.durationSec) }),
        el('button', { type: 'button', class: 'like', 'aria-pressed': 'false', 'aria-label': `Like ${t.title}`, onclick: (e) => feedback(t, 'like', e.currentTarget) }, 'Like'),
        el('button', { type: 'button', class: 'skip', 'aria-pressed': 'false', 'aria-label': `Skip ${t.title}`, onclick: (e) => feedback(t, 'skip', e.currentTarget) }, 'Skip'));
    })),
    s.reason ? el('p', { class: 'why', text: s.reason }) : null);
  list.prepend(item); // newest first: what plays next is at the top
  while (list.children.length > MAX_SEGMENTS) list.lastElementChild.remove();
}

async function feedback(track, type, button) {
  if (!dj) return;
  button.disabled = true;
  try {
    const r = await api('POST', `/api/dj/sessions/${encodeURIComponent(dj.id)}/feedback`, { trackId: track.id, type });
    button.setAttribute('aria-pressed', 'true');
    clearError($('dj-error'));
    $('dj-heard').textContent = `${type === 'like' ? 'Liked' : 'Skipped'} “${track.title}”: ${r.interpretation}.`;
  } catch (e) {
    showError(e, $('dj-error'));
  } finally {
    button.disabled = false;
  }
}

async function djRequest(event) {
  event.preventDefault();
  if (!dj) return;
  const text = $('dj-request').value;
  const button = $('dj-send');
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    const r = await api('POST', `/api/dj/sessions/${encodeURIComponent(dj.id)}/requests`, { text });
    clearError($('dj-error'));
    $('dj-heard').textContent = `You asked “${text.trim()}”. The DJ: ${r.interpretation}.`;
    $('dj-request').value = '';
  } catch (e) {
    showError(e, $('dj-error'));
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

// ---- Wiring -----------------------------------------------------------------------------------------------------

function sizeKindChanged() {
  const minutes = $('size-kind').value === 'durationMinutes';
  Object.assign($('size'), minutes ? { min: 5, max: 600, value: 60 } : { min: 5, max: 100, value: 20 });
}

async function about() {
  try {
    const [catalog, system] = await Promise.all([api('GET', '/api/catalog'), api('GET', '/api/system')]);
    $('about').textContent = `${catalog.size.toLocaleString('en')} tracks in the catalog · planner: ${system.defaultPlanner}`
      + (system.llm ? ` (${system.llm})` : '') + ' ·';
  } catch { /* the footer is decoration */ }
}

/** #playlist=<id> reopens a playlist (reload, shared link). */
async function fromHash() {
  const m = /^#playlist=([^&]+)$/.exec(location.hash);
  if (!m || (current && current.id === decodeURIComponent(m[1]))) return;
  try {
    const playlist = await api('GET', `/api/playlists/${m[1]}`);
    versions = [];
    traces.clear();
    show(playlist, playlist.version === 1 ? `Made from “${playlist.prompt}”` : 'Latest version');
  } catch (e) {
    showError(e);
  }
}

$('prompt-form').addEventListener('submit', make);
$('refine-form').addEventListener('submit', refine);
$('size-kind').addEventListener('change', sizeKindChanged);
$('trace').addEventListener('toggle', () => { if ($('trace').open) showTrace(); });
$('dj-form').addEventListener('submit', djStart);
$('dj-stop').addEventListener('click', djStop);
$('dj-request-form').addEventListener('submit', djRequest);
document.querySelectorAll('.chip').forEach((chip) => chip.addEventListener('click', () => {
  $('prompt').value = chip.textContent;
  $('prompt-form').requestSubmit();
}));
// Enter submits the prompt; Shift+Enter adds a line.
$('prompt').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    $('prompt-form').requestSubmit();
  }
});
window.addEventListener('hashchange', fromHash);
about();
fromHash();
