#!/usr/bin/env bash
# A film's sound through SDL's audio in a real window (Xvfb): SDL's "disk" driver writes what
# the sound card would play into a file, at the card's pace. A film with a 1 kHz tone at volume
# 50 is heard at half its level and at its pitch, starting with the film; the same film without
# a volume writes nothing (no sound device is opened).
# Usage: film_sound_test.sh KEIJI WORK_DIR
set -u
keiji=$1 work=$2
rm -rf "$work" && mkdir -p "$work/content/films" && cd "$work" || exit 1
fail() { echo "FAIL (film sound): $*"; for f in player-*.log; do echo "--- $f"; tail -20 "$f"; done; exit 1; }

# A 1 kHz tone at 48 kHz, mono.
ffmpeg -nostdin -y -v error -f lavfi -i testsrc2=size=320x180:rate=30:duration=8 \
    -f lavfi -i "sine=frequency=1000:sample_rate=48000:duration=8" -af "volume=0.5" \
    -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -b:a 192k -shortest \
    content/films/tone.mp4 || fail "ffmpeg could not make the film"
# The film's sound as FFmpeg itself plays it on two speakers, at full volume: the reference.
ffmpeg -nostdin -y -v error -i content/films/tone.mp4 -f s16le -ac 2 -ar 48000 reference.raw ||
    fail "ffmpeg could not decode the film's sound"
playlist() {
    cat > content/films.json <<JSON
{"id": "films", "title": {"ja": "動画", "en": "Films"},
 "items": [{"type": "video", "id": "tone", "title": {"ja": "試験音", "en": "Test tone"},
            "video": "films/tone.mp4", "play": "loop", "duration": 30 $1}]}
JSON
}
# play N: 4 s in a window, then SIGTERM; the sound card's output in sound-N.raw (16-bit
# stereo, 48 kHz).
play() {
    SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="sound-$1.raw" ASAN_OPTIONS=detect_leaks=0 \
        "$keiji" play --content content --window 320x180 2> "player-$1.log" &
    local pid=$!
    sleep 4
    kill -TERM "$pid"
    wait "$pid" || fail "play $1 exited $? after SIGTERM"
}

playlist ', "volume": 50'
play 1
grep -qF 'sound aac 48.0 kHz, 1 channel(s), at volume 50 (SDL'"'"'s disk sound)' player-1.log ||
    fail "the log does not say the sound plays"
[[ -s sound-1.raw ]] || fail "nothing was written for the sound card"
python3 - sound-1.raw reference.raw <<'PY' || fail "the sound is not the film's tone at half its level"
import array, sys
samples = array.array("h", open(sys.argv[1], "rb").read())
left = samples[0::2]
reference = array.array("h", open(sys.argv[2], "rb").read())[0::2]
full = max(abs(s) for s in reference[48000:96000])
rate = 48000
seconds = len(left) / rate
print(f"{seconds:.2f} s of sound written")
assert seconds > 2.5, "less than 2.5 s of sound in 4 s of play"
# The second second of play: the film is on screen and its sound plays.
part = left[rate:2 * rate]
peak = max(abs(s) for s in part)
crossings = sum(1 for a, b in zip(part, part[1:]) if (a >= 0) != (b >= 0))
print(f"peak {peak} (FFmpeg plays the film at {full}; at volume 50, half: {full // 2}), "
      f"{crossings / 2:.0f} Hz")
assert abs(peak - full / 2) < full * 0.03, f"peak {peak}, not about {full / 2}"
assert 980 < crossings / 2 < 1020, f"{crossings / 2} Hz"
# Silence only at the very start (the window opening, before the film's first picture).
first_sound = next(i for i, s in enumerate(left) if abs(s) > 100) / rate
print(f"the tone starts {first_sound * 1000:.0f} ms into the sound card's output")
assert first_sound < 1.0, "the tone started late"
PY

playlist ''
play 2
grep -qF "sound " player-2.log && fail "a film without a volume opened the sound: $(grep -F 'sound ' player-2.log)"
[[ -e sound-2.raw ]] && fail "a muted film wrote sound"
echo "PASS (film sound)"
