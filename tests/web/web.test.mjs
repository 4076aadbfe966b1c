// ClaimDeck's web build in Debian's headless Chromium, as a phone: a 390×844
// touch screen at 3 device pixels per CSS pixel. The app must start and draw
// a card, take three answers by tapping, keep them across a reload, and
// start again from its service worker with the network cut.
//
//   node --test web.test.mjs            (SITE_DIR defaults to build-web/site)
//
// Environment: SITE_DIR, CHROMIUM (default /usr/bin/chromium),
// SCREENSHOT (default docs/screenshots/web-card.png in the repository).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import {launchPhone, root, siteDir, siteGzipBytes, startServer} from './phone.mjs';
import {exactly, openPhoneApp, startingWith, touchDriver} from './touch.mjs';

const screenshotFile = path.resolve(process.env.SCREENSHOT || path.join(root, 'docs/screenshots/web-card.png'));

const SIZE_BUDGET = 2 * 1024 * 1024;  // gzip-compressed bytes, everything the page loads

let server;
let baseUrl;
let phone;
let context;
let page;

// ---- Helpers ----------------------------------------------------------------

let phoneDriver;
let backupFile;  // downloaded by "Back up my progress", imported on another phone
const waitForApp = () => phoneDriver.waitForApp();
const waitForScreen = (screen) => phoneDriver.waitForScreen(screen);
const tap = (matches, description) => phoneDriver.tap(matches, description);

// How much a PNG varies: the count of distinct colours and the share of
// pixels that differ from the most common one, measured by the browser.
async function pictureVariety(file) {
  const data = fs.readFileSync(file).toString('base64');
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = 'data:image/png;base64,' + base64;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const draw = canvas.getContext('2d');
    draw.drawImage(image, 0, 0);
    const pixels = draw.getImageData(0, 0, image.width, image.height).data;
    const counts = new Map();
    for (let i = 0; i < pixels.length; i += 4) {
      const key = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const most = Math.max(...counts.values());
    return {colours: counts.size, otherShare: 1 - most / (pixels.length / 4)};
  }, data);
}

// ---- Set-up -----------------------------------------------------------------

before(async () => {
  assert.ok(fs.existsSync(path.join(siteDir, 'app.wasm')), `no web build in ${siteDir}: run ./dev web first`);
  ({child: server, url: baseUrl} = await startServer());
  phone = await launchPhone();
  context = phone.context;
  page = context.pages()[0] || await context.newPage();
  phoneDriver = touchDriver(context, page);
  page.on('pageerror', (error) => console.log('page error:', error.message));
  page.on('console', (message) => { if (message.type() === 'error') console.log('console:', message.text()); });
});

after(async () => {
  if (phone) await phone.close();
  if (server) server.kill();
});

// ---- Tests ------------------------------------------------------------------

test('everything the page loads fits in 2 MB gzip-compressed', () => {
  const total = siteGzipBytes();
  console.log(`# site: ${(total / 1024).toFixed(0)} KiB gzip-compressed`);
  assert.ok(total < SIZE_BUDGET, `${total} bytes`);
});

// How soon the first frame comes is a benchmark's question (tests/web/measure.mjs,
// docs/benchmarks.md: medians of several runs against the 2 s target); one run
// here, on a loaded machine, only says it came.
test('starts, draws the first frame and shows a card', async () => {
  await page.goto(baseUrl);
  const state = await waitForApp();
  const firstFrame = Number(state.firstFrameMs);
  console.log(`# first frame after ${firstFrame} ms; storage: ${state.storage}`);
  assert.ok(firstFrame > 0, 'no first frame');
  assert.equal(state.storage, 'indexeddb');
  assert.equal(state.screen, 'home');
  assert.equal(state.answers, '0');

  await phoneDriver.createLearner('Ada');

  await tap(startingWith('Start'), 'start button');
  await waitForScreen('card');
  await page.waitForTimeout(200);
  fs.mkdirSync(path.dirname(screenshotFile), {recursive: true});
  await page.screenshot({path: screenshotFile});
  const variety = await pictureVariety(screenshotFile);
  console.log(`# card screenshot: ${variety.colours} colours, ${(variety.otherShare * 100).toFixed(1)} % not background`);
  assert.ok(variety.colours > 50 && variety.otherShare > 0.05, 'the card screenshot is blank');
});

test('three answers by tapping', async () => {
  for (let i = 1; i <= 3; ++i) {
    await waitForScreen('card');
    await tap(exactly('##verdict1'), 'verdict button');
    await tap(exactly('##sure2'), 'confidence button');
    await waitForScreen('reveal');
    await page.waitForFunction((n) => document.body.dataset.answers === String(n), i, {timeout: 3000});
    if (i < 3) await tap(startingWith('Next'), '"Next" button');
  }
  await phoneDriver.waitForSaved();
});

test('"Back up my progress" in Settings downloads the progress as a file', async () => {
  await tap(exactly('\u2699'), 'settings button');
  await waitForScreen('settings');
  const [download] = await Promise.all([page.waitForEvent('download'),
                                        tap(exactly('Back up my progress'), '"Back up my progress" button')]);
  assert.match(download.suggestedFilename(), /^claimdeck-progress-.*\.sqlite$/);
  const file = await download.path();
  const header = fs.readFileSync(file).subarray(0, 16).toString('latin1');
  assert.equal(header, 'SQLite format 3\0');
  backupFile = file;
});

test('the backup, imported with "Import progress…" on another phone, brings the learner and the answers', async () => {
  assert.ok(backupFile, 'no backup was downloaded');
  const {browser: other, page: otherPage, phone: otherPhone} = await openPhoneApp(baseUrl);
  try {
    await otherPhone.tap(exactly('\u2699'), 'settings button');
    await otherPhone.waitForScreen('settings');
    const [chooser] = await Promise.all([otherPage.waitForEvent('filechooser', {timeout: 20000}),
                                         otherPhone.tap(startingWith('Import progress'), '"Import progress…" button')]);
    await chooser.setFiles(backupFile);
    // A phone with no learner of its own takes the imported one, with their answers.
    await otherPage.waitForFunction(() => document.body.dataset.profile === 'Ada', null, {timeout: 10000});
    assert.equal((await otherPhone.dataset()).answers, '3');
  } finally {
    await other.close();
  }
});

test('the canvas follows a turn to landscape at full pixel density', async () => {
  const backing = () => page.evaluate(() => [Module.canvas.width, Module.canvas.height]);
  assert.deepEqual(await backing(), [390 * 3, 844 * 3]);
  await page.setViewportSize({width: 844, height: 390});
  await page.waitForFunction(() => Module.canvas.width === 844 * 3 && Module.canvas.height === 390 * 3, null,
                             {timeout: 5000});
  if (process.env.LANDSCAPE_SCREENSHOT) await page.screenshot({path: process.env.LANDSCAPE_SCREENSHOT});
  await page.setViewportSize({width: 390, height: 844});
  await page.waitForFunction(() => Module.canvas.width === 390 * 3, null, {timeout: 5000});
});

test('the answers are still there after a reload', async () => {
  await page.reload();
  const state = await waitForApp();
  assert.equal(state.profile, 'Ada');
  assert.equal(state.answers, '3');
});

test('starts from the service worker with the network cut', async () => {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
    }
    return registration.active.state;
  });
  await context.setOffline(true);
  try {
    await page.reload();
    const state = await waitForApp();
    assert.equal(state.answers, '3');
    assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true);
  } finally {
    await context.setOffline(false);
  }
});
