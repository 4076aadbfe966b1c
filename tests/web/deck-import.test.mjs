// A pupil imports a teacher's deck package on a phone: in Debian's headless
// Chromium as a 390×844 touch screen, "Import a deck…" on Home opens the
// browser's file chooser, the package is chosen in it (the DevTools
// protocol's DOM.setFileInputFiles, through Playwright's file chooser), the
// deck shows on Home and one card is studied; after a reload the deck and
// the answer are still there.
//
//   node --test deck-import.test.mjs    (SITE_DIR defaults to build-web/site)
//
// Environment: SITE_DIR, CHROMIUM (default /usr/bin/chromium).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import {root, siteDir, startServer} from './phone.mjs';
import {exactly, openPhoneApp, startingWith} from './touch.mjs';

// A teacher's package of tests/data/mini-deck (claimdeck-cli deck pack).
const PACKAGE = path.join(root, 'tests/data/packages/mini.claimdeck');
const DECK_ID = 'mini';

let server;
let baseUrl;
let browser;
let page;
let phone;

// The decks Home lists, by id (the page's data-shelf).
const deckOnHome = async () => ((await phone.dataset()).shelf || '').split(' ').includes(DECK_ID);

before(async () => {
  assert.ok(fs.existsSync(path.join(siteDir, 'app.wasm')), `no web build in ${siteDir}: run ./dev web first`);
  ({child: server, url: baseUrl} = await startServer());
  ({browser, page, phone} = await openPhoneApp(baseUrl));
  await phone.createLearner('Pupil');
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill();
});

test('a package chosen in the browser\'s file chooser is imported and shows on Home', async () => {
  assert.equal(await deckOnHome(), false, 'the deck is there before it was imported');
  const savesBefore = await phone.saves();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', {timeout: 20000}),
                                       phone.tap(startingWith('Import a deck'), '"Import a deck…" button')]);
  assert.equal(chooser.isMultiple(), false);
  await chooser.setFiles(PACKAGE);
  await page.waitForFunction((id) => document.body.dataset.deck === id, DECK_ID, {timeout: 5000});
  await phone.waitForScreen('home');
  assert.ok(await deckOnHome(), 'the imported deck is not listed on Home');
  await phone.waitForSaved(savesBefore);
});

test('one card of the imported deck is studied', async () => {
  const savesBefore = await phone.saves();
  await phone.tap(startingWith('Start'), 'start button');
  await phone.waitForScreen('card');
  await phone.tap(exactly('##verdict1'), 'verdict button');
  await phone.tap(exactly('##sure2'), 'confidence button');
  await phone.waitForScreen('reveal');
  await page.waitForFunction(() => document.body.dataset.answers === '1', null, {timeout: 3000});
  await phone.waitForSaved(savesBefore);
});

test('after a reload the deck and the answer are still there', async () => {
  await page.reload();
  const state = await phone.waitForApp();
  assert.equal(state.profile, 'Pupil');
  assert.equal(state.deck, DECK_ID);
  assert.equal(state.answers, '1');
  assert.ok(await deckOnHome(), 'the imported deck is no longer listed on Home');
});
