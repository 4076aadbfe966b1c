// Three pupils' phones in a live class that a teacher runs elsewhere (the
// desktop app, in tests/integration/live_class_browsers.sh): each a 390×844
// touch page in a Chromium of its own (touch.mjs's openPhoneApp), opened on
// the join link the projector shows. Each types its nickname, joins and
// answers the card shown with a verdict of its own: Ada the first verdict
// button, Ben the second, Cleo the third, each with the confidence button
// at the same place. Once the server has confirmed all three answers it
// prints "all answered"; then, once the teacher has ended the class and
// every phone says so, "all told the class ended", and exits 0; any failure
// exits 1. Screenshots of the first phone's card, before and after its
// answer, and of the class's end go to SCREENSHOT_DIR.
//
//   node live-class-phones.mjs JOIN_LINK SCREENSHOT_DIR
//
// Environment: CHROMIUM (default /usr/bin/chromium).
import path from 'node:path';

import {answerCard, joinAs, waitForLive, watchLiveFields} from './live-phone.mjs';
import {openPhoneApp} from './touch.mjs';

const [joinLink, shotDir] = process.argv.slice(2);
const PUPILS = [{nickname: 'Ada', button: 1}, {nickname: 'Ben', button: 2}, {nickname: 'Cleo', button: 3}];

const opened = [];  // each phone's browser, closed at the end
const started = Date.now();
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
try {
  const phones = [];
  for (const pupil of PUPILS) {
    const {browser, page, phone: driver} = await openPhoneApp(joinLink);
    opened.push(browser);
    const phone = {page, driver};
    await watchLiveFields(phone);
    await joinAs(phone, pupil.nickname);
    console.log(`joined: ${pupil.nickname} (${seconds()})`);
    phones.push(phone);
  }
  await phones[0].page.screenshot({path: path.join(shotDir, 'phone-card-390x844.png')});
  for (const [index, pupil] of PUPILS.entries()) {
    await answerCard(phones[index], pupil.button, pupil.button);
    await waitForLive(phones[index], 'waiting saved 0');
    console.log(`answered: ${pupil.nickname} (verdict button ${pupil.button}, ${seconds()})`);
  }
  await phones[0].page.screenshot({path: path.join(shotDir, 'phone-answered-390x844.png')});
  console.log('all answered');
  // The teacher looks at the dashboard before ending the class.
  for (const phone of phones) await waitForLive(phone, 'ended saved 0', 120000);
  await phones[0].page.screenshot({path: path.join(shotDir, 'phone-ended-390x844.png')});
  console.log('all told the class ended');
} catch (error) {
  console.log(`phones, after ${seconds()}: ${error.stack || error}`);
  process.exitCode = 1;
} finally {
  for (const browser of opened) await browser.close();
}
