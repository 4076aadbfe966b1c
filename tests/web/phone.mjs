// What the browser tests and the benchmark share: serving the built site,
// starting Debian's headless Chromium as a phone (390×844, 3 device pixels
// per CSS pixel, touch), and measuring what the page loads.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const siteDir = path.resolve(process.env.SITE_DIR || path.join(root, 'build-web/site'));
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

// Everything the page loads, gzip-compressed at the highest level, in bytes.
export function siteGzipBytes() {
  const files = ['index.html', 'app.js', 'app.wasm', 'app.data', 'sw.js', 'manifest.webmanifest',
                 'icons/claimdeck-64.png', 'icons/claimdeck-256.png', 'icons/claimdeck.svg'];
  let total = 0;
  for (const file of files) total += zlib.gzipSync(fs.readFileSync(path.join(siteDir, file)), {level: 9}).length;
  return total;
}

// Serves the site on a free port; resolves to {child, url}.
export function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [path.join(root, 'platform/web/serve.py'), siteDir, '--port', '0'],
                        {stdio: ['ignore', 'pipe', 'inherit']});
    let output = '';
    const timer = setTimeout(() => reject(new Error('the web server did not start')), 10000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolve({child, url: match[0]});
      }
    });
    child.on('exit', (code) => reject(new Error(`the web server stopped (${code})`)));
  });
}

// A phone-sized browser with a profile of its own; close() removes it.
export async function launchPhone() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdeck-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic',
           '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: {width: 390, height: 844},
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  });
  const close = async () => {
    await context.close();
    fs.rmSync(userDataDir, {recursive: true, force: true});
  };
  return {context, close};
}
