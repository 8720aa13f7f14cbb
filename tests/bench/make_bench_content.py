#!/usr/bin/env python3
"""Content for `make bench` (tests/bench/run.sh), made from the bundled playlists.

  make_bench_content.py html PLAYLIST.json OUT.html
      The same slides as a web page for the Chromium kiosk: the promo template's layout at
      1920x1080 (header band with the corner's name, date and a clock that changes on the minute,
      photo on the left half, badge, municipality, title, body, footer band), the same fonts
      (BIZ UDGothic, then Noto Sans CJK JP, loaded with @font-face from /usr/share/fonts), the same
      photos (file:// paths), each slide for its "duration" seconds and a 1 s CSS opacity crossfade
      of the incoming slide over the outgoing one, as keiji draws it. No network: every URL is a
      local file.

  make_bench_content.py soak OUT_DIR [COUNT]
      OUT_DIR/soak.json: COUNT (default 50) promos for the memory soak, each with one of the
      bundled photos and a body of its own (the partners' texts, numbered), 5 s each, so every
      slide change lays out and paints new text.

  make_bench_content.py growth OUT_DIR COUNT
      OUT_DIR/growth.json: COUNT items for the growth bench (tests/bench/growth.sh): the bundled
      notices, events and promos in turn, each with an id and a numbered title of its own, photos
      named by absolute path. Ten items show each bundled item once or so; 5,000 items are what a
      ward's whole year of notices could be.
"""
import html
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

FONTS = {
    ("BenchJa", "400"): ["/usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Regular.ttf",
                         "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"],
    ("BenchJa", "700"): ["/usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Bold.ttf",
                         "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"],
}


def ja(text):
    return text["ja"] if isinstance(text, dict) else text


def font_faces():
    rules = []
    for (family, weight), files in FONTS.items():
        sources = ", ".join(f'url("file://{path}")' for path in files if os.path.exists(path))
        rules.append(f"@font-face {{ font-family: {family}; font-weight: {weight}; "
                     f"src: {sources}; }}")
    return "\n".join(rules)


def promo_slide(item, base_directory, index):
    image = os.path.normpath(os.path.join(base_directory, item["image"]))
    e = html.escape
    return f"""<section class="slide{' on' if index == 0 else ''}" data-duration="{item.get('duration', 10)}">
  <div class="photo" style="background-image: url('file://{e(image)}')"></div>
  <div class="panel">
    <div class="who"><span class="badge">{e(ja(item['prefecture']))}</span><span class="name">{e(ja(item['municipality']))}</span></div>
    <div class="rule"></div>
    <h1>{e(ja(item['title']))}</h1>
    <p>{e(ja(item['body']))}</p>
  </div>
  <footer><span class="bar"></span>港区と全国各地域との連携 ─ お互いのまちをもっとゆたかに</footer>
</section>"""


# Sizes in px at 1920x1080 from render/theme.hpp (fractions of the shorter side, 1080): header
# 0.09, footer 0.05, margin 0.055, gap 0.025, display 0.085, heading 0.058, body 0.040, footer
# text 0.024.
PAGE = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>keiji bench: Chromium kiosk</title>
<style>
{fonts}
html, body {{ margin: 0; width: 1920px; height: 1080px; overflow: hidden; background: #000;
  font-family: BenchJa, sans-serif; }}
header {{ position: absolute; z-index: 1000; left: 0; top: 0; width: 1920px; height: 97px;
  background: #12355B; color: #fff; display: flex; align-items: center;
  box-sizing: border-box; padding: 0 59px; }}
header .title {{ font-size: 39px; flex: 1; }}
header .date {{ font-size: 39px; margin-right: 30px; }}
header .time {{ font-size: 50px; font-weight: 700; }}
.slide {{ position: absolute; left: 0; top: 0; width: 1920px; height: 1080px; background: #F6F4EE;
  opacity: 0; }}
.slide.on {{ opacity: 1; }}
.slide.fading {{ transition: opacity 1s ease-in-out; }}
.photo {{ position: absolute; left: 0; top: 97px; width: 960px; height: 929px;
  background-size: cover; background-position: center; }}
.panel {{ position: absolute; left: 1019px; top: 156px; width: 842px; height: 811px;
  color: #1E2A36; }}
.who {{ display: flex; align-items: center; height: 85px; }}
.badge {{ background: #005A9C; color: #fff; font-weight: 700; font-size: 42px; height: 68px;
  line-height: 68px; padding: 0 27px; margin-right: 13px; }}
.name {{ font-size: 63px; font-weight: 700; }}
.rule {{ width: 97px; height: 6px; background: #005A9C; margin: 13px 0 27px; }}
h1 {{ font-size: 92px; font-weight: 700; margin: 0 0 27px; line-height: 1.2; }}
p {{ font-size: 43px; color: #4A5560; margin: 0; line-height: 1.55; line-break: strict; }}
footer {{ position: absolute; left: 0; bottom: 0; width: 1920px; height: 54px;
  background: #E2DED3; color: #4A5560; font-size: 26px; display: flex; align-items: center;
  box-sizing: border-box; padding-left: 59px; }}
footer .bar {{ display: inline-block; width: 5px; height: 26px; background: #005A9C;
  margin-right: 21px; }}
</style></head>
<body>
<header><span class="title">港区と全国をつなぐコーナー</span><span class="date" id="date"></span><span class="time" id="time"></span></header>
{slides}
<script>
"use strict";
// The clock changes on the minute, as keiji's does (no per-second redraw).
const weekdays = "日月火水木金土";
function tick() {{
  const now = new Date();
  document.getElementById("date").textContent =
    `${{now.getFullYear()}}年${{now.getMonth() + 1}}月${{now.getDate()}}日(${{weekdays[now.getDay()]}})`;
  document.getElementById("time").textContent =
    `${{now.getHours()}}:${{String(now.getMinutes()).padStart(2, "0")}}`;
  setTimeout(tick, 60000 - (now.getSeconds() * 1000 + now.getMilliseconds()) + 5);
}}
tick();
// Each slide stays for its duration; the next one fades in over it in 1 s (the outgoing one stays
// opaque underneath and is hidden once the fade is over), as keiji's crossfade does.
const slides = [...document.querySelectorAll(".slide")];
let current = 0, z = 1;
function next() {{
  const outgoing = slides[current];
  current = (current + 1) % slides.length;
  const incoming = slides[current];
  incoming.style.zIndex = ++z;
  incoming.classList.add("fading");
  incoming.classList.add("on");
  setTimeout(() => {{
    incoming.classList.remove("fading");
    outgoing.classList.remove("on");
  }}, 1000);
  setTimeout(next, Number(incoming.dataset.duration) * 1000);
}}
slides[0].style.zIndex = z;
setTimeout(next, Number(slides[0].dataset.duration) * 1000);
</script>
</body></html>
"""


def make_html(playlist_path, out_path):
    with open(playlist_path, encoding="utf-8") as f:
        playlist = json.load(f)
    base = os.path.dirname(os.path.abspath(playlist_path))
    items = [item for item in playlist["items"] if item.get("type") == "promo"]
    if len(items) != len(playlist["items"]):
        sys.exit(f"{playlist_path}: the web page has the promo template only")
    slides = "\n".join(promo_slide(item, base, i) for i, item in enumerate(items))
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(PAGE.format(fonts=font_faces(), slides=slides))


def make_soak(out_dir, count):
    with open(os.path.join(ROOT, "playlists", "partners.json"), encoding="utf-8") as f:
        partners = json.load(f)["items"]
    images_dir = os.path.join(ROOT, "playlists", "images")
    images = sorted(name for name in os.listdir(images_dir) if name.endswith(".png"))
    items = []
    for n in range(count):
        source = partners[n % len(partners)]
        items.append({
            "type": "promo",
            "id": f"soak-{n + 1:02d}",
            "duration": 5,
            "prefecture": source["prefecture"],
            "municipality": source["municipality"],
            "title": source["title"],
            "body": {"ja": f"{n + 1}件目のお知らせです。{ja(source['body'])}"},
            "image": os.path.join(images_dir, images[n % len(images)]),
        })
    os.makedirs(out_dir, exist_ok=True)
    doc = {"id": "bench-soak", "title": {"ja": "ベンチマーク: メモリ耐久"}, "items": items}
    with open(os.path.join(out_dir, "soak.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")


def make_growth(out_dir, count):
    bundled = []
    for name in ("notices", "events", "partners"):
        with open(os.path.join(ROOT, "playlists", f"{name}.json"), encoding="utf-8") as f:
            bundled.extend(json.load(f)["items"])
    images_dir = os.path.join(ROOT, "playlists")
    items = []
    for n in range(count):
        item = json.loads(json.dumps(bundled[n % len(bundled)]))
        item["id"] = f"{item['id']}-{n + 1}"
        title = item.get("title")
        if isinstance(title, dict):
            title["ja"] = f"{title.get('ja', '')}({n + 1})"
        elif isinstance(title, str):
            item["title"] = f"{title}({n + 1})"
        if "image" in item:
            item["image"] = os.path.join(images_dir, item["image"])
        items.append(item)
    os.makedirs(out_dir, exist_ok=True)
    doc = {"id": "bench-growth", "title": {"ja": f"ベンチマーク: {count} 件"}, "items": items}
    with open(os.path.join(out_dir, "growth.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main(argv):
    if len(argv) == 4 and argv[1] == "html":
        make_html(argv[2], argv[3])
    elif len(argv) in (3, 4) and argv[1] == "soak":
        make_soak(argv[2], int(argv[3]) if len(argv) == 4 else 50)
    elif len(argv) == 4 and argv[1] == "growth":
        make_growth(argv[2], int(argv[3]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
