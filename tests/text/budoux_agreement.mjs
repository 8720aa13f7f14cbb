// Compares keiji's BudouX inference with the reference npm `budoux` on the seed corpus and prints
// the agreement. Usage: node budoux_agreement.mjs NODE_MODULES_PARENT PHRASES_TOOL SENTENCES
// Exits 1 when agreement drops below 99 % of sentences (the model is the same, so any
// difference is a bug in our inference).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [prefix, tool, corpus] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(prefix), 'package.json'));
const { loadDefaultJapaneseParser } = require('budoux');
const parser = loadDefaultJapaneseParser();

const sentences = readFileSync(corpus, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
const ours = execFileSync(tool, { input: sentences.join('\n') + '\n', maxBuffer: 1 << 26 })
  .toString('utf8')
  .split('\n');

let same = 0;
let boundariesReference = 0;
let boundariesOurs = 0;
let boundariesShared = 0;
const cuts = (phrases) => {
  const out = new Set();
  let at = 0;
  for (const p of phrases.slice(0, -1)) { at += [...p].length; out.add(at); }
  return out;
};
const differences = [];
sentences.forEach((sentence, i) => {
  const reference = parser.parse(sentence);
  const mine = ours[i].split('\x1f');
  if (reference.join('|') === mine.join('|')) same++;
  else if (differences.length < 5) differences.push(`  budoux: ${reference.join('|')}\n  keiji:  ${mine.join('|')}`);
  const r = cuts(reference);
  const m = cuts(mine);
  boundariesReference += r.size;
  boundariesOurs += m.size;
  for (const c of m) if (r.has(c)) boundariesShared++;
});
const percent = (a, b) => (100 * a / b).toFixed(2);
console.log(`BudouX agreement on ${sentences.length} sentences: ${same} identical (${percent(same, sentences.length)} %); ` +
  `boundaries: ${boundariesShared} shared of ${boundariesReference} reference / ${boundariesOurs} ours`);
if (differences.length) console.log('first differences:\n' + differences.join('\n'));
process.exit(same / sentences.length >= 0.99 ? 0 : 1);
