// Driving the app on a phone-sized page, for the browser tests: what the
// page reports about itself, where the widgets are, finger drags and taps.
//
//   const phone = touchDriver(context, page);
//   await phone.waitForApp();
//   await phone.tap(exactly('Create learner'), '"Create learner" button');
import assert from 'node:assert/strict';

import {launchPhone} from './phone.mjs';

export const exactly = (label) => (text) => text === label;
export const startingWith = (prefix) => (text) => text.startsWith(prefix);
export const containing = (part) => (text) => text.includes(part);

// The invisible widgets the tests tap, which ImGui gives no label of their own.
const WATCHED = ['##verdict1', '##verdict2', '##verdict3', '##sure1', '##sure2', '##sure3', '##new', '##content'];

export function touchDriver(context, page) {
  const dataset = () => page.evaluate(() => ({...document.body.dataset}));
  const items = () => page.evaluate(() => Module.claimdeckItems());

  // Waits for the first frame (or a failure), then turns the widget inspector on.
  async function waitForApp() {
    await page.waitForFunction(() => document.body.dataset.ready === '1' || document.body.dataset.failed === '1',
                               null, {timeout: 20000});
    const state = await dataset();
    assert.notEqual(state.failed, '1', 'the app reported a failure');
    await page.evaluate((watched) => Module.claimdeckInspect(watched), WATCHED);
    await page.waitForTimeout(100);  // a frame with the widgets recorded
    return state;
  }

  async function waitForScreen(screen) {
    await page.waitForFunction((name) => document.body.dataset.screen === name, screen, {timeout: 5000});
    await page.waitForTimeout(100);
  }

  // A finger drag, through the DevTools protocol (Playwright has taps only).
  async function swipe(x, fromY, toY) {
    const cdp = await context.newCDPSession(page);
    const steps = 8;
    await cdp.send('Input.dispatchTouchEvent', {type: 'touchStart', touchPoints: [{x, y: fromY}]});
    for (let i = 1; i <= steps; ++i) {
      await cdp.send('Input.dispatchTouchEvent',
                     {type: 'touchMove', touchPoints: [{x, y: fromY + ((toY - fromY) * i) / steps}]});
      await page.waitForTimeout(20);
    }
    await cdp.send('Input.dispatchTouchEvent', {type: 'touchEnd', touchPoints: []});
    await cdp.detach();
    await page.waitForTimeout(100);
  }

  // The widget whose label matches, scrolling the page by touch until it is
  // wholly on screen; null when there is none after a dozen swipes.
  async function scrollTo(matches) {
    const viewport = page.viewportSize();
    for (let attempt = 0; attempt < 12; ++attempt) {
      const found = (await items()).find((item) => matches(item.label));
      if (found) {
        const onScreen = found.vh >= Math.min(found.h, 30) && found.vy >= 0 && found.vy + found.vh <= viewport.height;
        if (onScreen) return found;
        const below = found.y > viewport.height / 2;
        await swipe(viewport.width / 2, below ? viewport.height * 0.75 : viewport.height * 0.3,
                    below ? viewport.height * 0.3 : viewport.height * 0.75);
      } else {
        await swipe(viewport.width / 2, viewport.height * 0.75, viewport.height * 0.3);
      }
    }
    return null;
  }

  async function tap(matches, description) {
    const started = Date.now();
    const found = await scrollTo(matches);
    if (!found) {
      throw new Error(`no ${description} to tap; widgets: ${JSON.stringify((await items()).map((i) => i.label))}`);
    }
    await page.touchscreen.tap(found.vx + found.vw / 2, found.vy + found.vh / 2);
    await page.waitForTimeout(150);
    if (process.env.DEBUG_TAPS) console.log(`# tapped ${description} after ${Date.now() - started} ms`);
    return found;
  }

  // A new learner, typed on the on-screen keyboard (the hidden field).
  async function createLearner(name) {
    await tap(exactly('##new'), 'name field');
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input', null,
                               {timeout: 10000});
    await page.keyboard.type(name);
    await tap(exactly('Create learner'), '"Create learner" button');
    await page.waitForFunction((wanted) => document.body.dataset.profile === wanted, name, {timeout: 10000});
  }

  // Saved to IndexedDB: no save running and more than `savesBefore` done.
  async function waitForSaved(savesBefore = 0) {
    await page.waitForFunction(
        (before) => document.body.dataset.saving === '0' && Number(document.body.dataset.saves) > before,
        savesBefore, {timeout: 20000});
  }
  const saves = async () => Number((await dataset()).saves || 0);

  return {dataset, items, waitForApp, waitForScreen, swipe, scrollTo, tap, createLearner, waitForSaved, saves};
}

// A phone-sized browser on the app at `url`, its first frame drawn, with the
// page's errors in the test's output: {browser, page, phone}.
export async function openPhoneApp(url) {
  const browser = await launchPhone();
  const page = browser.context.pages()[0] || await browser.context.newPage();
  page.on('pageerror', (error) => console.log('page error:', error.message));
  page.on('console', (message) => { if (message.type() === 'error') console.log('console:', message.text()); });
  const phone = touchDriver(browser.context, page);
  await page.goto(url);
  await phone.waitForApp();
  return {browser, page, phone};
}
