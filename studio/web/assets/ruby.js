// Ruby (furigana) in the Aozora notation the player reads (player/src/text/ruby.cpp, mirrored
// here rule for rule): 漢字《かんじ》 annotates the run of kanji before 《 when the reading is
// kana; ｜base《reading》 (or |) annotates exactly "base". Anything else stays plain text.

const OPEN = '《';
const CLOSE = '》';

function isBaseMarker(c) {
  return c === '｜' || c === '|';
}

export function isKanji(c) {
  const code = c.codePointAt(0);
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) ||
      (code >= 0xf900 && code <= 0xfaff) || (code >= 0x20000 && code <= 0x3134f) ||
      c === '々' || c === '〆' || c === 'ヶ' || c === '〇';
}

function isKanaReading(chars) {
  return chars.every((c) => {
    const code = c.codePointAt(0);
    return (code >= 0x3041 && code <= 0x309f) || (code >= 0x30a0 && code <= 0x30ff) ||
        c === ' ' || c === '\u3000';
  });
}

function indexOf(chars, wanted, from) {
  for (let i = from; i < chars.length; i += 1) {
    if (chars[i] === wanted) {
      return i;
    }
  }
  return -1;
}

// → {base: "漢字", ruby: [{begin, end, reading}]} with begin/end in code points of base.
export function parseRuby(text) {
  const chars = Array.from(String(text ?? ''));
  const base = [];
  const ruby = [];
  let explicitBase = -1;
  let i = 0;
  while (i < chars.length) {
    const c = chars[i];
    if (isBaseMarker(c)) {
      const open = indexOf(chars, OPEN, i + 1);
      const close = open < 0 ? -1 : indexOf(chars, CLOSE, open + 1);
      if (close >= 0 && open > i + 1 && close > open + 1) {
        explicitBase = base.length;
        i += 1;
        continue;
      }
    }
    if (c === OPEN) {
      const close = indexOf(chars, CLOSE, i + 1);
      if (close >= 0 && close > i + 1) {
        const reading = chars.slice(i + 1, close);
        let begin = explicitBase;
        if (begin < 0 && isKanaReading(reading)) {
          begin = base.length;
          const lastEnd = ruby.length ? ruby[ruby.length - 1].end : -1;
          while (begin > 0 && isKanji(base[begin - 1]) && begin > lastEnd) {
            begin -= 1;
          }
        }
        if (begin >= 0 && begin < base.length) {
          ruby.push({begin, end: base.length, reading: reading.join('')});
          explicitBase = -1;
          i = close + 1;
          continue;
        }
      }
    }
    base.push(c);
    i += 1;
  }
  return {base: base.join(''), chars: base, ruby};
}

// The text as it reads on screen, without the notation: "公園《こうえん》" → "公園".
export function plainText(text) {
  return parseRuby(text).base;
}

// The text as DOM: runs of plain text and <ruby>base<rt>reading</rt></ruby>, built node by node.
export function rubyNodes(text) {
  const {chars, ruby} = parseRuby(text);
  const nodes = [];
  let at = 0;
  for (const span of ruby) {
    if (span.begin > at) {
      nodes.push(document.createTextNode(chars.slice(at, span.begin).join('')));
    }
    const element = document.createElement('ruby');
    element.appendChild(document.createTextNode(chars.slice(span.begin, span.end).join('')));
    const rt = document.createElement('rt');
    rt.textContent = span.reading;
    element.appendChild(rt);
    nodes.push(element);
    at = span.end;
  }
  if (at < chars.length) {
    nodes.push(document.createTextNode(chars.slice(at).join('')));
  }
  return nodes;
}

// What to insert for `selected` read as `reading`, given the character just before the
// selection: the implicit form 漢字《かんじ》 when the player would find exactly this base, else
// the explicit ｜base《reading》.
export function rubyFor(selected, reading, before) {
  const chars = Array.from(selected);
  const implicit = chars.length > 0 && chars.every(isKanji) &&
      !(before && isKanji(before)) && isKanaReading(Array.from(reading));
  return `${implicit ? '' : '｜'}${selected}《${reading}》`;
}
