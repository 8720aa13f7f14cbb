// keiji studio's figures (issue "keiji studio"): the preview round trip as staff feel it, from a
// keystroke in the title to the new picture loaded in the page, at 1920×1080 and 3840×2160; the
// time to publish the bundled content; the studio's PSS at rest and while five browsers edit.
// Prints figures and asserts nothing about them. Run through tests/bench/studio_bench.sh.
//
// Environment (besides what tests/browser/run.sh sets): BENCH_KEYSTROKES (30) keystrokes timed
// per size, BENCH_EDITORS (5) browsers that edit at once, BENCH_PUBLISHES (5) publishes timed.
import fs from 'node:fs';
import path from 'node:path';
import {env, launch, log, signIn, sleep, watchedPage} from '../browser/lib.mjs';
import {apiFromPage, open, previewNewerThan, previewSettled, textField} from '../browser/studio.mjs';

const keystrokes = Number(process.env.BENCH_KEYSTROKES || 30);
const editors = Number(process.env.BENCH_EDITORS || 5);
const publishes = Number(process.env.BENCH_PUBLISHES || 5);
const ITEM = 'gujo-odori-aoyama';
// The page waits this long after the last keystroke before it asks (editor-preview.js).
const DEBOUNCE_MS = 250;

function studioPid() {
  const text = fs.readFileSync(path.join(env.work, 'studio.pid'), 'utf8').trim();
  return Number(text);
}

// PSS of the studio process in MiB (smaps_rollup).
function pssMiB(pid) {
  const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = Number(/^Pss:\s+(\d+)/m.exec(rollup)[1]);
  return kb / 1024;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

function describe(values) {
  const f = (v) => v.toFixed(0);
  return `p50 ${f(percentile(values, 50))} ms, p99 ${f(percentile(values, 99))} ms ` +
    `(min ${f(Math.min(...values))}, max ${f(Math.max(...values))}, n ${values.length})`;
}

// Keystroke → the new picture loaded, `count` times, each after the previous one settled.
async function roundTrips(page, size, count) {
  await page.select('select[id^="size-"]', size);
  let state = await previewSettled(page);
  const times = [];
  const field = textField('title', 'ja');
  for (let i = 0; i < count; i += 1) {
    await page.focus(field);
    await page.keyboard.press('End');
    const started = performance.now();
    // Typing and erasing in turn keeps the title's length, so every picture is alike in cost.
    await page.keyboard.press(i % 2 === 0 ? 'Period' : 'Backspace');
    state = await previewNewerThan(page, state.sequence, 60000);
    times.push(performance.now() - started);
    await previewSettled(page);
  }
  return times;
}

const browser = await launch();
const figures = [];
try {
  const pid = studioPid();
  const admin = await watchedPage(browser.defaultBrowserContext(), 'admin');
  await signIn(admin, 'admin', env.adminPassword);
  await sleep(2000);
  const atRest = pssMiB(pid);
  figures.push(`studio PSS at rest (one session, the list shown): ${atRest.toFixed(1)} MiB`);

  await open(admin, `#/items/${ITEM}`, textField('title', 'ja'));
  await previewSettled(admin);
  for (const [size, label] of [['1920x1080', '1080p'], ['3840x2160', '4K']]) {
    const times = await roundTrips(admin, size, keystrokes);
    figures.push(`preview round trip at ${label} (keystroke → new picture in the page, ` +
      `${DEBOUNCE_MS} ms debounce included): ${describe(times)}`);
    figures.push(`  the same without the debounce: ${describe(times.map((t) => t - DEBOUNCE_MS))}`);
  }

  // Publishing the bundled content (15 items, approved on import), timed from the page: the
  // first publish, then rounds of taking an item off (which publishes at once) and putting it
  // back (enable, then publish), each a whole build, signature and feed folder write.
  const timed = async (method, url) => {
    const started = performance.now();
    const answer = await apiFromPage(admin, method, url, {});
    if (answer.status >= 300) {
      throw new Error(`${method} ${url} answered ${answer.status}: ${JSON.stringify(answer.data)}`);
    }
    return performance.now() - started;
  };
  const first = await timed('POST', '/api/publish');
  const again = [];
  for (let i = 0; i < publishes; i += 1) {
    again.push(await timed('POST', `/api/items/${ITEM}/disable`));
    await apiFromPage(admin, 'POST', `/api/items/${ITEM}/enable`, {});
    again.push(await timed('POST', '/api/publish'));
  }
  figures.push(`publish of the bundled content (build, sign, write the feed folder): first ` +
    `${first.toFixed(0)} ms; then ${describe(again)}`);

  // Five browsers, each its own session, typing into the same item's title at 1080p.
  const pages = [];
  for (let i = 0; i < editors; i += 1) {
    const context = await browser.createBrowserContext();
    const page = await watchedPage(context, `editor-${i}`);
    await signIn(page, 'admin', env.adminPassword);
    await open(page, `#/items/${ITEM}`, textField('title', 'ja'));
    await previewSettled(page);
    pages.push(page);
  }
  let peak = pssMiB(pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, pssMiB(pid));
  }, 100);
  const busy = await Promise.all(pages.map((page) => roundTrips(page, '1920x1080', 10)));
  clearInterval(sampler);
  figures.push(`studio PSS while ${editors} browsers edit and preview at 1080p: peak ` +
    `${peak.toFixed(1)} MiB, after ${pssMiB(pid).toFixed(1)} MiB`);
  figures.push(`  their round trips meanwhile: ${describe(busy.flat())}`);
} finally {
  await browser.close();
}
console.log('\nkeiji studio bench');
for (const line of figures) {
  console.log(`  ${line}`);
}
fs.writeFileSync(path.join(env.work, 'studio-bench.txt'), `${figures.join('\n')}\n`);
process.exit(0);
