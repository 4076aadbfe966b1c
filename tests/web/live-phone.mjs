// A pupil's phone in a live class, for the browser tests: the live screens'
// unlabelled fields watched, a nickname typed to join, a card answered, and
// where the pupil is as the page reports it in data-live ("STAGE FATE N":
// the stage, what became of the last answer, how many are not yet confirmed,
// e.g. "waiting saved 0"). A phone here is {page, driver}, the driver being
// touch.mjs's touchDriver on the page.
import assert from 'node:assert/strict';

import {exactly} from './touch.mjs';

// The live screens' widgets that ImGui gives no label of their own.
const LIVE_FIELDS = ['##livecode', '##nickname', '##verdict1', '##verdict2', '##verdict3', '##sure1', '##sure2',
                     '##sure3'];

// Has the app report where it drew the live screens' fields.
export async function watchLiveFields(phone) {
  await phone.page.evaluate((watched) => Module.claimdeckInspect(watched), LIVE_FIELDS);
}

// Waits for the app's first frame, then watches the live screens' fields.
export async function waitForLiveApp(phone) {
  await phone.driver.waitForApp();
  await watchLiveFields(phone);
}

export async function typeInto(phone, field, text) {
  await phone.driver.tap(exactly(field), `${field} field`);
  await phone.page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input', null,
                                   {timeout: 10000});
  await phone.page.keyboard.type(text);
}

export const liveState = (phone) => phone.page.evaluate(() => document.body.dataset.live || '');

export async function waitForLive(phone, wanted, timeout = 20000) {
  await phone.page.waitForFunction((w) => (document.body.dataset.live || '') === w, wanted, {timeout})
      .catch(async () => assert.fail(`live state is "${await liveState(phone)}", not "${wanted}"`));
}

// On the join form a join link opened: the nickname typed; resolves once
// Join is tapped and the first card is shown. `beforeJoining` sees the
// filled-in form (for a screenshot).
export async function joinAs(phone, nickname, beforeJoining = async () => {}) {
  await phone.driver.waitForScreen('live-join');
  await typeInto(phone, '##nickname', nickname);
  await beforeJoining();
  await phone.driver.tap(exactly('Join'), '"Join" button');
  await waitForCard(phone);
}

// Joining and the next card each wait for the server, which may be busy
// with other phones: longer than a screen change on the phone alone. The
// live stage, not the screen, says a card can be answered: while a pupil
// waits for the teacher's next card the screen is still "live-card", and a
// tap then would be lost.
async function waitForCard(phone) {
  await phone.page.waitForFunction(() => document.body.dataset.screen === 'live-card' &&
                                         (document.body.dataset.live || '').startsWith('card '),
                                   null, {timeout: 20000})
      .catch(async () => assert.fail(`no card: ${JSON.stringify(await phone.driver.dataset())}`));
  await phone.page.waitForTimeout(100);
}

// Answers the card shown with the verdict and confidence buttons at those
// places (1 to 3, left to right as on the screen). Each tap must show its
// effect: the confidence buttons, then the answer taken.
export async function answerCard(phone, verdictButton = 1, sureButton = 2) {
  await waitForCard(phone);
  const confidenceShown = async () => (await phone.driver.items()).some((item) => item.label.startsWith('##sure'));
  const answerTaken = async () => !(await liveState(phone)).startsWith('card ');
  await tapAndSee(phone, `##verdict${verdictButton}`, 'verdict', confidenceShown);
  await tapAndSee(phone, `##sure${sureButton}`, 'confidence', answerTaken);
}

// Whether `check` comes true within `ms`, asked every 50 ms.
async function within(ms, check) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((done) => setTimeout(done, 50))) {
    if (await check()) return true;
  }
  return check();
}

// One tap, and what it does within 5 s. Never a second tap: one once hid a
// fault that looked like a lost tap (a card shown again after its answer
// was saved, "card saved 0").
async function tapAndSee(phone, label, description, effect) {
  await phone.driver.tap(exactly(label), `${description} button`);
  if (!await within(5000, effect)) {
    assert.fail(`the ${description} tap showed nothing in 5 s: ${JSON.stringify(await phone.driver.dataset())}`);
  }
}
