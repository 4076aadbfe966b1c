// The pictures of docs/authoring.md, taken from the web build in Debian's
// headless Chromium at a desktop's size (1600×1000) and a phone's (390×844):
// the Studio on a draft deck (its steps), and Home after a pupil imported the
// deck's package. Not a test: run it by hand after a change to the Studio.
//
//   node authoring-screenshots.mjs DECK_FOLDER PACKAGE OUT_DIR
//
// DECK_FOLDER holds decks/ID.json and articles/ (what the Studio saves);
// PACKAGE is the same deck packed (claimdeck-cli deck pack).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {chromium} from 'playwright-core';

import {startServer} from './phone.mjs';

const [deckFolder, packageFile, outDir] = process.argv.slice(2);
const SIZES = [{width: 1600, height: 1000}, {width: 390, height: 844}];
const TABS = ['Articles', 'Claim', 'Evidence', 'Topics', 'Checks', 'Try'];

async function open(url, size) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdeck-shots-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-first-run'],
    viewport: size, deviceScaleFactor: 1,
  });
  const page = context.pages()[0] || await context.newPage();
  await page.goto(url);
  await ready(page);
  return {page, close: async () => { await context.close(); fs.rmSync(profile, {recursive: true, force: true}); }};
}

async function ready(page) {
  await page.waitForFunction(() => document.body.dataset.ready === '1', null, {timeout: 30000});
  await page.evaluate(() => Module.claimdeckInspect(['##reader', '##quote', '##evidence-reader', '##studio-tabs',
                                                     '##claims', '##evidence-article', '##new']));
  await page.waitForTimeout(300);
}

const items = (page) => page.evaluate(() => Module.claimdeckItems());

// The nth widget with this label, scrolled (by the mouse wheel) into view.
async function find(page, label, nth = 0) {
  const height = page.viewportSize().height;
  for (let attempt = 0; attempt < 20; ++attempt) {
    const found = (await items(page)).filter((item) => item.label.startsWith(label))[nth];
    // Wholly on screen, or for a tall text, enough of it to select in.
    if (found && found.vy >= 0 && found.vh >= Math.min(found.h, 150)) return found;
    await page.mouse.move(page.viewportSize().width / 2, height / 2);
    await page.mouse.wheel(0, found && found.y < 0 ? -200 : 200);
    await page.waitForTimeout(150);
  }
  throw new Error(`no ${label} on screen: ${JSON.stringify((await items(page)).filter((item) => item.label.startsWith(label)))}`);
}

async function click(page, label, nth = 0) {
  const found = await find(page, label, nth);
  // Hovered in one frame, pressed in the next, released in a third: as a hand would.
  await page.mouse.move(found.vx + found.vw / 2, found.vy + found.vh / 2);
  await page.waitForTimeout(200);
  await page.mouse.down();
  await page.waitForTimeout(100);
  await page.mouse.up();
  await page.waitForTimeout(400);
}

async function showTab(page, tab) {
  const index = TABS.indexOf(tab);
  if ((await items(page)).some((item) => item.label === 'Claim')) return click(page, tab);
  await click(page, '##studio-tabs');
  await click(page, '##option', index);
}

// The deck folder as the Studio's draft, as if a crash had left it there.
async function plantDraft(page) {
  const files = {};
  for (const sub of ['decks', 'articles']) {
    for (const name of fs.readdirSync(path.join(deckFolder, sub))) {
      files[`${sub}/${name}`] = fs.readFileSync(path.join(deckFolder, sub, name), 'utf8');
    }
  }
  await page.evaluate(async (planted) => {
    for (const folder of ['/data/studio', '/data/studio/drafts', '/data/studio/drafts/current',
                          '/data/studio/drafts/current/decks', '/data/studio/drafts/current/articles']) {
      try { FS.mkdir(folder); } catch (e) { /* there already */ }
    }
    for (const [name, text] of Object.entries(planted)) FS.writeFile(`/data/studio/drafts/current/${name}`, text);
    Module.claimdeckSave();
  }, files);
  await page.waitForFunction(() => document.body.dataset.saving === '0', null, {timeout: 10000});
  await page.reload();
  await ready(page);
}

async function shoot(page, name, size) {
  await page.waitForTimeout(400);
  const file = path.join(outDir, `authoring-${name}-${size.width}x${size.height}.png`);
  await page.screenshot({path: file});
  console.log(file);
}

const {child: server, url} = await startServer();
try {
  for (const size of SIZES) {
    const studio = await open(url, size);
    const page = studio.page;
    await plantDraft(page);
    await click(page, 'Deck Studio');
    await page.waitForFunction(() => document.body.dataset.screen === 'studio');
    await shoot(page, 'articles', size);

    await showTab(page, 'Claim');
    await click(page, '##claims');
    await click(page, '##option', 1);
    await shoot(page, 'claim', size);

    await showTab(page, 'Evidence');
    await click(page, '##evidence-article');
    await click(page, '##option', 0);
    await shoot(page, 'evidence', size);

    await showTab(page, 'Checks');
    await shoot(page, 'checks', size);
    await showTab(page, 'Try');
    await shoot(page, 'try', size);
    await studio.close();

    const pupil = await open(url, size);
    await click(pupil.page, '##new');
    await pupil.page.keyboard.type('Pupil');
    await click(pupil.page, 'Create learner');
    const [chooser] = await Promise.all([pupil.page.waitForEvent('filechooser'), click(pupil.page, 'Import a deck')]);
    await chooser.setFiles(packageFile);
    await pupil.page.waitForFunction(() => document.body.dataset.deck !== 'panjshir-2021');
    await shoot(pupil.page, 'imported', size);
    await pupil.close();
  }
} finally {
  server.kill();
}
