// The Deck Studio in the browser, on a 390×844 phone in Debian's headless
// Chromium: Home's Studio button opens it, pasted text becomes an article
// ("Paste article" takes the page's last paste event), Save writes the deck
// into the IndexedDB-backed data folder, and after a reload both the saved
// deck and the unsaved draft are still there.
//
//   node --test studio.test.mjs         (SITE_DIR defaults to build-web/site)
//
// Environment: SITE_DIR, CHROMIUM (default /usr/bin/chromium).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import {siteDir, startServer} from './phone.mjs';
import {exactly, openPhoneApp, startingWith} from './touch.mjs';

const SAVED_DECK = '/data/studio/new-deck/decks/new-deck.json';
const FIRST_ARTICLE = 'Valley falls\n\nThe Taliban said they took the valley on Monday.\n';
const SECOND_ARTICLE = 'Resistance holds\n\nThe resistance said it still held the valley on Monday.\n';

let server;
let browser;
let page;
let phone;
let baseUrl;

// What the page's clipboard event hands the app; the Studio's button pastes it.
async function pasteArticle(text) {
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.body.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true}));
  }, text);
  await phone.tap(startingWith('Paste article'), '"Paste article" button');
}

const studioSays = (prefix) =>
  page.waitForFunction((wanted) => (document.body.dataset.studio || '').startsWith(wanted), prefix, {timeout: 10000});

async function openStudio() {
  await phone.tap(startingWith('Deck Studio'), '"Deck Studio" button');
  await phone.waitForScreen('studio');
}

const savedDeck = () => page.evaluate((file) => {
  try {
    return JSON.parse(new TextDecoder().decode(FS.readFile(file)));
  } catch (error) {
    return null;
  }
}, SAVED_DECK);

before(async () => {
  assert.ok(fs.existsSync(path.join(siteDir, 'app.wasm')), `no web build in ${siteDir}: run ./dev web first`);
  ({child: server, url: baseUrl} = await startServer());
  ({browser, page, phone} = await openPhoneApp(baseUrl));
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill();
});

test('Home\'s Deck Studio button opens the Studio, and a pasted article is saved in the data folder', async () => {
  await openStudio();
  await studioSays('0 articles');
  await pasteArticle(FIRST_ARTICLE);
  await studioSays('1 articles');
  await phone.tap(exactly('Save'), '"Save" button');
  await page.waitForFunction(() => { try { return Boolean(FS.stat('/data/studio/new-deck/decks/new-deck.json')); } catch (e) { return false; } },
                             null, {timeout: 5000});
  assert.equal((await savedDeck()).articles.length, 1);
});

test('an unsaved second article reaches the draft and IndexedDB', async () => {
  const savesBefore = await phone.saves();
  await pasteArticle(SECOND_ARTICLE);
  await studioSays('2 articles');
  await page.waitForFunction(() => {
    try {
      return FS.readdir('/data/studio/drafts/current/articles').filter((name) => name.endsWith('.txt')).length === 2;
    } catch (e) {
      return false;
    }
  }, null, {timeout: 10000});
  await phone.waitForSaved(savesBefore);
});

test('after a reload the saved deck and the draft are both still there', async () => {
  await page.reload();
  await phone.waitForApp();
  assert.equal((await savedDeck()).articles.length, 1, 'the saved deck is gone');
  await openStudio();
  await studioSays('2 articles');
});
