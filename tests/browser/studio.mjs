// Ways through the studio's pages that both cases use, by the pages' own structure (labels,
// data-* attributes), as a person would go.
import {check, env, statusSays} from './lib.mjs';

export function textField(member, language) {
  return `[data-member="${member}"][data-lang="${language}"]`;
}

// Goes to a hash route and waits for its heading.
export async function open(page, hash, ready) {
  const target = `${env.url}/${hash}`;
  if (page.url() === target) {
    await page.reload({waitUntil: 'networkidle0'}); // The same address: read the page again.
  } else {
    await page.goto(target, {waitUntil: 'networkidle0'});
  }
  await page.waitForSelector(ready || 'main h1');
}

// "新規作成" of one playlist with a type → the new item's id (the editor is open).
export async function createItem(page, playlist, type) {
  await open(page, '#/', `section[data-playlist="${playlist}"] form.new-item`);
  const form = `section[data-playlist="${playlist}"] form.new-item`;
  await page.select(`${form} select`, type);
  await Promise.all([
    page.waitForFunction(() => /^#\/items\//.test(window.location.hash)),
    page.click(`${form} button[type=submit]`),
  ]);
  await page.waitForSelector(textField('title', 'ja'));
  return page.evaluate(() => decodeURIComponent(window.location.hash.replace('#/items/', '')));
}

// Replaces a text field's content by typing, as a person would.
export async function typeInto(page, selector, text) {
  await page.click(selector, {clickCount: 3});
  await page.$eval(selector, (element) => element.select());
  await page.keyboard.press('Backspace');
  if (text) {
    await page.type(selector, text);
  }
}

// The problems listed under a field (its .field box).
export function fieldProblems(page, selector) {
  return page.$eval(selector, (input) => {
    const box = input.closest('.field');
    const list = box && box.querySelector('.field-problems');
    return list ? list.textContent : '';
  });
}

// The preview picture's id and sequence, once loaded.
export async function previewState(page) {
  return page.$eval('.preview-image', (image) => ({
    id: image.dataset.previewId || '',
    sequence: Number(image.dataset.sequence || 0),
    complete: image.complete && image.naturalWidth > 0,
  }));
}

// Waits until the preview shows a picture newer than `after` (a sequence number).
export async function previewNewerThan(page, after, timeout = 30000) {
  await page.waitForFunction((seq) => {
    const image = document.querySelector('.preview-image');
    return image && Number(image.dataset.sequence || 0) > seq && image.complete && image.naturalWidth > 0;
  }, {timeout}, after);
  return previewState(page);
}

// Waits until no preview request is pending (the debounce has run and the answer is shown).
export async function previewSettled(page) {
  await page.waitForNetworkIdle({idleTime: 700, timeout: 30000});
  return previewState(page);
}

export async function clickButton(page, label, scope = 'main') {
  const handle = await page.waitForFunction((text, within) => {
    const root = document.querySelector(within) || document;
    return [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === text &&
        !b.disabled && b.offsetParent !== null) || null;
  }, {}, label, scope);
  await handle.asElement().click();
}

// Answers the page's own confirmation <dialog> with the button of that label.
export async function answerDialog(page, label) {
  await page.waitForSelector('dialog[open]');
  await clickButton(page, label, 'dialog[open]');
  await page.waitForFunction(() => !document.querySelector('dialog[open]'));
}

export async function save(page) {
  await clickButton(page, '下書き保存');
  return statusSays(page, /下書きを保存しました/);
}

export async function apiFromPage(page, method, url, body) {
  return page.evaluate(async (m, u, b) => {
    const me = await (await fetch('/api/me')).json();
    const response = await fetch(u, {method: m, headers: {'Content-Type': 'application/json',
      'X-CSRF-Token': me.csrf}, body: b === undefined ? undefined : JSON.stringify(b)});
    return {status: response.status, data: await response.json().catch(() => null)};
  }, method, url, body);
}

export async function pngFromPage(page, url) {
  const base64 = await page.evaluate(async (u) => {
    const response = await fetch(u);
    if (!response.ok) {
      return `error ${response.status}`;
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return btoa(text);
  }, url);
  check(!base64.startsWith('error'), `GET ${url} answered ${base64}`);
  return Buffer.from(base64, 'base64');
}
