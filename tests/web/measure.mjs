// For the benchmark report: the web build's size and its time to first
// frame in headless Chromium as a phone, over several cold starts.
//
//   node measure.mjs [RUNS]     (SITE_DIR defaults to build-web/site)
//
// Prints one line of key=value figures per run, like the launch probe.
import {launchPhone, siteGzipBytes, startServer} from './phone.mjs';

const runs = Number(process.argv[2] || 5);
const gzipKiB = siteGzipBytes() / 1024;
const {child: server, url} = await startServer();
try {
  for (let run = 0; run < runs; ++run) {
    // A fresh profile each time: a cold start, nothing cached.
    const phone = await launchPhone();
    const page = phone.context.pages()[0] || await phone.context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.firstFrameMs !== undefined, null, {timeout: 30000});
    const firstFrameMs = Number(await page.evaluate(() => document.body.dataset.firstFrameMs));
    console.log(`web_gzip_kib=${gzipKiB.toFixed(1)} web_first_frame_ms=${firstFrameMs.toFixed(1)}`);
    await phone.close();
  }
} finally {
  server.kill();
}
