// Run by tests/alert/fleet_test.sh (not by run.sh): its studio publishes to a real mosquitto that
// N headless players listen to. The disaster office sends an earthquake alert from the desk in
// the browser and watches its fleet view until every screen has confirmed it, then asks one
// screen for a look at what it shows. Writes the alert's identifier to WORK_DIR/desk-alert.txt.
import fs from 'node:fs';
import path from 'node:path';
import {check, env, launch, log, shoot, signIn, statusSays, step, summary, failed, watchedPage} from './lib.mjs';
import {answerDialog, apiFromPage, clickButton} from './studio.mjs';

const players = Number.parseInt(process.env.PLAYERS || '20', 10);
const browser = await launch();
let code = 1;
try {
  const admin = await watchedPage(browser.defaultBrowserContext(), 'admin');
  let password = '';
  await step('the administrator makes the disaster office an account', async () => {
    await signIn(admin, 'admin', env.adminPassword);
    const made = await apiFromPage(admin, 'POST', '/api/users',
        {name: 'kikikanri', display_name: '危機管理課', role: 'bousai'});
    check(made.status === 201, `making the account answered ${made.status}`);
    password = made.data.password;
  });

  const office = await watchedPage(await browser.createBrowserContext(), 'office');
  await step(`the desk sees all ${players} screens online`, async () => {
    await signIn(office, 'kikikanri', password);
    await office.waitForSelector('form.alert-form');
    await office.waitForFunction((count) => document.querySelectorAll('table.fleet tbody tr').length === count &&
        document.querySelectorAll('table.fleet .fleet-state.online').length === count, {timeout: 90000}, players);
  });

  await step('an earthquake alert from the template, previewed and sent as an exercise', async () => {
    await office.click('.template-choice input[value="earthquake"]');
    await clickButton(office, 'プレビュー');
    await office.waitForFunction(() => {
      const pictures = [...document.querySelectorAll('.alert-preview img')];
      return pictures.length === 5 && pictures.every((img) => img.complete && img.naturalWidth === 1920);
    }, {timeout: 90000});
    await clickButton(office, 'すべての画面に送る');
    await answerDialog(office, 'すべての画面に送る');
    const said = await statusSays(office, /送りました/, 60000);
    log(`  ${said.trim()}`);
    check(/ブローカー:送信済み/.test(said), `the broker did not take it: ${said}`);
    const alerts = await apiFromPage(office, 'GET', '/api/alerts');
    fs.writeFileSync(path.join(env.work, 'desk-alert.txt'), alerts.data.in_force[0].identifier);
  });

  await step(`the fleet view says shown on ${players} of ${players}`, async () => {
    const wanted = `表示を確認:${players} 台中 ${players} 台`;
    const identifier = fs.readFileSync(path.join(env.work, 'desk-alert.txt'), 'utf8');
    await office.waitForFunction((text, id) => {
      const reach = document.querySelector('.fleet-reach-count');
      const alert = document.querySelector('.fleet-reach-alert');
      return reach && reach.textContent === text && alert && alert.textContent.includes(id);
    }, {timeout: 120000}, wanted, identifier);
    await shoot(office, 'fleet-desk');
  });

  await step('the earlier alert, still in force, keeps its own count', async () => {
    const wanted = `他に有効な警報 minato-2026-rain-001:表示を確認 ${players} 台中 ${players} 台`;
    await office.waitForFunction((text) => [...document.querySelectorAll('.fleet-others li')]
        .some((item) => item.textContent === text), {timeout: 60000}, wanted);
    await shoot(office, 'fleet-others', {element: '.fleet-others'});
  });

  await step('a look at what s05 shows', async () => {
    await office.click('button[aria-label="見る: s05"]');
    await office.waitForFunction(() => {
      const img = document.querySelector('.fleet-look img');
      return img && img.complete && img.naturalWidth > 0;
    }, {timeout: 30000});
    const width = await office.$eval('.fleet-look img', (img) => img.naturalWidth);
    check(width > 0 && width <= 480, `the look is ${width} pixels wide`);
    await shoot(office, 'fleet-look', {element: '.fleet-look'});
  });
  code = summary('desk-fleet');
} catch (error) {
  if (!failed()) {
    console.error(error);
  }
  code = summary('desk-fleet') || 1;
} finally {
  await browser.close();
}
process.exit(code);
