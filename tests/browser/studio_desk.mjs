// The disaster office at its desk, in Japanese: yamada (防災担当) keeps the shelter list (a typo
// first), writes a heavy-rain alert from the template (forgets the area, tries to send before
// looking), looks at the takeover of all five languages, sends it as an exercise, updates it to
// an actual alert (backs out of the second confirmation once), and cancels it.
import fs from 'node:fs';
import path from 'node:path';
import {check, env, log, shoot, signIn, statusSays, step, watchedPage} from './lib.mjs';
import {answerDialog, apiFromPage, clickButton, open, typeInto} from './studio.mjs';

const ALERT_FILE = () => path.join(env.work, 'data', 'publish', 'alerts', 'alert.json');

// The payload of the envelope screens would read from the alert folder.
function publishedAlert() {
  check(fs.existsSync(ALERT_FILE()), `nothing was written to ${ALERT_FILE()}`);
  const envelope = JSON.parse(fs.readFileSync(ALERT_FILE(), 'utf8'));
  check(envelope.key_id === 'keiji-studio-bousai', `the alert is signed by ${envelope.key_id}`);
  return JSON.parse(envelope.payload);
}

async function inputLabelled(page, text, scope = 'main') {
  const id = await page.evaluate((wanted, within) => {
    const label = [...document.querySelector(within).querySelectorAll('label')]
        .find((l) => l.textContent.trim() === wanted);
    return label ? label.htmlFor : '';
  }, text, scope);
  check(id, `no field labelled 「${text}」`);
  return `[id="${id}"]`;
}

async function formError(page) {
  await page.waitForFunction(() => document.querySelector('.alert-form .form-error').textContent !== '');
  return page.$eval('.alert-form .form-error', (e) => e.textContent);
}

export async function deskSteps(browser, admin, accounts) {
  await step('(h) the administrator gives the disaster office an account', async () => {
    await open(admin, '#/admin', 'form.add-user');
    await typeInto(admin, await inputLabelled(admin, 'ログイン名', 'form.add-user'), 'yamada');
    await typeInto(admin, await inputLabelled(admin, '表示名', 'form.add-user'), '山田 防災課');
    await admin.select(await inputLabelled(admin, '役割', 'form.add-user'), 'bousai');
    await clickButton(admin, '追加');
    await admin.waitForSelector('.callout-password[data-user="yamada"] .password-value');
    accounts.yamada = await admin.$eval('.callout-password[data-user="yamada"] .password-value',
        (element) => element.textContent.trim());
  });

  const yamada = await watchedPage(await browser.createBrowserContext(), 'yamada');
  await step('(i) yamada lands on the desk and keeps the shelter list (a typo first)', async () => {
    await signIn(yamada, 'yamada', accounts.yamada);
    await yamada.waitForSelector('form.alert-form');
    check(yamada.url().endsWith('#/alerts'), `yamada landed on ${yamada.url()}, not the desk`);
    const nav = await yamada.$eval('#nav', (e) => e.textContent);
    check(nav.includes('災害情報'), `the menu is "${nav}"`);
    const empty = await yamada.$eval('.shelter-choice', (e) => e.textContent);
    check(empty.includes('避難所の一覧がまだ空です'), `with no shelters the form says "${empty}"`);
    for (const values of [['Shiba ES', '港区立芝小学校', '', 'Shiba Elementary School', '芝公園四丁目', 'Shibakoen 4'],
      ['shibakoen', '芝公園', '芝公園《しばこうえん》', 'Shiba Park', '', '']]) {
      await clickButton(yamada, '避難所を追加');
      const inputs = await yamada.$$('table.shelters tbody tr:last-child input');
      for (const [index, value] of values.entries()) {
        if (value) {
          await inputs[index].type(value);
        }
      }
    }
    await clickButton(yamada, '一覧を保存');
    await yamada.waitForFunction(() => /1 行目/.test(document.querySelector('table.shelters')
        .closest('form').querySelector('.form-error').textContent));
    const focused = await yamada.evaluate(() => document.activeElement.value);
    check(focused === 'Shiba ES', `the typo'd id is not focused (focus on "${focused}")`);
    await yamada.click('table.shelters tbody tr:first-child input', {clickCount: 3});
    await yamada.keyboard.type('shiba-es');
    await clickButton(yamada, '一覧を保存');
    await statusSays(yamada, /避難所の一覧を保存しました/);
    await yamada.waitForSelector('.shelter-choice input[type=checkbox]');
  });

  let identifier = '';
  await step('(j) yamada writes a heavy-rain alert, looks at every screen, sends it as an exercise', async () => {
    await yamada.click('.template-choice input[value="rain-4"]');
    const areaJa = await inputLabelled(yamada, '日本語', 'form.alert-form');
    await yamada.click(areaJa, {clickCount: 3});
    await yamada.keyboard.press('Backspace');
    await clickButton(yamada, 'プレビュー');
    const missing = await formError(yamada);
    check(missing.includes('対象の地域を日本語で'), `without an area the form says "${missing}"`);
    await yamada.type(areaJa, '芝地区');
    const areaEn = await inputLabelled(yamada, '英語(韓国語の画面にも使います)', 'form.alert-form');
    const leftOver = await yamada.$eval(areaEn, (input) => input.value);
    check(leftOver === '', `the English area still says "${leftOver}" for 芝地区`);
    await yamada.type(areaEn, 'Shiba');
    await yamada.click('.shelter-choice input[value="shiba-es"]');
    await clickButton(yamada, 'すべての画面に送る');
    const notLooked = await formError(yamada);
    check(notLooked.includes('プレビュー'), `sending unseen says "${notLooked}"`);
    await clickButton(yamada, 'プレビュー');
    await yamada.waitForFunction(() => {
      const pictures = [...document.querySelectorAll('.alert-preview img')];
      return pictures.length === 5 && pictures.every((img) => img.complete && img.naturalWidth === 1920);
    }, {timeout: 60000});
    const captions = await yamada.$$eval('.alert-preview figcaption', (all) => all.map((e) => e.textContent));
    check(captions.join(',') === '日本語,やさしい日本語,English,中文,한국어', `the previews are ${captions}`);
    await shoot(yamada, '13-alert-desk');
    await shoot(yamada, '14-alert-preview', {element: '.alert-previews'});
    await clickButton(yamada, 'すべての画面に送る');
    await answerDialog(yamada, 'すべての画面に送る');
    const said = await statusSays(yamada, /送りました/, 30000);
    log(`  ${said.trim()}`);
    const alert = publishedAlert();
    identifier = alert.identifier;
    check(alert.status === 'Exercise' && alert.sequence === 1, `the folder has ${alert.status} #${alert.sequence}`);
    check(alert.info[0].headline === '芝地区に避難指示を発令しました', `the headline is ${alert.info[0].headline}`);
    check(alert.info[2].headline === 'Evacuation order: Shiba', `the English headline is ${alert.info[2].headline}`);
    check(alert.shelters.length === 1 && alert.shelters[0].name.ja === '港区立芝小学校', 'the shelter is missing');
    await yamada.waitForSelector('.alert-card');
  });

  await step('(k) the update is an actual alert: the second confirmation, backed out of once', async () => {
    await clickButton(yamada, '更新', '.alert-card');
    await yamada.waitForFunction(() => /更新\(第 2 報\)/.test(document.querySelector('.alert-form').textContent));
    await yamada.click('.template-choice input[value="rain-5"]');
    await yamada.click('.kind-choice input[value="Actual"]');
    await clickButton(yamada, 'プレビュー');
    await yamada.waitForFunction(() => document.querySelectorAll('.alert-preview img').length === 5 &&
        [...document.querySelectorAll('.alert-preview img')].every((img) => img.complete && img.naturalWidth > 0),
    {timeout: 60000});
    await clickButton(yamada, '更新を送る');
    await yamada.waitForSelector('dialog[open]');
    const question = await yamada.$eval('dialog[open]', (e) => e.textContent);
    check(question.includes('これは訓練ではありません'), `the Actual question says "${question}"`);
    await shoot(yamada, '15-alert-actual-confirm');
    await answerDialog(yamada, 'キャンセル');
    check(publishedAlert().sequence === 1, 'backing out still sent the update');
    await clickButton(yamada, '更新を送る');
    await answerDialog(yamada, '実際の災害として送る');
    await statusSays(yamada, /第 2 報/);
    const alert = publishedAlert();
    check(alert.identifier === identifier && alert.msgType === 'Update' && alert.status === 'Actual' &&
        alert.level === 5, `the folder has ${alert.msgType} ${alert.status} level ${alert.level}`);
  });

  await step('(l) yamada cancels it; editors cannot reach the desk', async () => {
    await clickButton(yamada, '取り消す', '.alert-card');
    await answerDialog(yamada, '取り消す');
    await statusSays(yamada, /取り消しました/);
    await yamada.waitForFunction(() => !document.querySelector('.alert-card'));
    const alert = publishedAlert();
    check(alert.msgType === 'Cancel' && alert.sequence === 3, `the folder has ${alert.msgType} #${alert.sequence}`);
    await shoot(yamada, '16-alert-history');
    const refused = await apiFromPage(admin, 'POST', '/api/alerts', {template: 'drill', area: {ja: '港区'}});
    check(refused.status === 403, `an administrator sending an alert got ${refused.status}`);
  });
}
