// The studio from end to end, in Japanese, as the ward's staff use it: the administrator makes
// two accounts; sato (editor) writes a partner promo with a photo and watches the preview;
// tanaka (approver) approves and publishes; the player then plays the published feed, and its
// frame of the new item must be the studio's preview of it, pixel for pixel.
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {check, comparePngs, env, failed, launch, log, readPng, shoot, signIn, sleep, statusSays, step,
  summary, watchedPage} from './lib.mjs';
import {filmSteps} from './studio_film.mjs';
import {deskSteps} from './studio_desk.mjs';
import {answerDialog, apiFromPage, clickButton, createItem, fieldProblems, open, pngFromPage,
  previewNewerThan, previewSettled, save, textField, typeInto} from './studio.mjs';

// The moment the player plays at: a Tuesday inside the schedule sato gives the item.
const AT = '2026-12-01T10:00:00+09:00';
const SCHEDULE = {from: '2026-12-01', until: '2026-12-31'};
const TITLE = '郡上おどりin青山';
const TOO_LONG = '郡上市と港区は、地縁や歴史的なつながりから長年にわたって交流を続けており、毎年六月には青山で郡上おどりが開かれ、大勢の区民が踊りの輪に加わって夏の訪れを楽しんでいます';

const accounts = {};
let itemId = '';

// The id of the input a <label> with this text is for.
async function byLabel(page, text, scope = 'main') {
  const id = await page.evaluate((wanted, within) => {
    const root = document.querySelector(within) || document;
    const label = [...root.querySelectorAll('label')].find((l) => l.textContent.trim() === wanted);
    return label ? label.htmlFor : '';
  }, text, scope);
  check(id, `no field labelled 「${text}」`);
  return `#${CSS_escape(id)}`;
}

function CSS_escape(id) {
  return id.replace(/[^A-Za-z0-9_-]/g, (c) => `\\${c}`);
}

async function setValue(page, selector, value) {
  await page.$eval(selector, (input, v) => {
    input.value = v;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    input.dispatchEvent(new Event('change', {bubbles: true}));
  }, value);
}

const browser = await launch();
let code = 1;
try {
  const admin = await watchedPage(browser.defaultBrowserContext(), 'admin');

  await step('(a) the administrator signs in and makes the accounts of sato and tanaka', async () => {
    await admin.goto(`${env.url}/`, {waitUntil: 'networkidle0'});
    check(new URL(admin.url()).pathname === '/login', `/ without a session went to ${admin.url()}, not /login`);
    await shoot(admin, '01-login');
    await signIn(admin, 'admin', env.adminPassword);
    await open(admin, '#/admin', 'form.add-user');
    for (const [name, display, role] of [['sato', '佐藤 一郎', 'editor'], ['tanaka', '田中 花子', 'approver']]) {
      await typeInto(admin, await byLabel(admin, 'ログイン名', 'form.add-user'), name);
      await typeInto(admin, await byLabel(admin, '表示名', 'form.add-user'), display);
      await admin.select(await byLabel(admin, '役割', 'form.add-user'), role);
      await clickButton(admin, '追加');
      await admin.waitForSelector(`.callout-password[data-user="${name}"] .password-value`);
      accounts[name] = await admin.$eval(`.callout-password[data-user="${name}"] .password-value`,
          (element) => element.textContent.trim());
      check(/^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/.test(accounts[name]),
          `the password shown for ${name} looks wrong: "${accounts[name]}"`);
      await admin.waitForSelector(`tr[data-user="${name}"]`);
      log(`  ${name} (${role}) has an account`);
    }
    const roles = await admin.$$eval('table.users tbody tr', (rows) => rows.map((row) => row.textContent));
    check(roles.some((r) => r.includes('sato') && r.includes('編集者')), 'sato is not listed as 編集者');
    check(roles.some((r) => r.includes('tanaka') && r.includes('承認者')), 'tanaka is not listed as 承認者');
    await shoot(admin, '07-admin');
  });

  const satoContext = await browser.createBrowserContext();
  const sato = await watchedPage(satoContext, 'sato');
  let pictureBefore = null;

  await step('(b) sato writes a promo in "partners" with a photo and its focal point', async () => {
    await signIn(sato, 'sato', accounts.sato);
    const who = await sato.$eval('#who', (element) => element.textContent);
    check(who.includes('佐藤 一郎') && who.includes('編集者'), `the header says "${who}"`);
    itemId = await createItem(sato, 'partners', 'promo');
    log(`  the new item is ${itemId}`);
    check(/^promo-\d{8}-\d+$/.test(itemId), `unexpected id ${itemId}`);
    await sato.type(textField('prefecture', 'ja'), '岐阜県');
    await sato.type(textField('municipality', 'ja'), '郡上市');
    await sato.type(textField('body', 'ja'), '毎年6月に青山で「郡上おどり」が開かれています。');
    const file = await sato.$('input[type=file]');
    await file.uploadFile(path.join(env.source, 'tests/browser/fixtures/photo.png'));
    await statusSays(sato, /写真をアップロードしました/);
    await sato.waitForFunction(() => {
      const image = document.querySelector('.focus-picker img');
      return image && image.complete && image.naturalWidth > 0 && !image.closest('[hidden]');
    });
    // The focal point: a click on the picture, 30 % across and 40 % down.
    const box = await (await sato.$('.focus-picker img')).boundingBox();
    await sato.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.4);
    const x = Number(await sato.$eval(await byLabel(sato, '横位置(0=左端、1=右端)'), (e) => e.value));
    const y = Number(await sato.$eval(await byLabel(sato, '縦位置(0=上端、1=下端)'), (e) => e.value));
    check(Math.abs(x - 0.3) < 0.02 && Math.abs(y - 0.4) < 0.02, `the focal point is ${x}, ${y}, not 0.3, 0.4`);
    const marker = await (await sato.$('.focus-marker')).boundingBox();
    check(Math.abs(marker.x + marker.width / 2 - (box.x + box.width * 0.3)) < 3 &&
        Math.abs(marker.y + marker.height / 2 - (box.y + box.height * 0.4)) < 3,
    'the focal point marker is not where the picture was clicked');
    log(`  focal point ${x}, ${y}`);
  });

  await step('(b) the preview changes as sato types the title', async () => {
    const before = await previewSettled(sato);
    check(before.id && before.complete, 'no preview picture before the title is typed');
    pictureBefore = readPng(await (await sato.$('.preview-image')).screenshot());
    await sato.type(textField('title', 'ja'), TITLE);
    await previewNewerThan(sato, before.sequence);
    const after = await previewSettled(sato);
    const pictureAfter = readPng(await (await sato.$('.preview-image')).screenshot());
    const compared = comparePngs(pictureBefore, pictureAfter);
    check(compared.differing > 0, 'the preview picture did not change when the title was typed');
    log(`  preview ${before.id} → ${after.id}: ${compared.differing} pixels changed`);
    const link = await sato.$eval('a.full-size', (a) => a.getAttribute('href'));
    check(link === `/api/previews/${after.id}.png`, `「実寸で開く」 links to ${link}`);
    const src = await sato.$eval('.preview-image', (image) => image.getAttribute('src'));
    check(/\?width=\d+$/.test(src), `the preview is not fetched at its displayed width: ${src}`);
  });

  await step('(b) a far too long title gets the overflow warning on the title field', async () => {
    const title = textField('title', 'ja');
    await typeInto(sato, title, TOO_LONG);
    await sato.waitForFunction((selector) => {
      const box = document.querySelector(selector).closest('.field');
      return box.querySelector('.field-problems').textContent.includes('枠に収まらず');
    }, {timeout: 30000}, title);
    const warning = await fieldProblems(sato, title);
    log(`  under the title: ${warning.slice(0, 90)}…`);
    const linked = await sato.$eval(title, (input) => {
      const list = input.closest('.field').querySelector('.field-problems');
      return (input.getAttribute('aria-describedby') || '').split(' ').includes(list.id);
    });
    check(linked, 'the title field is not linked to its warning with aria-describedby');
    const tabCount = await sato.$eval('[role=tab][data-lang="ja"] .tab-count', (e) => e.hidden ? '' : e.textContent);
    check(/^\d+/.test(tabCount), `the 日本語 tab shows no count (${tabCount})`);
    const listed = await sato.$eval('.problem-summary', (e) => e.textContent);
    check(listed.includes('枠に収まらず'), 'the list beside the preview does not have the warning');
    await typeInto(sato, title, TITLE);
    await sato.waitForFunction((selector) => {
      const box = document.querySelector(selector).closest('.field');
      return !box.querySelector('.field-problems').textContent.includes('枠に収まらず');
    }, {timeout: 30000}, title);
    await previewSettled(sato);
  });

  await step('(b) やさしい日本語: the tabs by keyboard and the ruby helper', async () => {
    await sato.focus('[role=tab][data-lang="ja"]');
    await sato.keyboard.press('ArrowRight');
    const selected = await sato.$eval('[role=tab][aria-selected=true]', (tab) => tab.dataset.lang);
    check(selected === 'ja-x-easy', `ArrowRight selected ${selected}, not ja-x-easy`);
    const focused = await sato.evaluate(() => document.activeElement.dataset.lang);
    check(focused === 'ja-x-easy', 'the focus did not move to the selected tab');
    const easy = textField('title', 'ja-x-easy');
    const lang = await sato.$eval(easy, (e) => e.getAttribute('lang'));
    check(lang === 'ja', `the やさしい日本語 field has lang="${lang}"`);
    await sato.type(easy, '郡上市の おどり');
    await sato.$eval(easy, (input) => {
      input.focus();
      input.setSelectionRange(0, 3); // 郡上市
      input.dispatchEvent(new Event('select', {bubbles: true}));
    });
    await sato.type(await byLabel(sato, 'よみがな(ひらがな)'), 'ぐじょうし');
    await clickButton(sato, 'ふりがなを付ける');
    const value = await sato.$eval(easy, (e) => e.value);
    check(value === '郡上市《ぐじょうし》の おどり', `the ruby helper wrote "${value}"`);
    const reading = await sato.$eval(easy, (input) => {
      const line = input.closest('.field').querySelector('.reads');
      const ruby = line.querySelector('ruby');
      return ruby ? `${ruby.firstChild.textContent}/${ruby.querySelector('rt').textContent}` : '';
    });
    check(reading === '郡上市/ぐじょうし', `the reading line shows "${reading}"`);
    for (const [tag, wanted] of [['zh-Hans', 'zh-Hans'], ['ko', 'ko'], ['en', 'en']]) {
      const got = await sato.$eval(textField('title', tag), (e) => e.getAttribute('lang'));
      check(got === wanted, `the ${tag} title has lang="${got}"`);
    }
    await sato.click('[role=tab][data-lang="ja"]');
    await previewSettled(sato);
  });

  await step('(b) sato sets the schedule, saves and submits', async () => {
    await setValue(sato, await byLabel(sato, '開始日'), SCHEDULE.from);
    await setValue(sato, await byLabel(sato, '終了日'), SCHEDULE.until);
    for (const day of ['月', '火', '水', '木', '金']) {
      await sato.click(await byLabel(sato, day));
    }
    await clickButton(sato, '時間帯を追加');
    await sato.waitForSelector('.windows .time-input');
    const flag = await sato.$eval('.dirty-flag', (e) => !e.hidden);
    check(flag, 'the editor does not say there are unsaved changes');
    const saved = await save(sato);
    log(`  ${saved.trim()}`);
    const item = (await apiFromPage(sato, 'GET', `/api/items/${itemId}`)).data.item;
    check(item.title.ja === TITLE && item.prefecture.ja === '岐阜県' && item.municipality.ja === '郡上市',
        `the saved texts are wrong: ${JSON.stringify(item)}`);
    check(/^images\/[0-9a-f]{64}\.png$/.test(item.image), `the saved image is ${item.image}`);
    check(item.image_focus && Math.abs(item.image_focus.x - 0.3) < 0.02, `the saved focus is ${JSON.stringify(item.image_focus)}`);
    const schedule = item.schedule || {};
    check(schedule.from === SCHEDULE.from && schedule.until === SCHEDULE.until &&
        JSON.stringify(schedule.weekdays) === '["mon","tue","wed","thu","fri"]' &&
        JSON.stringify(schedule.times) === '[{"from":"09:00","until":"17:00"}]',
    `the saved schedule is ${JSON.stringify(item.schedule)}`);
    check(item['title']['ja-x-easy'] === '郡上市《ぐじょうし》の おどり', 'the やさしい日本語 title was not saved');
    await clickButton(sato, '申請');
    await statusSays(sato, /申請しました/);
    const state = await sato.$eval('.item-meta .badge.state-submitted', (e) => e.textContent);
    check(state === '申請中', `the state reads ${state}`);
    await previewSettled(sato);
    await shoot(sato, '03-editor');
  });

  const tanakaContext = await browser.createBrowserContext();
  const tanaka = await watchedPage(tanakaContext, 'tanaka');

  await step('(c) tanaka approves the promo and publishes', async () => {
    await signIn(tanaka, 'tanaka', accounts.tanaka);
    await tanaka.waitForSelector('.waiting-count');
    const waiting = await tanaka.$eval('.waiting-count', (e) => e.textContent);
    check(waiting.includes('承認待ちが 1 件'), `the list says "${waiting}"`);
    const row = await tanaka.$eval(`tr[data-item="${itemId}"]`, (e) => e.textContent);
    check(row.includes(TITLE) && row.includes('申請中') && row.includes('自治体PR') && row.includes('sato'),
        `the list row of the promo reads "${row}"`);
    await shoot(tanaka, '02-list');
    await Promise.all([
      tanaka.waitForFunction((id) => window.location.hash === `#/items/${id}`, {}, itemId),
      tanaka.click(`tr[data-item="${itemId}"] a`),
    ]);
    await tanaka.waitForSelector('.actions button.approve');
    await clickButton(tanaka, '承認');
    await statusSays(tanaka, /承認しました/);
    await open(tanaka, '#/publish', '#pending button.primary');
    const pending = await tanaka.$eval('#pending', (e) => e.textContent);
    check(pending.includes(`「${TITLE}」(${itemId}) を partners に追加`), 'the pending changes do not name the promo');
    await shoot(tanaka, '04-publish');
    await clickButton(tanaka, '公開', '#pending');
    await answerDialog(tanaka, '公開');
    const said = await statusSays(tanaka, /公開しました/);
    log(`  ${said.trim()}`);
    await tanaka.waitForSelector('#history li.version');
    check(fs.existsSync(path.join(env.work, 'data/publish/feed.json')), 'no feed.json in data/publish');
    await shoot(tanaka, '05-history', {element: '#history'});
    await open(tanaka, '#/schedule', 'form.schedule-form');
    await setValue(tanaka, await byLabel(tanaka, '開始日'), '2026-12-01');
    await tanaka.waitForFunction(() => document.querySelector('table.grid caption')?.textContent.includes('2026-12-01'));
    const airtime = await tanaka.$eval('table.airtime', (e) => e.textContent);
    check(airtime.includes(TITLE), 'the airtime table does not list the promo on 2026-12-01');
    await shoot(tanaka, '06-schedule');
  });

  await step('(d) the player plays the feed; its frame equals the studio\'s preview', async () => {
    const frames = path.join(env.work, 'frames');
    const played = spawnSync(env.keiji, ['play', '--headless', '--feed', path.join(env.work, 'data/publish'),
      '--cache', path.join(env.work, 'cache'), '--at', AT, '--window', '1920x1080', '--out', frames,
      '--cycles', '1', '--state-dir', path.join(env.work, 'state')],
    {encoding: 'utf8', timeout: 180000, stdio: ['ignore', 'pipe', 'pipe']});
    fs.writeFileSync(path.join(env.work, 'player.log'), `${played.stdout}\n${played.stderr}`);
    check(played.status === 0, `keiji play exited with ${played.status} ${played.signal || ''}: ${played.stderr.slice(-600)}`);
    const frame = fs.readdirSync(frames).find((name) => name.includes(itemId));
    check(frame, `no frame named after ${itemId} in ${frames}: ${fs.readdirSync(frames).join(' ')}`);
    // The moment the player showed it (its clock is on the frame): from its proof of play.
    let moment = AT;
    const proofs = path.join(env.work, 'state/proof-of-play');
    for (const file of fs.existsSync(proofs) ? fs.readdirSync(proofs) : []) {
      for (const line of fs.readFileSync(path.join(proofs, file), 'utf8').split('\n').filter(Boolean)) {
        const record = JSON.parse(line);
        if (record.item === itemId && moment === AT) {
          moment = record.time;
        }
      }
    }
    log(`  frame ${frame}, shown at ${moment} (played from ${AT})`);
    const detail = (await apiFromPage(tanaka, 'GET', `/api/items/${itemId}`)).data;
    const item = detail.published_item || detail.item;
    const drawn = await apiFromPage(tanaka, 'POST', '/api/preview', {item, playlist: 'partners',
      size: '1920x1080', language: 'ja', at: moment, page: 'scenario-compare', sequence: 1});
    check(drawn.status === 200 && drawn.data.id, `POST /api/preview answered ${drawn.status} ${JSON.stringify(drawn.data)}`);
    const previewBytes = await pngFromPage(tanaka, `/api/previews/${drawn.data.id}.png`);
    fs.writeFileSync(path.join(env.work, 'compare-preview.png'), previewBytes);
    fs.copyFileSync(path.join(frames, frame), path.join(env.work, 'compare-player.png'));
    const preview = readPng(previewBytes);
    const player = readPng(fs.readFileSync(path.join(frames, frame)));
    const diffFile = path.join(env.work, 'compare-diff.png');
    const compared = comparePngs(player, preview, diffFile);
    if (compared.differing) {
      const total = player.width * player.height;
      const bands = compared.rows.map(([y, n]) => `y ${y}–${y + 39}: ${n}`).join(', ');
      check(false, `the player's frame and the studio's preview differ in ${compared.differing} of ${total} ` +
          `pixels (at most ${compared.maxDelta} levels in a channel), within x ${compared.box[0]}–${compared.box[2]}, ` +
          `y ${compared.box[1]}–${compared.box[3]}; by bands of 40 rows: ${bands}. ` +
          `See ${path.relative(env.work, diffFile)} (red: differing pixels), compare-player.png, compare-preview.png`);
    }
    log(`  ${player.width}×${player.height}: identical`);
  }, {keepGoing: true});

  await step('(e) the remaining screenshots: schedule (7 days), audit log', async () => {
    await open(admin, '#/admin', '#audit table.audit tbody tr');
    const audit = await admin.$eval('#audit', (e) => e.textContent);
    for (const action of ['利用者追加', '申請', '承認', '公開', '写真・動画アップロード']) {
      check(audit.includes(action), `the audit log has no 「${action}」`);
    }
    const csv = await admin.$eval('#audit a[href="/api/audit.csv"]', (a) => a.textContent);
    check(csv === 'CSVで書き出す', `the CSV link reads ${csv}`);
    await shoot(admin, '08-audit', {element: '#audit'});
    await tanaka.click(await byLabel(tanaka, '7 日'));
    await tanaka.waitForSelector('table.grid.week');
    await shoot(tanaka, '06-schedule-week');
  }, {keepGoing: true});

  await step('(f) the administrator groups the screens; tanaka shows the partner towns in the lobby only', async () => {
    await open(admin, '#/screens', 'table.groups');
    await clickButton(admin, 'グループを追加');
    await typeInto(admin, 'tr.group-row:last-child input.group-tag', 'Lobby 1F');
    await typeInto(admin, 'tr.group-row:last-child input.group-name', '本庁舎1階ロビー');
    await clickButton(admin, '保存');
    const mistake = await admin.waitForFunction(() => {
      const error = document.querySelector('#groups .form-error');
      return error && error.textContent.trim() ? error.textContent.trim() : null;
    });
    const said = await mistake.jsonValue();
    check(said.includes('1 行目') && said.includes('英小文字'), `a tag "Lobby 1F" was answered with 「${said}」`);
    check(await admin.$eval('tr.group-row:last-child input.group-tag', (e) => e.getAttribute('aria-invalid')) === 'true',
        'the wrong tag is not marked invalid');
    await shoot(admin, '09-screens-mistake', {element: '#groups'});
    await typeInto(admin, 'tr.group-row:last-child input.group-tag', 'lobby-1f');
    for (const language of ['English', '中文', '한국어']) {
      await admin.click(await byLabel(admin, language, 'tr.group-row:last-child'));
    }
    await clickButton(admin, 'グループを追加');
    await typeInto(admin, 'tr.group-row:last-child input.group-tag', 'shibaura');
    await typeInto(admin, 'tr.group-row:last-child input.group-name', '芝浦港南地区総合支所');
    await clickButton(admin, '保存');
    await statusSays(admin, '画面グループを保存しました');
    const saved = await apiFromPage(admin, 'GET', '/api/screens');
    check(saved.data.groups.map((g) => `${g.tag}:${g.languages.join('+')}`).join(' ') ===
        'lobby-1f:ja+en+zh-Hans+ko shibaura:ja', `the groups saved are ${JSON.stringify(saved.data.groups)}`);
    const fingerprint = await admin.$eval('code.fingerprint', (e) => e.textContent);
    check(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/.test(fingerprint), `the key's fingerprint reads "${fingerprint}"`);
    check((await admin.$eval('pre.config-example', (e) => e.textContent)).includes('"lobby-1f"'),
        'the keiji.json example does not name the first group');
    await shoot(admin, '09-screens');

    await open(tanaka, '#/', 'section.playlist[data-playlist="partners"]');
    const partners = 'section.playlist[data-playlist="partners"]';
    await clickButton(tanaka, '変更', partners);
    await tanaka.click(await byLabel(tanaka, 'すべての画面', partners));
    await clickButton(tanaka, '保存', partners);
    await tanaka.waitForFunction((scope) => document.querySelector(`${scope} .screens-form .form-error`)
        ?.textContent.includes('1つ以上') || document.querySelector(`${scope} .screens-form .form-error`)
        ?.textContent.includes('1 つ以上'), {}, partners);
    await tanaka.click(await byLabel(tanaka, '本庁舎1階ロビー(lobby-1f)', partners));
    await clickButton(tanaka, '保存', partners);
    await statusSays(tanaka, '表示する画面を変更しました');
    const shown = await tanaka.$eval(`${partners} .screens-names`, (e) => e.textContent);
    check(shown === '本庁舎1階ロビー', `the partners playlist says it is shown on 「${shown}」`);
    await shoot(tanaka, '10-playlist-screens', {element: partners});
    await open(tanaka, '#/publish', 'main h1');
    const pendingSaid = await tanaka.waitForFunction(() => document.querySelector('main').textContent
        .includes('グループ lobby-1f の画面の表示'), {timeout: 10000}).then(() => true, () => false);
    check(pendingSaid, 'the publish page does not say the lobby changes');

    await open(tanaka, '#/schedule', 'table.grid');
    await tanaka.select(await byLabel(tanaka, '画面グループ'), 'shibaura');
    await tanaka.waitForFunction(() => !document.querySelector('.schedule-result .loading') &&
        document.querySelector('table.grid'));
    const rows = await tanaka.$eval('table.airtime', (e) => e.textContent);
    check(!rows.includes(itemId), 'the 芝浦港南 timeline lists the lobby-only promo');
    await tanaka.select(await byLabel(tanaka, '画面グループ'), 'lobby-1f');
    await tanaka.waitForSelector('table.languages-airtime');
    await shoot(tanaka, '11-schedule-lobby');
  }, {keepGoing: true});

  await filmSteps(sato, tanaka);
  await deskSteps(browser, admin, accounts);
  code = summary('scenario');
} catch (error) {
  if (!failed()) {
    console.error(error);
  }
  code = summary('scenario') || 1;
} finally {
  await browser.close();
}
process.exit(code);
