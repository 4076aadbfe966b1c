// What a screen reader meets in the browser: the page's accessibility tree,
// read through the DevTools protocol (Accessibility.getFullAXTree) as a
// screen reader reads the platform's. The canvas is hidden from it; the app
// mirrors each screen into hidden HTML (platform/web/accessibility_mirror.cpp,
// pre.js). On a card the tree holds the claim and three buttons named by the
// verdicts; a verdict pressed through the tree (its node focused, then
// Enter, as a screen reader's user does) answers the card, the store has the
// answer, and the reveal's verdict is in a live region.
//
//   node --test screen-reader.test.mjs      (SITE_DIR defaults to build-web/site)
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import {root, startServer} from './phone.mjs';
import {openPhoneApp} from './touch.mjs';

const deck = JSON.parse(fs.readFileSync(path.join(root, 'content/decks/panjshir-2021.json'), 'utf8'));
const claimTexts = new Set(deck.claims.map((claim) => claim.text));

let server;
let browser;
let page;
let phone;
let cdp;

// The accessibility tree as a screen reader gets it: nodes with a role and a name.
async function accessibilityTree() {
  const {nodes} = await cdp.send('Accessibility.getFullAXTree');
  return nodes.filter((node) => !node.ignored).map((node) => ({
    role: node.role && node.role.value,
    name: (node.name && node.name.value) || '',
    live: ((node.properties || []).find((property) => property.name === 'live') || {value: {}}).value.value,
    backendId: node.backendDOMNodeId,
  }));
}

async function waitForTreeNode(matches, what) {
  for (let attempt = 0; attempt < 50; ++attempt) {
    const found = (await accessibilityTree()).find(matches);
    if (found) return found;
    await page.waitForTimeout(100);
  }
  assert.fail(`the accessibility tree has no ${what}`);
}

// Presses a button the way a screen reader's user does: focus on its node, then Enter.
async function pressThroughTree(name) {
  const button = await waitForTreeNode((node) => node.role === 'button' && node.name === name, `button "${name}"`);
  await cdp.send('DOM.focus', {backendNodeId: button.backendId});
  await page.keyboard.press('Enter');
}

before(async () => {
  let url;
  ({child: server, url} = await startServer());
  ({browser, page, phone} = await openPhoneApp(url));
  cdp = await browser.context.newCDPSession(page);
  await cdp.send('Accessibility.enable');
  await cdp.send('DOM.enable');
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill();
});

test('the canvas is hidden from screen readers, and the mirrored Home screen names its controls', async () => {
  const tree = await accessibilityTree();
  assert.ok(!tree.some((node) => node.role === 'canvas'), 'the canvas is in the tree');
  await phone.createLearner('Ada');
  await waitForTreeNode((node) => node.role === 'button' && node.name === 'Start studying', '"Start studying" button');
});

test('on a card the tree holds the claim and the three verdicts as buttons', async () => {
  await pressThroughTree('Start studying');
  await phone.waitForScreen('card');
  const tree = await accessibilityTree();
  for (const verdict of ['Verified', 'Contested', 'Propaganda'])
    assert.ok(tree.some((node) => node.role === 'button' && node.name === verdict), `no "${verdict}" button`);
  assert.ok(tree.some((node) => claimTexts.has(node.name)), 'no claim of the deck is in the tree');
});

test('"Verified" pressed through the tree answers the card, and the store has the answer', async () => {
  await pressThroughTree('Verified');
  await pressThroughTree('70 %');  // how sure: asked after the verdict
  await phone.waitForScreen('reveal');
  await page.waitForFunction(() => document.body.dataset.answers === '1', null, {timeout: 3000});
});

test('the reveal\'s verdict is said through a live region', async () => {
  const region = await waitForTreeNode((node) => node.live === 'assertive', 'live region');
  const said = await page.evaluate(() => document.getElementById('announcement').textContent);
  assert.match(said, /it is (VERIFIED|CONTESTED|PROPAGANDA)/);
  const tree = await accessibilityTree();
  const spoken = said.replace(/\s+/g, ' ');  // as the tree gives text, its runs of spaces one
  assert.ok(tree.some((node) => node.name === spoken), `"${spoken}" is not in the tree`);
  assert.ok(region.backendId, 'the live region is not in the page');
});

test('Tab on the page moves the app\'s focus ring, and the screen reader\'s focus follows it', async () => {
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  // On the page, not the mirror: the app's Tab. ImGui 1.86 reads keys once
  // a frame, so a key pressed and let go between two frames is not seen at
  // all: it is let go after the next animation frame, whose app frame (the
  // first callback of that frame) has seen it down.
  await page.keyboard.down('Tab');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  await page.keyboard.up('Tab');
  await page.waitForFunction(() => document.getElementById('mirrored-page').contains(document.activeElement), null,
                             {timeout: 5000});
  const first = await page.evaluate(() => ({
    name: document.querySelector('#mirrored-page button').textContent,
    focused: document.activeElement.textContent,
  }));
  assert.equal(first.focused, first.name, 'the first Tab did not bring the focus to the first control');
  await page.keyboard.press('Tab');  // now on the mirror: the browser's Tab, which the app follows
  const second = await page.evaluate(() => {
    const buttons = [...document.querySelectorAll('#mirrored-page button')];
    return {name: buttons[1].textContent, focused: document.activeElement.textContent};
  });
  assert.equal(second.focused, second.name);
});
