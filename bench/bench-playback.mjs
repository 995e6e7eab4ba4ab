// bench-playback.mjs: playback by Beacon (`beacon-cli play`) against the official Flashphoner
// WebSDK (@flashphoner/websdk 2.0.276) in headless Debian Chromium, in the same run, from the
// same live stream: time to first frame and glass-to-glass latency through the latency stamp.
//
// Copyright 2026 The Beacon authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: node bench-playback.mjs BEACON_CLI [--rounds N] [--seconds S] [--save-frame FILE.png]
//                                [--strip-ssrc]
//        (run-playback.sh is the entry; it checks the tools and installs the npm packages)
//
// One `beacon-cli serve` and one stamped test-pattern publisher (640x360, 30 fps, H.264) run
// for the whole benchmark. Each round plays the stream once with each client, the order
// alternating between rounds, one at a time (the reference machine has 2 cores).
// Output: one line per round, a short aligned table, then one JSON line with every figure.
// It asserts nothing; it exits non-zero only when it could not measure.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
// The conformance suite's pinned packages: one copy of the WebSDK and playwright-core.
const CONFORMANCE = join(HERE, '..', 'tests', 'conformance');
const require = createRequire(join(CONFORMANCE, 'package.json'));
const { chromium } = require('playwright-core');

const CHROMIUM = '/usr/bin/chromium';
const SERVER_START_MS = 10_000;
const PUBLISH_START_MS = 20_000;
const WARM_UP_MS = 2_000;       // let the publisher's encoder and rate settle before round 1
const STEP_MS = 15_000;         // session up, first frame
const VIDEO = { width: 640, height: 360, fps: 30, codec: 'h264' };

// ---------------------------------------------------------------- arguments

function usage (message) {
  process.stderr.write(`${message}\nusage: bench-playback.mjs BEACON_CLI [--rounds N] ` +
                       '[--seconds S] [--save-frame FILE.png] [--strip-ssrc]\n');
  process.exit(2);
}

const opts = { cli: null, rounds: 10, seconds: 5, saveFrame: null, keepSsrc: true };
{
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => (i + 1 < args.length ? args[++i] : usage(`${a} needs a value`));
    if (a === '--rounds')
      opts.rounds = Number(value());
    else if (a === '--seconds')
      opts.seconds = Number(value());
    else if (a === '--save-frame')
      opts.saveFrame = value();
    else if (a === '--strip-ssrc')
      opts.keepSsrc = false;
    else if (a.startsWith('--'))
      usage(`unknown option ${a}`);
    else if (!opts.cli)
      opts.cli = a;
    else
      usage(`unexpected argument ${a}`);
  }
  opts.cli ??= process.env.BEACON_CLI || null;
  if (!opts.cli)
    usage('the path of beacon-cli is missing (first argument or $BEACON_CLI)');
  if (!Number.isInteger(opts.rounds) || opts.rounds < 1 || opts.rounds > 100)
    usage('--rounds must be an integer from 1 to 100');
  if (!Number.isInteger(opts.seconds) || opts.seconds < 2 || opts.seconds > 60)
    usage('--seconds must be an integer from 2 to 60');
}

// Backstop for the whole run: a stuck browser or process ends the benchmark with a message.
const GLOBAL_TIMEOUT_MS = 60_000 + opts.rounds * (2 * opts.seconds + 40) * 1000;

// ---------------------------------------------------------------- output and cleanup

const say = (line) => process.stdout.write(line + '\n');
const note = (line) => process.stderr.write(line + '\n');

const children = [];    // {name, proc, exited}
let httpServer = null;
let browser = null;
let cleaningUp = null;

function sleep (ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function stopChild (child) {
  const { proc, exited, name } = child;
  if (proc.exitCode !== null || proc.signalCode !== null)
    return;
  proc.kill('SIGTERM');
  if (!await Promise.race([exited.then(() => true), sleep(5000).then(() => false)])) {
    note(`${name}: still running 5 s after SIGTERM; killing it`);
    proc.kill('SIGKILL');
    await Promise.race([exited, sleep(2000)]);
  }
}

async function cleanup () {
  cleaningUp ??= (async () => {
    if (browser) {
      await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
      browser = null;
    }
    // Players first (a stray one), then the publisher, then the server.
    for (const child of children.slice().reverse())
      await stopChild(child);
    if (httpServer) {
      httpServer.closeAllConnections?.();
      await new Promise((resolve) => httpServer.close(() => resolve()));
      httpServer = null;
    }
  })();
  return cleaningUp;
}

async function die (message) {
  note(`bench-playback: ${message}`);
  await cleanup();
  process.exit(1);
}

const globalTimer = setTimeout(() => {
  die(`the benchmark ran for more than ${GLOBAL_TIMEOUT_MS / 1000} s`);
}, GLOBAL_TIMEOUT_MS);

for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => die(`killed by ${sig}`));

// ---------------------------------------------------------------- statistics

// Nearest rank, as BeaconLatencyWindow computes it: the smallest value with at least p % of
// the values at or below it.
function percentile (values, p) {
  if (!values.length)
    return null;
  const sorted = values.slice().sort((a, b) => a - b);
  const rank = Math.min(Math.max(Math.ceil(p / 100 * sorted.length), 1), sorted.length);
  return sorted[rank - 1];
}

const median = (values) => percentile(values, 50);
const ratio = (a, b) => (a != null && b != null && b > 0 ? a / b : null);
const round1 = (v) => (v == null ? null : Math.round(v * 10) / 10);
const round3 = (v) => (v == null ? null : Math.round(v * 1000) / 1000);

// ---------------------------------------------------------------- processes

function startChild (name, args, onLine) {
  const proc = spawn(opts.cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const child = { name, proc, stderr: [] };
  // 'close', not 'exit': it comes after stdout is drained, so a summary line is never lost.
  child.exited = new Promise((resolve) => proc.on('close', (code, signal) => resolve({ code, signal })));
  child.spawnError = new Promise((resolve) => proc.on('error', resolve));
  createInterface({ input: proc.stdout }).on('line', (line) => onLine?.(line));
  createInterface({ input: proc.stderr }).on('line', (line) => {
    child.stderr.push(line);
    if (child.stderr.length > 50)
      child.stderr.shift();
  });
  children.push(child);
  return child;
}

async function startServer () {
  let resolveUrl;
  const urlSeen = new Promise((resolve) => { resolveUrl = resolve; });
  let first = true;
  const child = startChild('beacon-cli serve', ['serve', '--port', '0', '--no-rest'], (line) => {
    if (!first)
      return;
    first = false;
    const m = /^Listening on (ws:\/\/127\.0\.0\.1:\d+\/)\s*$/.exec(line);
    resolveUrl(m ? m[1] : new Error(`first line is not "Listening on ws://127.0.0.1:PORT/": ${JSON.stringify(line)}`));
  });
  const result = await Promise.race([
    urlSeen,
    child.spawnError.then((e) => new Error(`could not start ${opts.cli}: ${e.message}`)),
    child.exited.then(() => new Error(`exited before printing its URL: ${child.stderr.join(' | ')}`)),
    sleep(SERVER_START_MS).then(() => new Error(`no "Listening on" line within ${SERVER_START_MS / 1000} s`)),
  ]);
  if (result instanceof Error)
    await die(`beacon-cli serve: ${result.message}`);
  return result;
}

// Publishes the stamped test pattern until the benchmark ends; resolves once PUBLISHING.
async function startPublisher (url, name) {
  let resolvePublishing;
  const publishing = new Promise((resolve) => { resolvePublishing = resolve; });
  const child = startChild('beacon-cli publish',
    ['publish', url, name, '--source', 'test', '--stamp', '--codec', VIDEO.codec,
     '--width', String(VIDEO.width), '--height', String(VIDEO.height), '--fps', String(VIDEO.fps),
     '--json'],
    (line) => {
      try {
        const o = JSON.parse(line);
        child.last = o;
        if (o.status === 'PUBLISHING')
          resolvePublishing(o);
      } catch { /* not JSON: nothing to read */ }
    });
  const result = await Promise.race([
    publishing,
    child.exited.then(() => new Error(`exited before PUBLISHING: ${child.stderr.join(' | ')}`)),
    sleep(PUBLISH_START_MS).then(() => new Error(`not PUBLISHING within ${PUBLISH_START_MS / 1000} s`)),
  ]);
  if (result instanceof Error)
    await die(`beacon-cli publish: ${result.message}`);
  child.exited.then(({ code, signal }) => {
    if (!cleaningUp)
      die(`the publisher exited during the benchmark (${signal ?? 'code ' + code}): ${child.stderr.join(' | ')}`);
  });
  return child;
}

// One Beacon round: `beacon-cli play --latency --json --seconds S`, read its summary line.
async function beaconRound (url, name) {
  let summary = null;
  const child = startChild('beacon-cli play',
    ['play', url, name, '--latency', '--json', '--seconds', String(opts.seconds)],
    (line) => {
      try {
        const o = JSON.parse(line);
        if (o.summary)
          summary = o;
      } catch { /* not JSON */ }
    });
  const limit = (opts.seconds + 30) * 1000;
  const ended = await Promise.race([child.exited, sleep(limit).then(() => null)]);
  children.splice(children.indexOf(child), 1);
  if (!ended) {
    await stopChild(child);
    return { error: `beacon-cli play did not end within ${limit / 1000} s` };
  }
  const why = child.stderr.join(' | ');
  if (ended.code !== 0)
    return { error: `beacon-cli play exited with ${ended.signal ?? 'code ' + ended.code}: ${why}` };
  if (!summary)
    return { error: `beacon-cli play printed no summary line: ${why}` };
  const lat = summary.latency_ms || {};
  if (summary.first_frame_ms == null || summary.first_frame_ms < 0)
    return { error: 'beacon-cli play decoded no frame' };
  return {
    firstFrameMs: summary.first_frame_ms,
    latencyMedian: lat.median ?? null,
    latencyP95: lat.p95 ?? null,
    stamped: lat.stamped_frames ?? 0,
    frames: summary.frames ?? 0,
    decoder: summary.decoder ?? null,
  };
}

// ---------------------------------------------------------------- the browser

async function startHttp () {
  const files = {
    '/bench-page.html': [join(HERE, 'bench-page.html'), 'text/html; charset=utf-8'],
    '/flashphoner.js': [join(CONFORMANCE, 'node_modules', '@flashphoner', 'websdk', 'flashphoner.js'),
                        'text/javascript; charset=utf-8'],
  };
  httpServer = createServer(async (req, res) => {
    const file = files[new URL(req.url, 'http://127.0.0.1').pathname];
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
  return `http://127.0.0.1:${httpServer.address().port}/bench-page.html`;
}

async function startBrowser () {
  // The conformance suite's flags, less the fake camera: this page only plays.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  return browser.newContext({ viewport: { width: 800, height: 450 } });
}

// One WebSDK round in a fresh page: a new WebSDK instance and session every time.
async function websdkRound (context, pageUrl, wsUrl, name, wantFrame) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    page.setDefaultTimeout(STEP_MS);
    await page.goto(pageUrl, { waitUntil: 'load' });
    const providers = await page.evaluate((k) => B.init(k), opts.keepSsrc);
    if (!providers.includes('WebRTC'))
      return { error: `the WebSDK found no WebRTC media provider (${JSON.stringify(providers)})` };
    const r = await Promise.race([
      page.evaluate(([u, n, m, s, f]) => B.round(u, n, m, s, f),
                    [wsUrl, name, opts.seconds * 1000, STEP_MS, wantFrame]),
      sleep(opts.seconds * 1000 + 3 * STEP_MS + 10_000).then(() => ({ error: 'the page did not answer' })),
    ]);
    if (errors.length)
      r.pageErrors = errors;
    if (r.error)
      return r;
    return {
      firstFrameMs: r.firstFrameMs,
      firstCallbackMs: r.firstCallbackMs,
      latencies: r.latencies,
      presentLatencies: r.presentLatencies,
      latencyMedian: median(r.latencies),
      latencyP95: percentile(r.latencies, 95),
      stamped: r.stamped,
      frames: r.callbacks,
      noStamp: r.noStamp,
      badCrc: r.badCrc,
      skipped: r.droppedBetween,
      missedAt: r.missedAt,
      size: `${r.width}x${r.height}`,
      stats: r.stats,
      frame: r.frame,
      strippedAnswers: r.strippedAnswers,
    };
  } catch (e) {
    return { error: `page: ${e.message.split('\n')[0]}` };
  } finally {
    await Promise.race([page.close().catch(() => {}), sleep(5000)]);
  }
}

// ---------------------------------------------------------------- main

function fmt (v, digits = 0) {
  return v == null ? '–' : v.toFixed(digits);
}

function pct (v) {
  return v == null ? '–' : `${(100 * v).toFixed(1)} %`;
}

async function main () {
  const started = new Date();
  const loadBefore = loadavg()[0];
  const wsUrl = await startServer();
  const name = `bench-${Math.random().toString(36).slice(2, 8)}`;
  const publisher = await startPublisher(wsUrl, name);
  const pageUrl = await startHttp();
  let context;
  try {
    context = await startBrowser();
  } catch (e) {
    await die(`could not start ${CHROMIUM}: ${e.message.split('\n')[0]}`);
  }
  await sleep(WARM_UP_MS);

  say(`# playback: beacon-cli play vs WebSDK 2.0.276 in Chromium ${browser.version()} ` +
      `(headless), ${opts.rounds} rounds of ${opts.seconds} s, ` +
      `${VIDEO.width}x${VIDEO.height} ${VIDEO.fps} fps ${VIDEO.codec.toUpperCase()}, ${cpus().length} CPUs`);

  const beacon = [];
  const websdk = [];
  let failures = 0;
  for (let i = 0; i < opts.rounds; i++) {
    // Alternate who goes first: the publisher's state and the machine's warmth change slowly.
    const order = i % 2 === 0 ? ['beacon', 'websdk'] : ['websdk', 'beacon'];
    const got = {};
    for (const who of order) {
      got[who] = who === 'beacon'
        ? await beaconRound(wsUrl, name)
        : await websdkRound(context, pageUrl, wsUrl, name, opts.saveFrame && !websdk.some((r) => r.frame));
      if (got[who].error) {
        failures++;
        note(`round ${i + 1} ${who}: ${got[who].error}` +
             (got[who].pageErrors ? ` (page errors: ${got[who].pageErrors.join(' | ')})` : ''));
      }
    }
    beacon.push(got.beacon);
    websdk.push(got.websdk);
    const b = got.beacon, w = got.websdk;
    const part = (r) => r.error ? 'FAILED'
      : `first ${fmt(r.firstFrameMs).padStart(4)} ms, latency ${fmt(r.latencyMedian).padStart(3)} ms ` +
        `(p95 ${fmt(r.latencyP95).padStart(3)}, ${r.stamped}/${r.frames} stamped)`;
    say(`round ${String(i + 1).padStart(2)} (${order[0]} first): beacon ${part(b)} | websdk ${part(w)}`);
  }

  if (opts.saveFrame) {
    const withFrame = websdk.find((r) => r.frame);
    if (withFrame) {
      await writeFile(opts.saveFrame, Buffer.from(withFrame.frame.split(',')[1], 'base64'));
      note(`saved one WebSDK frame as ${opts.saveFrame}`);
    }
  }

  const ok = (list) => list.filter((r) => !r.error);
  const summarise = (list) => {
    const good = ok(list);
    const frames = good.reduce((s, r) => s + r.frames, 0);
    const stamped = good.reduce((s, r) => s + r.stamped, 0);
    return {
      rounds_measured: good.length,
      first_frame_ms: {
        median: median(good.map((r) => r.firstFrameMs)),
        p95: percentile(good.map((r) => r.firstFrameMs), 95),
        rounds: good.map((r) => round1(r.firstFrameMs)),
      },
      // The same aggregate for both clients: beacon-cli reports each round's median and p95
      // over that round's frames, not the frames themselves.
      latency_ms: {
        median_of_round_medians: median(good.map((r) => r.latencyMedian).filter((v) => v != null)),
        median_of_round_p95s: median(good.map((r) => r.latencyP95).filter((v) => v != null)),
        round_medians: good.map((r) => r.latencyMedian),
        round_p95s: good.map((r) => r.latencyP95),
      },
      stamped_frames: stamped,
      frames,
      stamped_share: frames ? stamped / frames : null,
    };
  };
  const loadAfter = loadavg()[0];
  const B = summarise(beacon);
  const W = summarise(websdk);
  const wGood = ok(websdk);
  const pooled = wGood.flatMap((r) => r.latencies);
  const pooledPresent = wGood.flatMap((r) => r.presentLatencies);
  W.latency_ms.all_frames = { median: median(pooled), p95: percentile(pooled, 95), frames: pooled.length };
  W.latency_ms.all_frames_at_presentation_time = {
    median: median(pooledPresent), p95: percentile(pooledPresent, 95),
  };
  W.first_callback_ms_median = median(wGood.map((r) => r.firstCallbackMs));
  W.bad_crc = wGood.reduce((s, r) => s + r.badCrc, 0);
  W.no_stamp = wGood.reduce((s, r) => s + r.noStamp, 0);
  W.skipped_frames = wGood.reduce((s, r) => s + r.skipped, 0);
  W.decoder = [...new Set(wGood.map((r) => r.stats?.decoder).filter(Boolean))].join(',') || null;
  W.answers_with_ssrc_stripped = wGood.reduce((s, r) => s + (r.strippedAnswers || 0), 0);
  W.jitter_buffer_ms_median = median(wGood.map((r) => r.stats?.jitterBufferMs).filter((v) => v != null));
  B.decoder = [...new Set(ok(beacon).map((r) => r.decoder).filter(Boolean))].join(',') || null;

  const ratios = {
    first_frame_median: ratio(B.first_frame_ms.median, W.first_frame_ms.median),
    first_frame_p95: ratio(B.first_frame_ms.p95, W.first_frame_ms.p95),
    latency_median: ratio(B.latency_ms.median_of_round_medians, W.latency_ms.median_of_round_medians),
    latency_p95: ratio(B.latency_ms.median_of_round_p95s, W.latency_ms.median_of_round_p95s),
  };

  const row = (label, b, w, r) =>
    say(`${label.padEnd(34)}${b.padStart(10)}${w.padStart(10)}${r.padStart(15)}`);
  const rfmt = (v) => (v == null ? '–' : v.toFixed(2));
  say('');
  row('', 'Beacon', 'WebSDK', 'Beacon/WebSDK');
  row('time to first frame, median (ms)', fmt(B.first_frame_ms.median), fmt(W.first_frame_ms.median),
      rfmt(ratios.first_frame_median));
  row('time to first frame, p95 (ms)', fmt(B.first_frame_ms.p95), fmt(W.first_frame_ms.p95),
      rfmt(ratios.first_frame_p95));
  row('glass-to-glass latency, median (ms)', fmt(B.latency_ms.median_of_round_medians),
      fmt(W.latency_ms.median_of_round_medians), rfmt(ratios.latency_median));
  row('glass-to-glass latency, p95 (ms)', fmt(B.latency_ms.median_of_round_p95s),
      fmt(W.latency_ms.median_of_round_p95s), rfmt(ratios.latency_p95));
  row('frames with a valid stamp', pct(B.stamped_share), pct(W.stamped_share), '');
  say(`(latency: median over rounds of each round's median / p95; first frame: over ${opts.rounds} rounds, ` +
      'p95 by nearest rank)');
  say(`WebSDK over all ${pooled.length} frames: latency median ${fmt(W.latency_ms.all_frames.median)} ms, ` +
      `p95 ${fmt(W.latency_ms.all_frames.p95)} ms; at the frames' presentation time ` +
      `${fmt(W.latency_ms.all_frames_at_presentation_time.median)} / ` +
      `${fmt(W.latency_ms.all_frames_at_presentation_time.p95)} ms; ` +
      `${W.bad_crc} bad CRC, ${W.no_stamp} without stamp` + (W.decoder ? `; decoder ${W.decoder}` : '') +
      `; jitter buffer ${fmt(W.jitter_buffer_ms_median)} ms`);
  if (W.answers_with_ssrc_stripped)
    say(`WebSDK: a=ssrc lines removed from ${W.answers_with_ssrc_stripped} server play answer(s) ` +
        '(--strip-ssrc; servers before 2026-11-27 announced an SSRC they did not send)');
  say(`Beacon decoder ${B.decoder ?? '?'}; publisher ${publisher.last?.encoder ?? '?'} ` +
      `at ${publisher.last?.fps ?? '?'} fps when the rounds ended; load average ` +
      `${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after (other work on the machine skews both clients)`);

  const strip = (r) => {
    const { latencies, presentLatencies, frame, ...rest } = r;
    return rest;
  };
  say(JSON.stringify({
    benchmark: 'playback-vs-websdk',
    date: started.toISOString(),
    rounds: opts.rounds,
    seconds: opts.seconds,
    video: VIDEO,
    cpus: cpus().length,
    load_average_1min: { before: round3(loadBefore), after: round3(loadAfter) },
    chromium: browser.version(),
    websdk: '2.0.276',
    keep_ssrc: opts.keepSsrc,
    beacon: B,
    websdk_chromium: W,
    ratio_beacon_over_websdk: Object.fromEntries(Object.entries(ratios).map(([k, v]) => [k, round3(v)])),
    failures,
    per_round: { beacon: beacon.map(strip), websdk: websdk.map(strip) },
  }));
  return failures;
}

let failures = 1;
try {
  failures = await main();
} catch (e) {
  note(`bench-playback: ${(e && e.stack) || e}`);
} finally {
  clearTimeout(globalTimer);
  await cleanup();
}
process.exit(failures ? 1 : 0);
