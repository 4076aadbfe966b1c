// Three pupils in a live class, each on a phone (a 390×844 touch page of
// its own, with storage of its own), in Debian's headless Chromium against a
// real claimdeck-server (SQLite) that serves the web build itself:
//  - a class is made over HTTP with the teacher key, as a teacher's app does;
//  - each phone opens /?join=CODE (a QR code's link), types a nickname and
//    joins, and answers the first card; the dashboard counts three answers,
//    one per pupil;
//  - the teacher moves on; two pupils answer the second card; the server is
//    killed (SIGKILL); the third answers, sees "Sending…", reloads the page
//    (the answer is kept in the device's store, in IndexedDB); the server is
//    started again on the same database and port, the answer is sent again
//    by itself and counted once.
// Screenshots of the join form, a card, a saved answer and the waiting screen
// while the server is away, at 390×844 and 1600×1000, go to SCREENSHOT_DIR
// (default: beside SCREENSHOT, which run.sh puts in the build folder).
//
//   CLAIMDECK_SERVER=build-ci/app/server/claimdeck-server node --test live-pupils.test.mjs
//
// Environment: SITE_DIR, CHROMIUM, CLAIMDECK_SERVER (default
// build-ci/app/server/claimdeck-server), SCREENSHOT_DIR.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {chromium} from 'playwright-core';

import {root, siteDir} from './phone.mjs';
import {touchDriver} from './touch.mjs';
import {answerCard, joinAs, liveState, waitForLive, waitForLiveApp} from './live-phone.mjs';

const serverBin = path.resolve(process.env.CLAIMDECK_SERVER || path.join(root, 'build-ci/app/server/claimdeck-server'));
const shotDir = process.env.SCREENSHOT_DIR ||
                (process.env.SCREENSHOT ? path.dirname(process.env.SCREENSHOT) : os.tmpdir());
const NICKNAMES = ['Ada', 'Ben', 'Cleo'];

let dataDir;
let server;  // {child, port}
let teacherKey = '';
let browser;
const phones = [];  // {context, page, driver}

// Starts claimdeck-server on `port` (0: a free one); resolves once it listens.
function startLiveServer(port) {
  return new Promise((resolve, reject) => {
    const child = spawn(serverBin, ['--port', String(port), '--data-dir', dataDir, '--web-root', siteDir,
                                    '--rate-limit', '0'],
                        {stdio: ['ignore', 'pipe', 'inherit']});
    let output = '';
    const timer = setTimeout(() => reject(new Error(`claimdeck-server did not start: ${output}`)), 15000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const key = output.match(/Teacher key: ([A-Za-z0-9_-]{16,})/);
      if (key) teacherKey = key[1];
      const listening = output.match(/on http:\/\/127\.0\.0\.1:(\d+)\//);
      if (listening) {
        clearTimeout(timer);
        resolve({child, port: Number(listening[1])});
      }
    });
    child.on('exit', (code) => reject(new Error(`claimdeck-server stopped (${code}): ${output}`)));
  });
}

function killServer() {
  return new Promise((resolve) => {
    server.child.removeAllListeners('exit');
    server.child.once('exit', resolve);
    server.child.kill('SIGKILL');
  });
}

async function api(method, route, body) {
  const response = await fetch(`http://127.0.0.1:${server.port}${route}`, {
    method,
    headers: {'Authorization': `Bearer ${teacherKey}`, 'Content-Type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const reply = await response.json();
  assert.ok(response.ok, `${method} ${route}: ${response.status} ${JSON.stringify(reply)}`);
  return reply;
}

async function openPhone() {
  const context = await browser.newContext({viewport: {width: 390, height: 844}, deviceScaleFactor: 2,
                                            isMobile: true, hasTouch: true});
  const page = await context.newPage();
  const driver = touchDriver(context, page);
  return {context, page, driver};
}

// The page as a phone shows it and as a 1600×1000 window does.
async function screenshots(phone, name) {
  fs.mkdirSync(shotDir, {recursive: true});
  await phone.page.waitForTimeout(300);  // a frame or two after the last change
  await phone.page.screenshot({path: path.join(shotDir, `live-${name}-390x844.png`)});
  await phone.page.setViewportSize({width: 1600, height: 1000});
  await phone.page.waitForTimeout(600);
  await phone.page.screenshot({path: path.join(shotDir, `live-${name}-1600x1000.png`)});
  await phone.page.setViewportSize({width: 390, height: 844});
  await phone.page.waitForTimeout(300);
}

before(async () => {
  assert.ok(fs.existsSync(serverBin), `no claimdeck-server at ${serverBin}: build it, or set CLAIMDECK_SERVER`);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdeck-live-'));
  server = await startLiveServer(0);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic',
           '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  for (const phone of phones) await phone.context.close();
  if (browser) await browser.close();
  if (server) server.child.kill('SIGKILL');
  if (dataDir) fs.rmSync(dataDir, {recursive: true, force: true});
});

test('three phones join with the link, each answer is counted once, and one sent while the server was down arrives after a reload and a restart', async () => {
  const made = await api('POST', '/api/classes', {title: 'Panjshir live', count: 2});
  const code = made.join_code;
  const url = `http://127.0.0.1:${server.port}/?join=${code}`;

  for (const nickname of NICKNAMES) {
    const phone = await openPhone();
    phones.push(phone);
    await phone.page.goto(url);
    await waitForLiveApp(phone);
    await joinAs(phone, nickname, async () => { if (phones.length === 1) await screenshots(phone, 'join'); });
  }
  await screenshots(phones[0], 'card');

  for (const phone of phones) {
    await answerCard(phone);
    await waitForLive(phone, 'waiting saved 0');
  }
  await screenshots(phones[0], 'saved');
  let board = await api('GET', `/api/classes/${code}/dashboard`);
  assert.deepEqual(board.pupils.map((p) => [p.nickname, p.answered]).sort(), [['Ada', 1], ['Ben', 1], ['Cleo', 1]]);
  assert.equal(board.totals[0].answered, 3);

  await api('POST', `/api/classes/${code}/next`);
  for (const phone of phones.slice(0, 2)) {
    await answerCard(phone);
    await waitForLive(phone, 'waiting saved 0');
  }

  const port = server.port;
  await killServer();
  const last = phones[2];
  const savesBefore = await last.driver.saves();
  await answerCard(last);
  await waitForLive(last, 'waiting sending 1');
  await last.driver.waitForSaved(savesBefore);  // in the device's store, and that in IndexedDB
  await screenshots(last, 'waiting');
  await last.page.reload().catch(() => {});  // the page itself comes from the service worker's cache
  await waitForLiveApp(last);
  assert.match(await liveState(last), / 1$/, 'the answer not confirmed is still kept after the reload');

  server = await startLiveServer(port);
  await waitForLive(last, 'waiting none 0', 30000);
  board = await api('GET', `/api/classes/${code}/dashboard`);
  assert.deepEqual(board.pupils.map((p) => [p.nickname, p.answered]).sort(), [['Ada', 2], ['Ben', 2], ['Cleo', 2]]);
  assert.deepEqual(board.totals.map((card) => card.answered), [3, 3]);
});
