#!/usr/bin/env bash
# Draws the illustrations of the bundled playlists (playlists/images/*.png). They are generated,
# not photographs: simple landscapes in the spirit of each partner municipality, so the default
# content owes nothing to anybody's copyright. Needs ImageMagick; the PNGs are committed, so
# building and playing never need it. Run again after changing a scene.
set -euo pipefail
out=${1:-$(dirname "$0")/../playlists/images}
mkdir -p "$out"
W=1200
H=900

# scene NAME SKY_TOP SKY_BOTTOM DRAW_ARGS...: a vertical sky gradient, then ImageMagick -draw
# primitives on top, then a soft vignette so slides have depth.
scene() {
    local name=$1 top=$2 bottom=$3
    shift 3
    convert -size ${W}x${H} "gradient:${top}-${bottom}" "$@" \
        \( -size ${W}x${H} radial-gradient:none-'rgba(0,0,0,0.25)' \) -compose over -composite \
        -depth 8 -strip -define png:compression-level=9 "$out/$name.png"
}

# 岐阜県郡上市: mountains, the Yoshida river, and festival lanterns of 郡上おどり.
scene gujo '#1b2a4a' '#e98a4f' \
    -fill '#2d3b55' -draw "polygon 0,560 200,330 380,520 560,300 760,540 980,320 1200,520 1200,900 0,900" \
    -fill '#23324a' -draw "polygon 0,650 260,470 520,640 800,460 1200,660 1200,900 0,900" \
    -fill '#3f7fa8' -draw "polygon 0,760 1200,700 1200,820 0,900" \
    -fill '#f3c969' -draw "circle 180,200 180,236" -draw "circle 330,170 330,206" \
    -draw "circle 480,200 480,236" -draw "circle 630,170 630,206" -draw "circle 780,200 780,236" \
    -draw "circle 930,170 930,206" -draw "circle 1080,200 1080,236" \
    -stroke '#f3c969' -strokewidth 3 -fill none -draw "bezier 100,180 600,260 1150,180"

# 徳島県阿南市: the sea at sunrise off the Kii Channel.
scene anan '#ffb36b' '#ffe6b8' \
    -fill '#ff7b39' -draw "circle 600,520 600,400" \
    -fill '#1f6e8c' -draw "rectangle 0,540 1200,900" \
    -fill '#2b86a8' -draw "polygon 0,620 300,600 600,630 900,600 1200,625 1200,900 0,900" \
    -fill '#ffd08a' -draw "rectangle 520,560 680,568" -draw "rectangle 480,600 720,606" \
    -draw "rectangle 540,650 660,655" \
    -fill '#3a4a3a' -draw "polygon 0,540 140,470 300,540" -draw "polygon 900,540 1050,480 1200,540"

# 福島県いわき市: waves of the Joban coast and a fishing boat.
scene iwaki '#7cc4e8' '#dff3fb' \
    -fill '#ffffff' -draw "circle 950,180 950,240" \
    -fill '#1d5f8a' -draw "rectangle 0,500 1200,900" \
    -fill '#2f7fb0' -draw "polygon 0,560 150,520 300,560 450,520 600,560 750,520 900,560 1050,520 1200,560 1200,900 0,900" \
    -fill '#4b9fd0' -draw "polygon 0,680 150,640 300,680 450,640 600,680 750,640 900,680 1050,640 1200,680 1200,900 0,900" \
    -fill '#e8e2d0' -draw "polygon 380,500 640,500 600,545 420,545" \
    -fill '#c23b22' -draw "rectangle 470,430 520,500" -fill '#333333' -draw "rectangle 500,380 506,430"

# 山形県舟形町: green fields and the mountains of the Mogami region in summer.
scene funagata '#86c5e8' '#e8f6e0' \
    -fill '#6e9a66' -draw "polygon 0,480 300,300 560,470 840,280 1200,470 1200,900 0,900" \
    -fill '#8bbf5a' -draw "polygon 0,560 1200,520 1200,900 0,900" \
    -fill '#a5d36b' -draw "polygon 0,680 600,600 1200,690 1200,900 0,900" \
    -fill '#c7e58e' -draw "polygon 0,800 1200,760 1200,900 0,900" \
    -fill '#fff4b0' -draw "circle 170,150 170,205"

# 秋田県にかほ市: Mt. Chokai above the Sea of Japan.
scene nikaho '#5d8fc9' '#d4e6f5' \
    -fill '#55677d' -draw "polygon 150,600 600,180 1050,600" \
    -fill '#f7f9fb' -draw "polygon 510,265 600,180 690,265 650,250 600,285 550,250" \
    -fill '#3d6b4a' -draw "polygon 0,600 1200,600 1200,680 0,700" \
    -fill '#2a5d86' -draw "polygon 0,700 1200,680 1200,900 0,900" \
    -fill '#6fa3cc' -draw "rectangle 0,760 1200,765" -draw "rectangle 0,820 1200,824"

# 和歌山県和歌山市: water, for the 15,000 bottles sent in 2021, and the castle on its hill.
scene wakayama '#9fd3f0' '#f2fbff' \
    -fill '#4b7d5a' -draw "ellipse 600,760 700,200 180,360" \
    -fill '#f4f1ea' -draw "rectangle 480,420 720,600" \
    -fill '#40505f' -draw "polygon 440,430 600,340 760,430" -draw "polygon 470,520 600,460 730,520" \
    -fill '#f4f1ea' -draw "rectangle 530,300 670,370" \
    -fill '#40505f' -draw "polygon 500,310 600,250 700,310" \
    -fill '#2f9bd6' -draw "circle 180,260 180,300" -draw "polygon 148,240 180,170 212,240" \
    -draw "circle 1020,260 1020,300" -draw "polygon 988,240 1020,170 1052,240"

# 北海道利尻富士町 (宗谷地域): Rishiri island's snowy peak across the water in winter.
scene rishiri '#9bb7d6' '#eef3f8' \
    -fill '#7a8fa8' -draw "polygon 180,620 600,220 1020,620" \
    -fill '#ffffff' -draw "polygon 440,372 600,220 760,372 700,350 640,395 600,360 550,395 500,350" \
    -fill '#4c6f95' -draw "rectangle 0,620 1200,900" \
    -fill '#ffffff' -draw "circle 200,700 200,704" -draw "circle 420,760 420,764" \
    -draw "circle 900,720 900,724" -draw "circle 1050,800 1050,804" -draw "circle 640,820 640,824"

# 福島県白河市: a solar farm supplying renewable power to the ward.
scene shirakawa '#5aa9e6' '#dff1ff' \
    -fill '#ffd54a' -draw "circle 980,170 980,240" \
    -fill '#7cb342' -draw "polygon 0,520 1200,470 1200,900 0,900" \
    -fill '#1f3c68' -draw "polygon 80,620 380,600 420,700 100,725" -draw "polygon 470,590 770,570 810,670 490,695" \
    -draw "polygon 860,560 1160,540 1190,640 880,665" \
    -draw "polygon 140,770 470,745 510,860 160,890" -draw "polygon 560,735 890,710 930,825 580,855"

# 秋田県大仙市: forest for woody biomass.
scene daisen '#b8dcc8' '#f0f7ee' \
    -fill '#2e5e3e' -draw "polygon 60,700 160,380 260,700" -draw "polygon 220,720 340,330 460,720" \
    -draw "polygon 430,700 540,400 650,700" -draw "polygon 610,720 740,320 870,720" \
    -draw "polygon 830,700 940,390 1050,700" -draw "polygon 1000,720 1110,360 1220,720" \
    -fill '#6b4b2e' -draw "rectangle 0,700 1200,900" \
    -fill '#8a6a45' -draw "rectangle 0,760 1200,770" -draw "rectangle 0,830 1200,840"

# 全国連携マルシェin芝浦: market tents in a park by the bay.
scene marche '#8fd0f0' '#fff6e0' \
    -fill '#5b8f4e' -draw "rectangle 0,600 1200,900" \
    -fill '#d9442e' -draw "polygon 80,420 260,340 440,420" -fill '#fff3e6' -draw "rectangle 100,420 420,600" \
    -fill '#2f7fb0' -draw "polygon 460,420 640,340 820,420" -fill '#fff3e6' -draw "rectangle 480,420 800,600" \
    -fill '#e3a21a' -draw "polygon 840,420 1020,340 1200,420" -fill '#fff3e6' -draw "rectangle 860,420 1180,600" \
    -fill '#c9512f' -draw "circle 200,560 200,590" -fill '#f0b429' -draw "circle 300,560 300,590" \
    -fill '#6aa84f' -draw "circle 590,560 590,590" -fill '#c9512f' -draw "circle 690,560 690,590"

echo "wrote $(ls "$out" | wc -l) images to $out"
