// The pictures of docs/authoring.md, taken from the web build in Debian's
// headless Chromium at a desktop's size (1600×1000) and a phone's (390×844):
// the Studio on a draft deck (each step, the package exported as a
// download), and Home after a pupil imported that package. Not a test: run
// it by hand after a change to the Studio, then look at every picture.
//
//   node authoring-screenshots.mjs OUT_DIR      (SITE_DIR defaults to build-web/site)
//
// The draft deck is the guide's example: the bundled deck's claims from a
// blog post and a news report, as if a teacher had made them in the Studio.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {chromium} from 'playwright-core';

import {root, startServer} from './phone.mjs';
import {touchDriver} from './touch.mjs';

const [outDir] = process.argv.slice(2);
const SIZES = [{width: 1600, height: 1000}, {width: 390, height: 844}];
const TABS = ['Articles', 'Claim', 'Evidence', 'Topics', 'Checks', 'Try'];
const ARTICLES = ['heavy-losses-blog', 'resistance-claims-repulsion'];
const SELECTED = 'has never been captured by attacking forces';

// The example deck's files, by their path in a deck folder (decks/, articles/).
function exampleDeck() {
  const bundled = JSON.parse(fs.readFileSync(path.join(root, 'content/decks/panjshir-2021.json'), 'utf8'));
  const claims = bundled.claims.filter((claim) => ARTICLES.includes(claim.article)).map((claim) => (
    {...claim, evidence: claim.evidence.filter((entry) => ARTICLES.includes(entry.article))}));
  const deck = {
    ...bundled, id: 'panjshir-week-one', version: 1, title: 'Panjshir: a blog and a news report',
    description: 'Claims from a blog post about the fight for the Panjshir Valley, checked against a news report.',
    articles: bundled.articles.filter((article) => ARTICLES.includes(article.id)),
    topics: bundled.topics.filter((topic) => claims.some((claim) => claim.topic === topic.id)), claims,
  };
  const files = {[`decks/${deck.id}.json`]: JSON.stringify(deck, null, 2) + '\n'};
  for (const article of deck.articles) {
    files[`articles/${article.file}`] = fs.readFileSync(path.join(root, 'content/articles', article.file), 'utf8');
  }
  return files;
}

async function open(url, size) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdeck-shots-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-first-run'],
    viewport: size, deviceScaleFactor: 1, hasTouch: true,
  });
  const page = context.pages()[0] || await context.newPage();
  swipes.set(page, touchDriver(context, page).swipe);
  await page.goto(url);
  await ready(page);
  return {page, close: async () => { await context.close(); fs.rmSync(profile, {recursive: true, force: true}); }};
}

async function ready(page) {
  await page.waitForFunction(() => document.body.dataset.ready === '1', null, {timeout: 30000});
  await page.evaluate(() => Module.claimdeckInspect(['##reader', '##quote', '##evidence-reader', '##studio-tabs',
                                                     '##claims', '##evidence-article', '##new', '##content']));
  await page.waitForTimeout(300);
}

const swipes = new WeakMap();  // each page's finger drag (touch.mjs)

const items = (page) => page.evaluate(() => Module.claimdeckItems());

// The nth widget with this label, scrolled (by the mouse wheel) into view.
async function find(page, label, nth = 0) {
  const height = page.viewportSize().height;
  for (let attempt = 0; attempt < 20; ++attempt) {
    const found = (await items(page)).filter((item) => item.label.startsWith(label))[nth];
    // Wholly on screen, or for a tall text, enough of it to select in.
    if (found && found.vy >= 0 && found.vh >= Math.min(found.h, 150)) return found;
    // A finger's drag scrolls a phone's page as it does a desktop's.
    const up = found && found.y < 0;
    await swipes.get(page)(8, up ? height * 0.3 : height * 0.6, up ? height * 0.6 : height * 0.3);
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

// The example deck as the Studio's draft, as if a crash had left it there.
async function plantDraft(page) {
  await page.evaluate(async (planted) => {
    for (const folder of ['/data/studio', '/data/studio/drafts', '/data/studio/drafts/current',
                          '/data/studio/drafts/current/decks', '/data/studio/drafts/current/articles']) {
      try { FS.mkdir(folder); } catch (e) { /* there already */ }
    }
    for (const [name, text] of Object.entries(planted)) FS.writeFile(`/data/studio/drafts/current/${name}`, text);
    Module.claimdeckSave();
  }, exampleDeck());
  await page.waitForFunction(() => document.body.dataset.saving === '0', null, {timeout: 10000});
  await page.reload();
  await ready(page);
}

async function shoot(page, name, size) {
  await page.mouse.move(1, size.height - 1);  // nothing left hovered by the last click
  await page.waitForTimeout(400);
  const file = path.join(outDir, `authoring-${name}-${size.width}x${size.height}.png`);
  await page.screenshot({path: file});
  console.log(file);
}

// Words selected in the reader the keyboard's way ("Find words", then Enter).
async function selectWords(page, words) {
  await click(page, '##find-in-article');
  await page.keyboard.type(words);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
}

// The Studio's steps, and the package it exported; resolves to the package's path.
async function teacherSteps(url, size) {
  const studio = await open(url, size);
  const page = studio.page;
  await plantDraft(page);
  await click(page, 'Deck Studio');
  await page.waitForFunction(() => document.body.dataset.screen === 'studio');
  await click(page, '##content', 1);  // the folded "Article details" row, under the deck's
  await shoot(page, 'articles', size);
  await click(page, 'Fold the article details');
  await selectWords(page, SELECTED);
  await shoot(page, 'select', size);

  await showTab(page, 'Claim');
  await click(page, '##claims');
  await click(page, '##option', 0);  // blog-anjuman: a contested claim with evidence from the news report
  await shoot(page, 'claim', size);

  await showTab(page, 'Evidence');
  await click(page, '##evidence-article');
  await click(page, '##option', 0);
  await shoot(page, 'evidence', size);

  await showTab(page, 'Checks');
  await shoot(page, 'checks', size);
  await showTab(page, 'Try');
  await shoot(page, 'try', size);

  await showTab(page, 'Articles');
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'Export package')]);
  const packageFile = path.join(os.tmpdir(), `authoring-${size.width}-${download.suggestedFilename()}`);
  await download.saveAs(packageFile);
  await find(page, 'New deck');  // the status line, under the toolbar
  await shoot(page, 'export', size);
  await studio.close();
  return packageFile;
}

async function pupilImports(url, size, packageFile) {
  const pupil = await open(url, size);
  await click(pupil.page, '##new');
  await pupil.page.keyboard.type('Pupil');
  await click(pupil.page, 'Create learner');
  const [chooser] = await Promise.all([pupil.page.waitForEvent('filechooser'), click(pupil.page, 'Import a deck')]);
  await chooser.setFiles(packageFile);
  await pupil.page.waitForFunction(() => document.body.dataset.deck !== 'panjshir-2021');
  await shoot(pupil.page, 'imported', size);
  await pupil.close();
  fs.rmSync(packageFile);
}

const {child: server, url} = await startServer();
try {
  for (const size of SIZES) await pupilImports(url, size, await teacherSteps(url, size));
} finally {
  server.kill();
}
