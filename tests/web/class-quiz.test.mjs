// A class quiz in the browser, with no server: a pupil on a 390×844 phone
// opens the teacher's quiz file from a link (?quiz=ADDRESS) or from the
// browser's file chooser, takes it, and downloads the results file, which
// the teacher's real `claimdeck-cli report` then reads.
//
//   CLAIMDECK_CLI=build/app/cli/claimdeck-cli node --test class-quiz.test.mjs
//
// Environment: SITE_DIR, CHROMIUM, CLAIMDECK_CLI (the built claimdeck-cli).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {launchPhone, root, siteDir, startServer} from './phone.mjs';
import {exactly, startingWith, touchDriver} from './touch.mjs';

const cli = process.env.CLAIMDECK_CLI;
const DECK = path.join(root, 'content/decks/panjshir-2021.json');
const CARDS = 2;
// Where the link says the teacher put the quiz; the test answers that address itself.
const QUIZ_ADDRESS = 'class/valley-quiz.json';

let work;
let quizFile;
let server;
let baseUrl;
let browser;
let page;
let phone;

before(async () => {
  assert.ok(fs.existsSync(path.join(siteDir, 'app.wasm')), `no web build in ${siteDir}: run ./dev web first`);
  assert.ok(cli && fs.existsSync(cli), 'CLAIMDECK_CLI must name the built claimdeck-cli');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdeck-web-quiz-'));
  quizFile = path.join(work, 'valley-quiz.json');
  execFileSync(cli, ['quiz', 'create', '--deck', DECK, '--out', quizFile, '--count', String(CARDS), '--seed', '1',
                     '--reveal', 'after_each', '--title', 'Valley quiz']);
  ({child: server, url: baseUrl} = await startServer());
  browser = await launchPhone();
  page = browser.context.pages()[0] || await browser.context.newPage();
  page.on('pageerror', (error) => console.log('page error:', error.message));
  await page.route(`**/${QUIZ_ADDRESS}`, (route) => route.fulfill({path: quizFile, contentType: 'application/json'}));
  phone = touchDriver(browser.context, page);
  await page.goto(baseUrl);
  await phone.waitForApp();
  await phone.createLearner('Pupil');
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill();
  if (work) fs.rmSync(work, {recursive: true, force: true});
});

// Answers every card "verified, 70 % sure", moving on after each reveal.
async function answerEveryCard() {
  for (let card = 1; card <= CARDS; ++card) {
    await phone.tap(exactly('##verdict1'), `verdict button on card ${card}`);
    await phone.tap(exactly('##sure2'), `confidence button on card ${card}`);
    await phone.tap(card < CARDS ? startingWith('Next card') : startingWith('See your score'), 'the next button');
  }
}

test('a quiz sent as a link opens, is taken to the end, and its results leave as a download', async () => {
  await page.goto(`${baseUrl}?quiz=${QUIZ_ADDRESS}`);
  await phone.waitForApp();
  await phone.waitForScreen('class-quiz');
  await phone.tap(exactly('Start the quiz'), '"Start the quiz" button');
  await phone.waitForScreen('quiz');
  await answerEveryCard();
  const [download] = await Promise.all([page.waitForEvent('download', {timeout: 10000}),
                                        phone.tap(startingWith('Download valley-quiz-Pupil'), 'the download button')]);
  const results = path.join(work, download.suggestedFilename());
  await download.saveAs(results);
  assert.match(download.suggestedFilename(), /^valley-quiz-Pupil-[0-9a-z]+\.json$/);

  // The teacher's side: the real CLI reads the file as it reads a desktop pupil's.
  // The quiz (seed 1) has one verified and one propaganda claim; "verified" twice is one right.
  const report = execFileSync(cli, ['report', results, '--deck', DECK], {encoding: 'utf8'});
  assert.match(report, /^1 pupil, 1 results file: 1 of 2 right \(50 %\)$/m);
  assert.match(report, /^Pupil +- +50%/m);
});

test('a quiz file chosen in the browser\'s file chooser opens on Home', async () => {
  await page.goto(baseUrl);
  await phone.waitForApp();
  await phone.waitForScreen('home');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', {timeout: 20000}),
                                       phone.tap(startingWith('Open the quiz file'), '"Open the quiz file…" button')]);
  await chooser.setFiles(quizFile);
  await phone.waitForScreen('class-quiz');
  assert.ok((await phone.items()).some((item) => item.label === 'Start the quiz'), 'no "Start the quiz" button');
});
