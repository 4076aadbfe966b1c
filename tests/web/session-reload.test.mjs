// A learner on a phone reloads the page half-way through a session: in
// Debian's headless Chromium as a 390×844 touch screen, two cards are
// answered by tapping, the page is reloaded, and Home offers to continue the
// same session at the same place out of the same fixed number of cards
// ("Continue your session (3 of N)"); continuing asks the third card, and
// after it the session stands at 4 of the same N.
//
//   node --test session-reload.test.mjs    (SITE_DIR defaults to build-web/site)
//
// Environment: SITE_DIR, CHROMIUM (default /usr/bin/chromium).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import {siteDir, startServer} from './phone.mjs';
import {exactly, openPhoneApp, startingWith} from './touch.mjs';

let server;
let baseUrl;
let browser;
let page;
let phone;

const CONTINUE = /^Continue your session +\((\d+) of (\d+)\)$/;

// "Continue your session (3 of 15)" as Home draws it: [3, 15], or null when Home offers none.
async function sessionOnHome() {
  const button = (await phone.items()).find((item) => CONTINUE.test(item.label));
  return button ? button.label.match(CONTINUE).slice(1).map(Number) : null;
}

async function answerCard(answersAfter) {
  await phone.waitForScreen('card');
  await phone.tap(exactly('##verdict2'), 'verdict button');
  await phone.tap(exactly('##sure2'), 'confidence button');
  await phone.waitForScreen('reveal');
  await page.waitForFunction((n) => document.body.dataset.answers === String(n), answersAfter, {timeout: 3000});
}

async function backHome() {
  await phone.tap(startingWith('\u2190'), 'back button');
  await phone.waitForScreen('home');
}

before(async () => {
  assert.ok(fs.existsSync(path.join(siteDir, 'app.wasm')), `no web build in ${siteDir}: run ./dev web first`);
  ({child: server, url: baseUrl} = await startServer());
  ({browser, page, phone} = await openPhoneApp(baseUrl));
  await phone.createLearner('Reloader');
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill();
});

test('a session half answered goes on at the same card, out of the same number, after a reload', async () => {
  await phone.tap(exactly('Start studying'), '"Start studying" button');
  await answerCard(1);
  await phone.tap(startingWith('Next'), '"Next" button');
  await answerCard(2);
  await phone.waitForSaved();
  await backHome();
  const before = await sessionOnHome();
  assert.ok(before, 'Home offers no session to continue before the reload');
  assert.equal(before[0], 3, `before the reload Home says ${before[0]} of ${before[1]}`);

  await page.reload();
  await phone.waitForApp();
  await phone.waitForScreen('home');
  assert.deepEqual(await sessionOnHome(), before, 'after the reload the session is not the one left');

  await phone.tap(startingWith('Continue your session'), '"Continue your session" button');
  await answerCard(3);
  await phone.waitForSaved();
  await backHome();
  assert.deepEqual(await sessionOnHome(), [4, before[1]], 'the session did not go on from where it was');
});
