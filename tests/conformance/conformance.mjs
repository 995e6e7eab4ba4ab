// conformance.mjs: Beacon's local server (`beacon-cli serve`) judged by the official
// Flashphoner WebSDK (@flashphoner/websdk 2.0.276) in headless Debian Chromium.
//
// Copyright 2026 The Beacon authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: BEACON_CLI=/path/to/beacon-cli node conformance.mjs   (run-conformance.sh does this)
// Output: TAP. Every WebSocket frame the page sends or receives is logged as a `# >> ` or
// `# << ` comment, and the server's output as `# server: ` lines, so a failure shows the exchange.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createServer } from 'node:http';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const GLOBAL_TIMEOUT_MS = 150_000;
const SERVER_START_MS = 10_000;
const STEP_MS = 15_000;          // one status change (PUBLISHING, PLAYING, FAILED, ...)
const CASE_MS = 60_000;          // backstop for a whole case
const FPS_WINDOW_MS = 3_000;
const MIN_FPS = 25;
const FAKE_CAMERA = { width: 640, height: 360 };
const H264_ONLY = 'VP8,VP9,AV1,H265';   // WebSDK stripCodecs: everything but H.264
const SDP_KEEP = 200;

// ---------------------------------------------------------------- TAP output

const out = (line) => process.stdout.write(line + '\n');
const comment = (text) => {
  for (const line of String(text).split('\n'))
    out('# ' + line);
};

// ---------------------------------------------------------------- state to clean up

let server = null;
let serverExited = null;          // promise
const serverLines = [];           // every line the server wrote, stdout and stderr
let httpServer = null;
let context = null;
let profileDir = null;
let cleaningUp = null;

async function cleanup () {
  if (cleaningUp)
    return cleaningUp;
  cleaningUp = (async () => {
    if (context) {
      await Promise.race([context.close().catch(() => {}), sleep(5000)]);
      context = null;
    }
    if (server && server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      const exited = await Promise.race([serverExited.then(() => true), sleep(3000).then(() => false)]);
      if (!exited) {
        comment('server: did not exit on SIGTERM within 3 s; killing it');
        server.kill('SIGKILL');
        await Promise.race([serverExited, sleep(2000)]);
      }
    }
    if (httpServer) {
      httpServer.closeAllConnections?.();
      await new Promise((resolve) => httpServer.close(() => resolve()));
      httpServer = null;
    }
    if (profileDir) {
      await rm(profileDir, { recursive: true, force: true }).catch(() => {});
      profileDir = null;
    }
  })();
  return cleaningUp;
}

async function bail (message) {
  out('Bail out! ' + message);
  await cleanup();
  process.exit(1);
}

const globalTimer = setTimeout(() => {
  bail(`global timeout: the suite ran for more than ${GLOBAL_TIMEOUT_MS / 1000} s`);
}, GLOBAL_TIMEOUT_MS);

for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => bail(`killed by ${sig}`));

// ---------------------------------------------------------------- helpers

function sleep (ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Polls check() (sync or async) until it returns a truthy value; null at the deadline.
async function pollFor (check, ms, every = 50) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v)
      return v;
    if (Date.now() >= deadline)
      return null;
    await sleep(every);
  }
}

class CaseFailure extends Error {}
function fail (expected, seen) {
  throw new CaseFailure(`expected: ${expected}\nseen:     ${seen}`);
}

const fmtHistory = (h) => (h && h.length)
  ? h.map((e) => e.info ? `${e.status} (${e.info})` : e.status).join(' -> ')
  : '(no status events)';
const fmtStream = (s) => `status ${s.status}, info ${JSON.stringify(s.info ?? null)}` +
  (s.errorInfo ? `, error ${JSON.stringify(s.errorInfo)}` : '') + `; events: ${fmtHistory(s.history)}`;

function shortenSdp (value) {
  if (typeof value === 'string')
    return value.startsWith('v=0') && value.length > SDP_KEEP
      ? value.slice(0, SDP_KEEP) + `…(${value.length} chars)` : value;
  if (Array.isArray(value))
    return value.map(shortenSdp);
  if (value && typeof value === 'object') {
    const o = {};
    for (const [k, v] of Object.entries(value))
      o[k] = shortenSdp(v);
    return o;
  }
  return value;
}

// ---------------------------------------------------------------- WebSocket frame log

const frames = [];   // {ws, dir: '>>'|'<<', msg (parsed or null), raw}
let wsCount = 0;

function watchWebSockets (page) {
  page.on('websocket', (ws) => {
    const n = ++wsCount;
    comment(`ws${n} opened ${ws.url()}`);
    const log = (dir) => ({ payload }) => {
      const raw = typeof payload === 'string' ? payload : `<binary ${payload.length} bytes>`;
      let msg = null;
      try { msg = JSON.parse(raw); } catch { /* not JSON: logged raw */ }
      frames.push({ ws: n, dir, msg, raw });
      const shown = msg ? JSON.stringify(shortenSdp(msg)) : raw;
      out(`# ${dir} ws${n} ${shown.replace(/\n/g, '\\n')}`);
    };
    ws.on('framesent', log('>>'));
    ws.on('framereceived', log('<<'));
    ws.on('close', () => comment(`ws${n} closed`));
    ws.on('socketerror', (e) => comment(`ws${n} error: ${e}`));
  });
}

const received = (name, pred = () => true) =>
  frames.find((f) => f.dir === '<<' && f.msg && f.msg.message === name && pred(f.msg)) || null;
const sent = (name, pred = () => true) =>
  frames.find((f) => f.dir === '>>' && f.msg && f.msg.message === name && pred(f.msg)) || null;

// ---------------------------------------------------------------- start the pieces

async function startServer () {
  const cli = process.env.BEACON_CLI;
  if (!cli)
    await bail('BEACON_CLI is not set (the path of beacon-cli)');
  server = spawn(cli, ['serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  serverExited = new Promise((resolve) => server.on('exit', (code, signal) => {
    comment(`server: exited (${signal ? 'signal ' + signal : 'code ' + code})`);
    resolve();
  }));
  const spawnError = new Promise((resolve) => server.on('error', (e) => resolve(e)));

  let resolveUrl;
  const urlSeen = new Promise((resolve) => { resolveUrl = resolve; });
  let first = true;
  createInterface({ input: server.stdout }).on('line', (line) => {
    serverLines.push(line);
    comment('server: ' + line);
    if (first) {
      first = false;
      const m = /^Listening on (ws:\/\/127\.0\.0\.1:(\d+)\/)\s*$/.exec(line);
      resolveUrl(m ? m[1] : new Error(`first stdout line is not "Listening on ws://127.0.0.1:PORT/": ${JSON.stringify(line)}`));
    }
  });
  createInterface({ input: server.stderr }).on('line', (line) => {
    serverLines.push(line);
    comment('server: ' + line);
  });

  const result = await Promise.race([
    urlSeen,
    spawnError.then((e) => new Error(`could not start ${cli}: ${e.message}`)),
    serverExited.then(() => new Error('the server exited before printing its URL')),
    sleep(SERVER_START_MS).then(() => new Error(`no "Listening on" line within ${SERVER_START_MS / 1000} s`)),
  ]);
  if (result instanceof Error)
    await bail('beacon-cli serve: ' + result.message);
  return result;
}

async function startHttp () {
  const files = {
    '/page.html': [join(HERE, 'page.html'), 'text/html; charset=utf-8'],
    '/flashphoner.js': [join(HERE, 'node_modules', '@flashphoner', 'websdk', 'flashphoner.js'),
                        'text/javascript; charset=utf-8'],
  };
  httpServer = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    const file = files[path];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file[0]);
      res.writeHead(200, { 'Content-Type': file[1], 'Cache-Control': 'no-store' }).end(body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(0, '127.0.0.1', resolve);
  });
  return `http://127.0.0.1:${httpServer.address().port}`;
}

async function startBrowser (pageUrl) {
  profileDir = await mkdtemp(join(tmpdir(), 'beacon-conformance-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--use-fake-device-for-media-stream=fps=30', '--use-fake-ui-for-media-stream',
      '--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(CASE_MS);
  watchWebSockets(page);
  page.on('pageerror', (e) => comment(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      comment(`console.${m.type()}: ${m.text()}`);
  });
  await page.goto(pageUrl, { waitUntil: 'load' });
  const providers = await page.evaluate(() => T.init());
  comment(`WebSDK media providers: ${JSON.stringify(providers)}`);
  if (!providers.includes('WebRTC'))
    await bail(`the WebSDK found no WebRTC media provider (got ${JSON.stringify(providers)})`);
  return page;
}

// ---------------------------------------------------------------- the cases

const unique = (prefix) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

async function openSession (page, wsUrl) {
  const key = await page.evaluate((u) => T.connect(u), wsUrl);
  const s = await page.evaluate(([k, ms]) => T.waitSession(k, ['ESTABLISHED'], ms), [key, STEP_MS]);
  if (s.status !== 'ESTABLISHED')
    fail('session ESTABLISHED', `session ${s.status}; events: ${fmtHistory(s.history)}`);
  return key;
}

const closeSession = (page, key) =>
  page.evaluate(([k, ms]) => T.close(k, ms), [key, STEP_MS]).catch(() => null);

const waitStream = (page, key, wanted, ms = STEP_MS) =>
  page.evaluate(([k, w, t]) => T.waitStream(k, w, t), [key, wanted, ms]);

const stats = (page, key) => page.evaluate(([k, t]) => T.stats(k, t), [key, 5000]);

// The encodings an SDP's first video m-line lists, in order (rtx/red/ulpfec left out).
function videoCodecs (sdp) {
  const lines = String(sdp || '').split(/\r?\n/);
  const m = lines.findIndex((l) => l.startsWith('m=video'));
  if (m < 0)
    return [];
  const pts = lines[m].split(' ').slice(3);
  const names = {};
  for (let i = m + 1; i < lines.length && !lines[i].startsWith('m='); i++) {
    const r = /^a=rtpmap:(\d+) ([^/]+)\//.exec(lines[i]);
    if (r)
      names[r[1]] = r[2].toUpperCase();
  }
  const seen = pts.map((pt) => names[pt] || `pt${pt}`)
    .filter((c) => !['RTX', 'RED', 'ULPFEC', 'FLEXFEC-03'].includes(c));
  return [...new Set(seen)];
}

// Publish the fake camera, play it back in the same page, and measure both through getStats.
async function mediaCase (page, wsUrl, { stripCodecs, wantCodec }) {
  const skey = await openSession(page, wsUrl);
  try {
    const name = unique(wantCodec ? 'h264' : 'default');
    const opts = stripCodecs ? { stripCodecs } : {};
    const pub = await page.evaluate(([s, n, o]) => T.publish(s, n, o), [skey, name, opts]);
    const offer = await pollFor(() => sent('publishStream', (m) => m.data[0].name === name), STEP_MS);
    if (!offer)
      fail(`publishStream sent within ${STEP_MS / 1000} s`, `publisher ${fmtStream(await page.evaluate((k) => T.stream(k), pub))}`);
    const offered = videoCodecs(offer.msg.data[0].sdp);
    comment(`publish offer, video codecs: ${offered.join(' ')}`);
    if (wantCodec) {
      const bare = wantCodec.replace(/^video\//, '').toUpperCase();
      if (!offered.includes(bare) || offered.some((c) => /^(VP8|VP9|AV1|H265)$/.test(c)))
        fail(`an offer with ${bare} and without VP8/VP9/AV1/H265`, offered.join(' '));
    }
    let ps = await waitStream(page, pub, ['PUBLISHING']);
    if (ps.status !== 'PUBLISHING')
      fail(`publisher PUBLISHING within ${STEP_MS / 1000} s`, `publisher ${fmtStream(ps)}` +
        (received('setRemoteSDP') ? '' : '; no setRemoteSDP (answer) was received'));

    const ply = await page.evaluate(([s, n, o]) => T.play(s, n, o), [skey, name, opts]);
    const vs = await waitStream(page, ply, ['PLAYING']);
    if (vs.status !== 'PLAYING')
      fail(`player PLAYING within ${STEP_MS / 1000} s`, `player ${fmtStream(vs)}`);

    // Both answers the browser accepted are in WCS's shape (protocol.md §9), so this case
    // exercises what a real WCS sends, not webrtcbin's own form.
    const answers = frames.filter((f) => f.dir === '<<' && f.msg && f.msg.message === 'setRemoteSDP');
    if (answers.length < 2)
      fail('two setRemoteSDP answers (publish and play)', `${answers.length}`);
    for (const a of answers.slice(-2)) {
      const sdp = a.msg.data[1];
      if (/a=group:BUNDLE/.test(sdp) || /a=setup:/.test(sdp) || !/a=end-of-candidates/.test(sdp))
        fail('a WCS-shaped answer (no BUNDLE group, no a=setup, a=end-of-candidates)',
             sdp.replace(/\r\n/g, ' | ').slice(0, 400));
    }

    // Wait (bounded) for decoded frames of the camera's size to come out of the player.
    let last = null;
    const sized = await pollFor(async () => {
      last = await stats(page, ply);
      const i = last.inbound;
      return i && i.framesDecoded > 0 && i.frameWidth === FAKE_CAMERA.width &&
             i.frameHeight === FAKE_CAMERA.height;
    }, STEP_MS, 250);
    if (!sized)
      fail(`player decoding ${FAKE_CAMERA.width}x${FAKE_CAMERA.height} frames within ${STEP_MS / 1000} s`,
           `inbound video stats ${JSON.stringify(last && last.inbound)}`);

    // The <video> element itself presents frames (not only the decoder counting them).
    const shown = await page.evaluate(([k, ms]) => T.presented(k, ms), [ply, 2000]);
    comment(`player <video>: ${JSON.stringify(shown)}`);
    if (!shown.video || shown.readyState < 2 || shown.frames < 20)
      fail('the player <video> presenting frames (readyState >= 2, >= 20 frames in 2 s)',
           JSON.stringify(shown));

    const p0 = await stats(page, pub);
    const v0 = await stats(page, ply);
    await sleep(FPS_WINDOW_MS);   // a measurement window, not a wait for a condition
    const p1 = await stats(page, pub);
    const v1 = await stats(page, ply);
    comment(`publisher outbound: ${JSON.stringify(p1.outbound)}`);
    comment(`player inbound:     ${JSON.stringify(v1.inbound)}`);
    if (!p0.outbound || !p1.outbound)
      fail('publisher outbound-rtp video stats', JSON.stringify(p1));
    const sentFps = (p1.outbound.framesSent - p0.outbound.framesSent) * 1000 / (p1.t - p0.t);
    const decFps = (v1.inbound.framesDecoded - v0.inbound.framesDecoded) * 1000 / (v1.t - v0.t);
    comment(`over ${((v1.t - v0.t) / 1000).toFixed(2)} s: sent ${sentFps.toFixed(1)} fps, ` +
            `decoded ${decFps.toFixed(1)} fps; codecs: publisher ${p1.outbound.codec}, ` +
            `player ${v1.inbound.codec}`);
    if (!(p1.outbound.framesSent > p0.outbound.framesSent))
      fail('publisher framesSent rising', `${p0.outbound.framesSent} -> ${p1.outbound.framesSent}`);
    if (!(decFps >= MIN_FPS))
      fail(`player framesDecoded rising at >= ${MIN_FPS} fps`, `${decFps.toFixed(1)} fps ` +
           `(${v0.inbound.framesDecoded} -> ${v1.inbound.framesDecoded})`);
    if (v1.inbound.frameWidth !== FAKE_CAMERA.width || v1.inbound.frameHeight !== FAKE_CAMERA.height)
      fail(`decoded frame size ${FAKE_CAMERA.width}x${FAKE_CAMERA.height}`,
           `${v1.inbound.frameWidth}x${v1.inbound.frameHeight}`);
    if (wantCodec) {
      for (const [who, c] of [['publisher', p1.outbound.codec], ['player', v1.inbound.codec]])
        if (!c || c.toLowerCase() !== wantCodec.toLowerCase())
          fail(`${who} codec ${wantCodec}`, String(c));
    }

    // Leave cleanly: stop the player (STOPPED), then the publisher (UNPUBLISHED).
    await page.evaluate((k) => T.stop(k), ply);
    const vEnd = await waitStream(page, ply, ['STOPPED']);
    if (vEnd.status !== 'STOPPED')
      fail('player STOPPED after stop()', `player ${fmtStream(vEnd)}`);
    await page.evaluate((k) => T.stop(k), pub);
    ps = await waitStream(page, pub, ['UNPUBLISHED']);
    if (ps.status !== 'UNPUBLISHED')
      fail('publisher UNPUBLISHED after stop()', `publisher ${fmtStream(ps)}`);
  } finally {
    await closeSession(page, skey);
  }
}

function defineCases (page, wsUrl) {
  let main = null;        // the session of the connect/.../disconnect cases
  const needMain = () => {
    if (!main)
      fail('a session from the "connect" case', 'none (connect failed)');
    return main;
  };

  return [
    ['connect: session ESTABLISHED, getUserData and getVersion received', async () => {
      const key = await page.evaluate((u) => T.connect(u), wsUrl);
      const s = await page.evaluate(([k, ms]) => T.waitSession(k, ['ESTABLISHED'], ms), [key, STEP_MS]);
      if (s.status !== 'ESTABLISHED')
        fail('session ESTABLISHED', `session ${s.status}; events: ${fmtHistory(s.history)}`);
      main = key;
      const ud = await pollFor(() => received('getUserData'), STEP_MS);
      if (!ud)
        fail('a getUserData message', 'none');
      const d = ud.msg.data && ud.msg.data[0];
      if (!d || d.status !== 'ESTABLISHED' || typeof d.authToken !== 'string' || !d.authToken)
        fail('getUserData data[0] with status "ESTABLISHED" and an authToken', JSON.stringify(d));
      const ver = await pollFor(() => received('getVersion'), STEP_MS);
      if (!ver)
        fail('a getVersion message', 'none');
      if (!Array.isArray(ver.msg.data) || typeof ver.msg.data[0] !== 'string')
        fail('getVersion data[0] a version string', JSON.stringify(ver.msg.data));
      comment(`authToken ${d.authToken}, server version ${ver.msg.data[0]}`);
    }],

    ['publish the fake camera and play it back, WebSDK default codec: >= 25 fps, 640x360', () =>
      mediaCase(page, wsUrl, {})],

    ['publish the fake camera and play it back, H.264 forced (stripCodecs): >= 25 fps, 640x360', () =>
      mediaCase(page, wsUrl, { stripCodecs: H264_ONLY, wantCodec: 'video/H264' })],

    ['play of a missing stream: FAILED, "Stream not found"', async () => {
      const skey = needMain();
      const key = await page.evaluate(([s, n]) => T.play(s, n, {}), [skey, unique('missing')]);
      const v = await waitStream(page, key, []);
      if (v.status !== 'FAILED' || v.info !== 'Stream not found')
        fail('FAILED with info "Stream not found"', fmtStream(v));
    }],

    ['availableStream of a missing stream: not available, "Stream not found"', async () => {
      const skey = needMain();
      const name = unique('absent');
      const r = await page.evaluate(([s, n, ms]) => T.available(s, n, ms), [skey, name, STEP_MS]);
      if (!r.settled)
        fail('stream.available() to settle', r.error);
      if (r.available || r.info !== 'Stream not found')
        fail('rejected (not available) with info "Stream not found"',
             `${r.available ? 'resolved (available)' : 'rejected'}, info ${JSON.stringify(r.info ?? null)}`);
      const raw = received('availableStream');
      if (raw && raw.msg.data[0].status !== 'false')
        fail('availableStream data[0].status the string "false"', JSON.stringify(raw.msg.data[0].status));
    }],

    ['second publish of a taken name: FAILED, "Stream name is already in use"', async () => {
      const skey = await openSession(page, wsUrl);
      try {
        const name = unique('taken');
        const first = await page.evaluate(([s, n]) => T.publish(s, n, {}), [skey, name]);
        // The first publishStream must reach the server before the second one is sent.
        const gone = await pollFor(() => sent('publishStream', (m) => m.data[0].name === name), STEP_MS);
        if (!gone) {
          const f = await page.evaluate((k) => T.stream(k), first);
          fail(`the first publishStream sent within ${STEP_MS / 1000} s`, `first publisher ${fmtStream(f)}`);
        }
        const second = await page.evaluate(([s, n]) => T.publish(s, n, {}), [skey, name]);
        const v = await waitStream(page, second, []);
        if (v.status !== 'FAILED' || v.info !== 'Stream name is already in use')
          fail('second publisher FAILED with info "Stream name is already in use"', fmtStream(v));
        const f = await page.evaluate((k) => T.stream(k), first);
        if (f.status !== 'PENDING' && f.status !== 'PUBLISHING')
          fail('the first publisher untouched (PENDING or PUBLISHING)', `first publisher ${fmtStream(f)}`);
      } finally {
        await closeSession(page, skey);
      }
    }],

    ['unpublish while a player watches: publisher UNPUBLISHED, player STOPPED "Stopped by publisher stop"', async () => {
      const skey = await openSession(page, wsUrl);
      try {
        const name = unique('watched');
        const pub = await page.evaluate(([s, n]) => T.publish(s, n, {}), [skey, name]);
        const ps = await waitStream(page, pub, ['PUBLISHING']);
        if (ps.status !== 'PUBLISHING')
          fail(`publisher PUBLISHING within ${STEP_MS / 1000} s`, `publisher ${fmtStream(ps)}`);
        const ply = await page.evaluate(([s, n]) => T.play(s, n, {}), [skey, name]);
        const vs = await waitStream(page, ply, ['PLAYING']);
        if (vs.status !== 'PLAYING')
          fail(`player PLAYING within ${STEP_MS / 1000} s`, `player ${fmtStream(vs)}`);
        await page.evaluate((k) => T.stop(k), pub);
        const pe = await waitStream(page, pub, ['UNPUBLISHED']);
        const ve = await waitStream(page, ply, []);
        const problems = [];
        if (pe.status !== 'UNPUBLISHED')
          problems.push(`publisher ${fmtStream(pe)}`);
        if (ve.status !== 'STOPPED' || ve.info !== 'Stopped by publisher stop')
          problems.push(`player ${fmtStream(ve)}`);
        if (problems.length)
          fail('publisher UNPUBLISHED; player STOPPED with info "Stopped by publisher stop"',
               problems.join('\n          '));
        comment(`publisher: ${fmtStream(pe)}`);
      } finally {
        await closeSession(page, skey);
      }
    }],

    ['disconnect: session DISCONNECTED, the server logs the session closed', async () => {
      const skey = needMain();
      const before = await page.evaluate((k) => T.session(k), skey);
      await page.evaluate((k) => T.disconnect(k), skey);
      const s = await page.evaluate(([k, ms]) => T.waitSession(k, ['DISCONNECTED'], ms), [skey, STEP_MS]);
      if (s.status !== 'DISCONNECTED')
        fail('session DISCONNECTED', `session ${s.status}; events: ${fmtHistory(s.history)}`);
      const token = before.authToken;
      const line = await pollFor(() => serverLines.find((l) => l.includes(token) && /\bclosed\b/.test(l)),
                                 STEP_MS);
      if (!line)
        fail(`a server log line with "${token}" and "closed"`, 'none');
    }],
  ];
}

// ---------------------------------------------------------------- main

async function main () {
  const wsUrl = await startServer();
  const httpUrl = await startHttp();
  let page;
  try {
    page = await startBrowser(`${httpUrl}/page.html`);
  } catch (e) {
    await bail(`could not start ${CHROMIUM} or open the page: ${e.message.split('\n')[0]}`);
  }

  const cases = defineCases(page, wsUrl);
  out(`1..${cases.length}`);
  let failures = 0;
  for (const [i, [name, body]] of cases.entries()) {
    const n = i + 1;
    comment(`---- case ${n}: ${name}`);
    const started = Date.now();
    let error = null;
    try {
      await Promise.race([
        body(),
        sleep(CASE_MS).then(() => { throw new CaseFailure(`the case ran past its ${CASE_MS / 1000} s deadline`); }),
      ]);
    } catch (e) {
      error = e;
    }
    const took = ((Date.now() - started) / 1000).toFixed(1);
    if (!error) {
      out(`ok ${n} - ${name}`);
      comment(`  (${took} s)`);
    } else {
      failures++;
      out(`not ok ${n} - ${name}`);
      const text = e2text(error);
      for (const line of text.split('\n'))
        out('#   ' + line);
      comment(`  (${took} s)`);
    }
  }
  return failures;
}

function e2text (e) {
  if (e instanceof CaseFailure)
    return e.message;
  return `unexpected error: ${(e && e.stack) || e}`;
}

let failures = 1;
try {
  failures = await main();
} catch (e) {
  out('Bail out! ' + ((e && e.message) || e));
} finally {
  clearTimeout(globalTimer);
  await cleanup();
}
process.exit(failures ? 1 : 0);
