// A video item through the studio, as staff add the shopping-street PR film (seed 004:
// 「商店街PR映像の優秀作品…を区有施設内のデジタルサイネージ等で放映」): sato first picks a photo
// by mistake, then the film; it plays muted in the page, the preview shows its first picture in
// the template, it plays to its end; tanaka approves and publishes, and the feed carries it.
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {check, env, log, shoot, statusSays, step} from './lib.mjs';
import {answerDialog, apiFromPage, clickButton, createItem, fieldProblems, open, previewSettled,
  save, textField} from './studio.mjs';

const FILM_TITLE = '麻布十番商店街 PR映像';
const FILM_CAPTION = '商店街PR映像コンテスト 優秀作品';

// A 4-second 640×360 H.264 film of the testsrc2 pattern, made once per run.
function makeFilm() {
  const film = path.join(env.work, 'azabu-juban-pr.mp4');
  if (!fs.existsSync(film)) {
    const made = spawnSync('ffmpeg', ['-nostdin', '-y', '-v', 'error', '-f', 'lavfi', '-i',
      'testsrc2=size=640x360:rate=30:duration=4', '-c:v', 'libx264', '-preset', 'ultrafast',
      '-pix_fmt', 'yuv420p', '-movflags', '+faststart', film], {encoding: 'utf8'});
    check(made.status === 0, `ffmpeg could not make the test film: ${made.stderr}`);
  }
  return film;
}

export async function filmSteps(sato, tanaka) {
  let itemId = '';
  await step('(g) sato adds the shopping-street film: a photo by mistake, then the film', async () => {
    itemId = await createItem(sato, 'notices', 'video');
    log(`  the new video item is ${itemId}`);
    await sato.type(textField('title', 'ja'), FILM_TITLE);
    await sato.type(textField('caption', 'ja'), FILM_CAPTION);
    const film = await sato.$('.film-video ~ * input[type=file], .photo-group input[accept^="video"]');
    check(film, 'no file input for the film');
    await film.uploadFile(path.join(env.source, 'tests/browser/fixtures/photo.png'));
    await statusSays(sato, /これは動画ではありません/);
    const said = await fieldProblems(sato, '.photo-group input[accept^="video"]');
    check(said.includes('これは動画ではありません'), `the film field says "${said}"`);

    await film.uploadFile(makeFilm());
    await statusSays(sato, /動画をアップロードしました/, 60000);
    await sato.waitForFunction(() => {
      const video = document.querySelector('.film-video');
      return video && !video.hidden && video.readyState >= 1 && video.videoWidth > 0;
    }, {timeout: 30000});
    const facts = await sato.$eval('.film-facts', (e) => e.textContent);
    check(facts.includes('640×360') && facts.includes('4 秒'), `the film is described as "${facts}"`);
    const cleared = await fieldProblems(sato, '.photo-group input[accept^="video"]');
    check(!cleared.includes('これは動画ではありません'), 'the mistake is still listed after the film');
    await sato.click('input[type=radio][value="to_end"]');
    const preview = await previewSettled(sato);
    check(preview.complete, 'no preview of the video item');
    const saved = await save(sato);
    log(`  ${saved.trim()}`);
    const item = (await apiFromPage(sato, 'GET', `/api/items/${itemId}`)).data;
    check(/^films\/[0-9a-f]{64}\.mp4$/.test(item.item.video), `the saved film is ${item.item.video}`);
    check(item.item.play === 'to_end', `the saved play mode is ${item.item.play}`);
    const errors = item.problems.filter((p) => p.severity === 'error');
    check(errors.length === 0, `the saved item has errors: ${JSON.stringify(errors)}`);
    await clickButton(sato, '申請');
    await statusSays(sato, /申請しました/);
    await previewSettled(sato);
    await shoot(sato, '12-editor-video');
  });

  await step('(g) tanaka approves the film and publishes; the feed carries it', async () => {
    await open(tanaka, `#/items/${itemId}`, '.actions button.approve');
    await clickButton(tanaka, '承認');
    await statusSays(tanaka, /承認しました/);
    await open(tanaka, '#/publish', '#pending button.primary');
    await clickButton(tanaka, '公開', '#pending');
    await answerDialog(tanaka, '公開');
    await statusSays(tanaka, /公開しました/);
    const publish = path.join(env.work, 'data/publish');
    const feed = JSON.parse(fs.readFileSync(path.join(publish, 'feed.json'), 'utf8'));
    const film = feed.assets.find((asset) => asset.url.startsWith('films/'));
    check(film, `the feed lists no film: ${JSON.stringify(feed.assets)}`);
    check(fs.statSync(path.join(publish, film.url)).size === film.bytes,
        'the published film is not the size the feed says');
    log(`  the feed carries ${film.url} (${film.bytes} bytes)`);
  }, {keepGoing: true});
}
