// What the studio's pages must never do, tried in a real browser: run text from the server as
// code, accept a change without the CSRF token, stay open after logout, or take a text file for
// a photo. Every page is watched: a JavaScript dialog (alert) or a CSP refusal fails the case.
import fs from 'node:fs';
import path from 'node:path';
import {check, env, failed, launch, log, shoot, signIn, statusSays, step, summary,
  watchedPage} from './lib.mjs';
import {apiFromPage, clickButton, createItem, fieldProblems, open, previewSettled, save,
  textField, typeInto} from './studio.mjs';

const SCRIPT_TITLE = "<script>alert('x')</script>";
const IMG_BODY = '<img src=x onerror="alert(1)">本文';

const browser = await launch();
let code = 1;
try {
  const page = await watchedPage(browser.defaultBrowserContext(), 'admin');
  let noticeId = '';

  await step('a title "<script>alert(\'x\')</script>" stays text in the editor and the list', async () => {
    await signIn(page, 'admin', env.adminPassword);
    noticeId = await createItem(page, 'notices', 'notice');
    await page.type(textField('title', 'ja'), SCRIPT_TITLE);
    await page.type(textField('body', 'ja'), IMG_BODY);
    await page.click('[role=tab][data-lang="en"]');
    await page.type(textField('title', 'en'), '<b>bold</b>');
    await page.click('[role=tab][data-lang="ja"]');
    await previewSettled(page);
    await save(page);
    const heading = await page.$eval('main h1', (e) => e.textContent);
    check(heading === SCRIPT_TITLE, `the editor's heading reads ${JSON.stringify(heading)}`);
    await open(page, `#/items/${noticeId}`, textField('title', 'ja'));
    const value = await page.$eval(textField('title', 'ja'), (e) => e.value);
    check(value === SCRIPT_TITLE, `the title field holds ${JSON.stringify(value)}`);
    const body = await page.$eval(textField('body', 'ja'), (e) => e.value);
    check(body === IMG_BODY, `the body field holds ${JSON.stringify(body)}`);
    await previewSettled(page);
    await shoot(page, 'security-editor');
    await open(page, '#/', `tr[data-item="${noticeId}"]`);
    const cell = await page.$eval(`tr[data-item="${noticeId}"] a.item-title`, (e) => e.textContent);
    check(cell === SCRIPT_TITLE, `the list shows ${JSON.stringify(cell)}`);
    await shoot(page, 'security-list');
    const injected = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')),
      images: [...document.querySelectorAll('main img')].map((i) => i.getAttribute('src')),
      bold: document.querySelectorAll('main b').length,
    }));
    check(injected.scripts.every((src) => src && src.startsWith('/assets/')),
        `a script element that is not the app's: ${JSON.stringify(injected.scripts)}`);
    check(!injected.images.includes('x'), 'an <img src=x> made it into the page');
    check(injected.bold === 0, 'a <b> from the data made it into the page');
    // English: the English title is text too.
    await page.click('#language');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForSelector(`tr[data-item="${noticeId}"] a.item-title`);
    const english = await page.$eval(`tr[data-item="${noticeId}"] a.item-title`, (e) => e.textContent);
    check(english === '<b>bold</b>', `the English list shows ${JSON.stringify(english)}`);
    await page.click('#language');
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
  });

  await step('a screen group named with markup is text on every page that shows it', async () => {
    const saved = await apiFromPage(page, 'PUT', '/api/screens', {groups: [
      {tag: 'lobby-1f', name: IMG_BODY, languages: ['ja']}]});
    check(saved.status === 200, `saving the group answered ${saved.status}`);
    const assigned = await apiFromPage(page, 'PUT', '/api/playlists/notices/screens', {screens: ['lobby-1f']});
    check(assigned.status === 200, `assigning the group answered ${assigned.status}`);
    const forged = await page.evaluate(async () => (await fetch('/api/screens', {method: 'PUT',
      headers: {'Content-Type': 'application/json'}, body: '{"groups": []}'})).status);
    check(forged === 403, `a change of the groups without the CSRF token answered ${forged}`);
    for (const [hash, ready, where] of [['#/screens', 'table.groups', 'input.group-name'],
      ['#/', 'section.playlist[data-playlist="notices"] .screens-names',
        'section.playlist[data-playlist="notices"] .screens-names']]) {
      await open(page, hash, ready);
      const text = await page.$eval(where, (e) => e.value ?? e.textContent);
      check(text === IMG_BODY, `${hash} shows the group's name as ${JSON.stringify(text)}`);
      const images = await page.$$eval('main img', (list) => list.map((i) => i.getAttribute('src')));
      check(!images.includes('x'), `an <img src=x> made it into ${hash}`);
    }
    await apiFromPage(page, 'PUT', '/api/screens', {groups: []});
  });

  await step('changes without the CSRF token are refused (403)', async () => {
    const answers = await page.evaluate(async (id) => {
      const send = (method, url, headers, body) => fetch(url, {method, headers, body})
          .then(async (r) => ({status: r.status, body: await r.json().catch(() => null)}));
      const json = {'Content-Type': 'application/json'};
      return {
        create: await send('POST', '/api/items', json, JSON.stringify({playlist: 'notices', type: 'notice'})),
        wrong: await send('POST', '/api/items', {...json, 'X-CSRF-Token': 'not-the-token'},
            JSON.stringify({playlist: 'notices', type: 'notice'})),
        settings: await send('PUT', '/api/settings', json, JSON.stringify({approval_required: false})),
        submit: await send('POST', `/api/items/${id}/submit`, json, '{}'),
        publish: await send('POST', '/api/publish', json, '{}'),
        upload: await send('POST', '/api/uploads', {}, picture()),
      };
      function picture() {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], {type: 'image/png'}), 'x.png');
        return form;
      }
    }, noticeId);
    for (const [what, answer] of Object.entries(answers)) {
      check(answer.status === 403, `${what} without the token answered ${answer.status}, not 403`);
      check(answer.body && answer.body.error && answer.body.error.ja,
          `${what}: the refusal has no Japanese message: ${JSON.stringify(answer.body)}`);
    }
    log(`  refused: ${answers.create.body.error.ja}`);
    // A form the server cannot parse never reaches a route: 400, with a message that says so.
    const empty = await page.evaluate(() => fetch('/api/uploads', {method: 'POST', body: new FormData()})
        .then(async (r) => ({status: r.status, body: await r.json().catch(() => null)})));
    check(empty.status === 400 && empty.body && /形式が正しくありません/.test(empty.body.error.ja),
        `an empty upload form answered ${empty.status} ${JSON.stringify(empty.body)}`);
    const settings = await apiFromPage(page, 'GET', '/api/settings');
    check(settings.data.approval_required === true, 'the settings changed after a refused PUT');
    const item = await apiFromPage(page, 'GET', `/api/items/${noticeId}`);
    check(item.data.summary.state === 'draft', `the item's state is ${item.data.summary.state} after a refused submit`);
    const versions = await apiFromPage(page, 'GET', '/api/versions');
    check(versions.data.versions.length === 0, 'a version was published by a refused request');
  });

  await step('a text file named photo.jpg is refused with the server\'s Japanese message', async () => {
    const promoId = await createItem(page, 'partners', 'promo');
    log(`  promo ${promoId}`);
    const fake = path.join(env.work, 'photo.jpg');
    fs.writeFileSync(fake, 'This is a text file, not a photograph.\n');
    const input = await page.$('input[type=file]');
    await input.uploadFile(fake);
    const said = await statusSays(page, /名前に関わらず/);
    log(`  status: ${said.trim()}`);
    const under = await fieldProblems(page, 'input[type=file]');
    check(under.includes('「photo.jpg」は名前に関わらず、画像(PNG・JPEG)でも動画(MP4・WebM)でもありません') &&
        under.includes('もう一度アップロード'),
        `under the photo field: ${JSON.stringify(under)}`);
    const invalid = await page.$eval('input[type=file]', (e) => e.getAttribute('aria-invalid'));
    check(invalid === 'true', 'the photo field is not marked aria-invalid');
    const image = await apiFromPage(page, 'GET', `/api/items/${promoId}`);
    check(!image.data.item.image, 'the refused file became the item\'s image');
    await shoot(page, 'security-upload');
    await clickButton(page, '閉じる', '#status');
  });

  await step('after logout, / goes to /login and the API answers 401', async () => {
    await clickButton(page, 'ログアウト', 'header');
    await page.waitForFunction(() => window.location.pathname === '/login');
    await page.goto(`${env.url}/`, {waitUntil: 'networkidle0'});
    check(new URL(page.url()).pathname === '/login', `/ after logout is ${page.url()}`);
    await page.goto(`${env.url}/#/admin`, {waitUntil: 'networkidle0'});
    check(new URL(page.url()).pathname === '/login', `/#/admin after logout is ${page.url()}`);
    const me = await page.evaluate(() => fetch('/api/me').then((r) => r.status));
    check(me === 401, `/api/me after logout answered ${me}`);
  });

  await step('wrong passwords: 401 says so; after five, 429 says how many minutes', async () => {
    await page.goto(`${env.url}/login`, {waitUntil: 'networkidle0'});
    const tries = [];
    for (let i = 0; i < 6; i += 1) {
      await typeInto(page, '#name', 'nobody');
      await typeInto(page, '#password', `wrong-${i}`);
      await page.$eval('#login-error', (e) => {
        e.textContent = '';
      });
      await page.click('#login-submit');
      await page.waitForFunction(() => document.getElementById('login-error').textContent !== '' &&
          !document.getElementById('login-submit').disabled);
      tries.push(await page.$eval('#login-error', (e) => e.textContent));
    }
    check(tries[0].includes('ログイン名かパスワードが違います'), `the first wrong try says ${tries[0]}`);
    check(/15 分後にもう一度お試しください/.test(tries[5]), `the sixth try says ${tries[5]}`);
    log(`  401: ${tries[0]}`);
    log(`  429: ${tries[5]}`);
    await shoot(page, 'security-login-locked');
  });
  code = summary('security');
} catch (error) {
  if (!failed()) {
    console.error(error);
  }
  code = summary('security') || 1;
} finally {
  await browser.close();
}
process.exit(code);
