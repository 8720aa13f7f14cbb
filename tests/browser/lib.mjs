// What the browser cases share: the studio run.sh started, a headless Chromium, a watch on every
// page (script errors, CSP refusals, JavaScript dialogs fail the case), steps with clear names,
// and PNG comparison.
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import {PNG} from 'pngjs';

export const env = {
  keiji: need('KEIJI'),
  source: need('SOURCE_DIR'),
  work: need('WORK_DIR'),
  url: need('STUDIO_URL'),
  adminPassword: need('ADMIN_PASSWORD'),
  chromium: process.env.CHROMIUM || '/usr/bin/chromium',
};

function need(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set: run this case through tests/browser/run.sh`);
    process.exit(2);
  }
  return value;
}

export const screenshots = path.join(env.work, 'screenshots');
fs.mkdirSync(screenshots, {recursive: true});

const started = Date.now();
const failures = [];
const pages = new Map(); // label → page, photographed when a step fails

export function log(text) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[${seconds} s] ${text}`);
}

export class Failure extends Error {}

export function check(condition, text) {
  if (!condition) {
    throw new Failure(text);
  }
}

// A named step: its failure is reported with its name and the case goes on to the end of the
// step list only when `keepGoing` (so screenshots are still taken after a failed comparison).
export async function step(name, body, {keepGoing = false} = {}) {
  log(`▶ ${name}`);
  try {
    await body();
    log(`✔ ${name}`);
  } catch (error) {
    const text = error instanceof Failure ? error.message : (error && error.stack) || String(error);
    failures.push(`${name}: ${text}`);
    log(`✘ ${name}: ${text}`);
    for (const [label, page] of pages) {
      const file = path.join(env.work, `failure-${failures.length}-${label}.png`);
      await page.screenshot({path: file, fullPage: true}).then(
          () => log(`  what ${label} saw: ${path.relative(env.work, file)}`), () => {});
    }
    if (!keepGoing) {
      throw new Failure(`stopped after "${name}"`);
    }
  }
}

export function failed() {
  return failures.length > 0;
}

export function summary(caseName) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failures.length) {
    console.error(`\nbrowser case "${caseName}" FAILED after ${seconds} s:`);
    for (const failure of failures) {
      console.error(`  - ${failure}`);
    }
    return 1;
  }
  console.log(`\nbrowser case "${caseName}" passed in ${seconds} s`);
  return 0;
}

export async function launch() {
  const profile = fs.mkdtempSync(path.join(env.work, 'chromium-profile-'));
  return puppeteer.launch({
    executablePath: env.chromium,
    headless: false, // The flags below say headless themselves ("new" headless).
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${profile}`,
    ],
    defaultViewport: {width: 1440, height: 900, deviceScaleFactor: 1},
    protocolTimeout: 120000,
  });
}

// A page whose script errors, CSP refusals and JavaScript dialogs are failures.
export async function watchedPage(context, label) {
  const page = await context.newPage();
  pages.set(label, page);
  page.setDefaultTimeout(30000);
  page.on('dialog', async (dialog) => {
    failures.push(`${label}: a JavaScript ${dialog.type()} dialog opened: "${dialog.message()}"`);
    log(`✘ ${label}: a JavaScript ${dialog.type()} dialog opened: "${dialog.message()}"`);
    await dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => {
    failures.push(`${label}: script error: ${error.message}`);
    log(`✘ ${label}: script error: ${error.message}`);
  });
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to/i.test(text)) {
      failures.push(`${label}: CSP refusal: ${text}`);
      log(`✘ ${label}: CSP refusal: ${text}`);
    } else if (message.type() === 'error' && !/status of (401|403|409|415|422|429)/.test(text)) {
      // Answers the case provokes on purpose are expected; anything else is worth seeing.
      log(`  (${label} console) ${text}`);
    }
  });
  return page;
}

export async function signIn(page, name, password) {
  await page.goto(`${env.url}/login`, {waitUntil: 'networkidle0'});
  await page.waitForSelector('#name');
  await page.type('#name', name);
  await page.type('#password', password);
  await Promise.all([
    page.waitForNavigation({waitUntil: 'networkidle0'}),
    page.click('#login-submit'),
  ]);
  check(new URL(page.url()).pathname === '/', `${name} did not get to / after signing in (at ${page.url()})`);
  await page.waitForSelector('#who .who-name');
}

export async function shoot(page, name, options = {}) {
  const file = path.join(screenshots, `${name}.png`);
  if (options.element) {
    // A part of the page: the status message, which floats over whatever is there, steps aside.
    await page.evaluate(() => document.getElementById('status')?.classList.add('status-quiet'));
    const element = await page.$(options.element);
    check(element, `no ${options.element} to photograph for ${name}`);
    await element.screenshot({path: file});
  } else {
    // The whole page in a window as tall as the page: sticky bars stay where a person sees them
    // (a full-page capture of a short window would paint them halfway down).
    const viewport = page.viewport();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewport({...viewport, height: Math.min(Math.max(height, viewport.height), 10000)});
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({path: file});
    await page.setViewport(viewport);
  }
  log(`  screenshot ${path.relative(env.work, file)}`);
  return file;
}

// The text of the status region once it contains `expected` (a string or RegExp).
export async function statusSays(page, expected, timeout = 30000) {
  const pattern = expected instanceof RegExp ? expected.source : expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.waitForFunction((source) => new RegExp(source).test(document.getElementById('status').textContent),
      {timeout}, pattern);
  return page.$eval('#status', (element) => element.textContent);
}

export function readPng(bytes) {
  return PNG.sync.read(bytes);
}

// → {differing, box: [x0, y0, x1, y1] | null, maxDelta, rows: [[y, count]...]} of two same-sized PNGs.
export function comparePngs(a, b, diffFile) {
  check(a.width === b.width && a.height === b.height,
      `sizes differ: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  let differing = 0;
  let maxDelta = 0;
  let box = null;
  const rows = new Map();
  const diff = diffFile ? new PNG({width: a.width, height: a.height}) : null;
  for (let y = 0; y < a.height; y += 1) {
    for (let x = 0; x < a.width; x += 1) {
      const i = (y * a.width + x) * 4;
      let delta = 0;
      for (let k = 0; k < 4; k += 1) {
        delta = Math.max(delta, Math.abs(a.data[i + k] - b.data[i + k]));
      }
      if (diff) {
        diff.data[i] = delta ? 255 : a.data[i] / 3;
        diff.data[i + 1] = delta ? 0 : a.data[i + 1] / 3;
        diff.data[i + 2] = delta ? 0 : a.data[i + 2] / 3;
        diff.data[i + 3] = 255;
      }
      if (delta) {
        differing += 1;
        maxDelta = Math.max(maxDelta, delta);
        box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] :
          [x, y, x, y];
        const band = Math.floor(y / 40) * 40;
        rows.set(band, (rows.get(band) || 0) + 1);
      }
    }
  }
  if (diff && differing) {
    fs.writeFileSync(diffFile, PNG.sync.write(diff));
  }
  return {differing, box, maxDelta, rows: [...rows.entries()]};
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
