// A class quiz in the browser, with no ClaimDeck server: a pupil on a 390×844
// phone opens the teacher's quiz file from a link (?quiz=ADDRESS, the file on
// another site that allows it, as a school's web space would) or from the
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
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import {root, siteDir, startServer} from './phone.mjs';
import {exactly, openPhoneApp, startingWith} from './touch.mjs';

const cli = process.env.CLAIMDECK_CLI;
const DECK = path.join(root, 'content/decks/panjshir-2021.json');
const CARDS = 2;
let work;
let quizFile;
let quizSite;     // the other site the quiz is on
let quizAddress;  // the quiz's address there
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
  ({site: quizSite, address: quizAddress} = await serveQuiz(quizFile));
  ({child: server, url: baseUrl} = await startServer());
  ({browser, page, phone} = await openPhoneApp(baseUrl));
  await phone.createLearner('Pupil');
  await phone.waitForSaved();  // the learner is still chosen when the link opens the page again
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill();
  if (quizSite) quizSite.close();
  if (work) fs.rmSync(work, {recursive: true, force: true});
});

// The quiz file on a site of its own on 127.0.0.1, which lets other sites fetch it (CORS).
function serveQuiz(file) {
  const site = http.createServer((request, response) => {
    const found = request.url === '/class/valley-quiz.json';
    response.writeHead(found ? 200 : 404,
                       {'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*'});
    response.end(found ? fs.readFileSync(file) : '');
  });
  return new Promise((resolve) => site.listen(0, '127.0.0.1', () => {
    resolve({site, address: `http://127.0.0.1:${site.address().port}/class/valley-quiz.json`});
  }));
}

// Answers every card "verified, 70 % sure", moving on after each reveal.
async function answerEveryCard() {
  for (let card = 1; card <= CARDS; ++card) {
    await phone.tap(exactly('##verdict1'), `verdict button on card ${card}`);
    await phone.tap(exactly('##sure2'), `confidence button on card ${card}`);
    await phone.tap(card < CARDS ? startingWith('Next card') : startingWith('See your score'), 'the next button');
  }
}

test('a quiz sent as a link opens, is taken to the end, and its results leave as a download', async () => {
  await page.goto(`${baseUrl}?quiz=${encodeURIComponent(quizAddress)}`);
  await phone.waitForApp();
  await phone.waitForScreen('class-quiz');
  await phone.tap(exactly('Start the quiz'), '"Start the quiz" button');
  await phone.waitForScreen('quiz');
  await answerEveryCard();
  // Named as on the desktop: <quiz id>-<name>-<end of the learner id>.json.
  const quizId = JSON.parse(fs.readFileSync(quizFile, 'utf8')).id;
  const [download] = await Promise.all([page.waitForEvent('download', {timeout: 20000}),
                                        phone.tap(exactly('Download'), 'the download button')]);
  assert.match(download.suggestedFilename(), new RegExp(`^${quizId}-Pupil-[0-9a-z]{6}\\.json$`));
  const results = path.join(work, download.suggestedFilename());
  await download.saveAs(results);

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
