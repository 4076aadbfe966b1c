// The Deck Studio's files in the browser, on a 390×844 phone in Debian's
// headless Chromium: Open… and Open article file… take a file from the
// browser's file chooser, Export package… and Save as… hand the deck to the
// browser as a download named after it, and the downloaded package, imported
// on Home in a second browser (a pupil's phone), shows the deck there.
//
//   node --test studio-package.test.mjs    (SITE_DIR defaults to build-web/site)
//
// Environment: SITE_DIR, CHROMIUM (default /usr/bin/chromium).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {root, siteDir, startServer} from './phone.mjs';
import {exactly, openPhoneApp, startingWith} from './touch.mjs';

// A teacher's package of tests/data/mini-deck: two articles, three claims.
const PACKAGE = path.join(root, 'tests/data/packages/mini.claimdeck');
const DECK_ID = 'mini';
const ARTICLE_FILE = 'Resistance holds.md';
const ARTICLE = '# Resistance holds\n\nThe resistance said it still held the valley on Monday.\n';

let server;
let baseUrl;
let browser;
let page;
let phone;
let workDir;
let exported;  // the downloaded package's path

const studioSays = (prefix) =>
  page.waitForFunction((wanted) => (document.body.dataset.studio || '').startsWith(wanted), prefix, {timeout: 10000});

// Taps the button that opens the browser's file chooser and chooses `file` in it.
async function chooseIn(label, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', {timeout: 10000}),
                                       phone.tap(exactly(label), `"${label}" button`)]);
  assert.equal(chooser.isMultiple(), false);
  await chooser.setFiles(file);
}

// Back at the top of the page, where the Studio's toolbar is: the touch
// driver only scrolls down to look for a button it does not see.
async function scrollToTop() {
  const {width, height} = page.viewportSize();
  for (let swipes = 0; swipes < 8; ++swipes) {
    if ((await phone.items()).some((item) => item.label === 'New deck' && item.vy >= 0)) return;
    await phone.swipe(width / 2, height * 0.3, height * 0.8);
  }
  assert.fail('the Studio\'s toolbar did not come back into view');
}

// Taps the button and waits for the download it starts; resolves to it.
async function downloadFrom(label) {
  await scrollToTop();
  const [download] = await Promise.all([page.waitForEvent('download', {timeout: 10000}),
                                        phone.tap(exactly(label), `"${label}" button`)]);
  return download;
}

function readPackage(file) {
  const unpacked = JSON.parse(fs.readFileSync(file, 'utf8'));
  return {...unpacked, deck: JSON.parse(unpacked.deck)};
}

before(async () => {
  assert.ok(fs.existsSync(path.join(siteDir, 'app.wasm')), `no web build in ${siteDir}: run ./dev web first`);
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdeck-studio-package-'));
  ({child: server, url: baseUrl} = await startServer());
  ({browser, page, phone} = await openPhoneApp(baseUrl));
  await phone.tap(startingWith('Deck Studio'), '"Deck Studio" button');
  await phone.waitForScreen('studio');
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill();
  if (workDir) fs.rmSync(workDir, {recursive: true, force: true});
});

test('Open… takes a package from the browser\'s file chooser into the Studio', async () => {
  await chooseIn('Open\u2026', PACKAGE);
  await studioSays('2 articles, 3 claims');
});

test('Open article file… takes a Markdown file from the chooser as a new article', async () => {
  const file = path.join(workDir, ARTICLE_FILE);
  fs.writeFileSync(file, ARTICLE);
  await chooseIn('Open article file\u2026', file);
  await studioSays('3 articles, 3 claims');
});

test('Export package… downloads the deck as one package named after it', async () => {
  // An opened deck's title, id and version are folded into one row, first on the page.
  await phone.tap(exactly('##content'), 'the deck\'s folded row');
  await phone.tap(exactly('Raise the version'), '"Raise the version" button');
  const download = await downloadFrom('Export package\u2026');
  assert.equal(download.suggestedFilename(), `${DECK_ID}.claimdeck`);
  exported = path.join(workDir, download.suggestedFilename());
  await download.saveAs(exported);
  const unpacked = readPackage(exported);
  assert.equal(unpacked.format, 'claimdeck-package');
  assert.equal(unpacked.deck.id, DECK_ID);
  assert.equal(unpacked.deck.version, 2, 'the raised version is not in the package');
  assert.equal(unpacked.deck.claims.length, 3);
  assert.deepEqual(unpacked.deck.articles.map((article) => article.title),
                   ['Headline A', 'Headline B', 'Resistance holds']);
  assert.ok(unpacked.articles.some((article) => article.text.includes('still held the valley')),
            'the opened article\'s text is not in the package');
});

test('Save as… saves the deck in the browser and downloads its package too', async () => {
  const download = await downloadFrom('Save as\u2026');
  assert.equal(download.suggestedFilename(), `${DECK_ID}.claimdeck`);
  const saved = path.join(workDir, 'saved-as.claimdeck');
  await download.saveAs(saved);
  assert.equal(readPackage(saved).deck.version, 2);
  const savedInBrowser = await page.evaluate((file) => {
    try {
      return JSON.parse(new TextDecoder().decode(FS.readFile(file))).version;
    } catch (error) {
      return null;
    }
  }, `/data/studio/${DECK_ID}/decks/${DECK_ID}.json`);
  assert.equal(savedInBrowser, 2, 'Save as… did not save the deck in the browser\'s data folder');
});

test('the downloaded package, imported on a pupil\'s phone, shows the deck on Home', async () => {
  assert.ok(exported, 'no package was downloaded to import');
  const {browser: pupil, page: pupilPage, phone: pupilPhone} = await openPhoneApp(baseUrl);
  try {
    await pupilPhone.createLearner('Pupil');
    const [chooser] = await Promise.all([pupilPage.waitForEvent('filechooser', {timeout: 20000}),
                                         pupilPhone.tap(startingWith('Import a deck'), '"Import a deck…" button')]);
    await chooser.setFiles(exported);
    await pupilPage.waitForFunction((id) => document.body.dataset.deck === id, DECK_ID, {timeout: 5000});
    await pupilPhone.waitForScreen('home');
    assert.ok(((await pupilPhone.dataset()).shelf || '').split(' ').includes(DECK_ID),
              'the imported deck is not listed on Home');
  } finally {
    await pupil.close();
  }
});
