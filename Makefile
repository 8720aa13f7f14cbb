# Thin entry points. CMake presets do the real work (CMakePresets.json).
#   make run   install missing Debian packages, build, play the bundled playlists
#   make test  install missing Debian packages, build with sanitizers, run every test
#              (each fuzzer included, for 30 s)
#   make fuzz  build the fuzzers with clang and run each for FUZZ_SECONDS (default 600);
#              FUZZERS="playlist ruby" picks some (scripts/fuzz.sh list names them all)
.PHONY: all deps build build-dev build-release run test fuzz clean

FUZZ_SECONDS ?= 600
FUZZERS ?=

all: build

deps:
	@./scripts/install-deps.sh

build-dev: deps
	@cmake --preset dev >/dev/null
	cmake --build --preset dev

build-release: deps
	@cmake --preset release >/dev/null
	cmake --build --preset release

build: build-release

# Builds the player alone (not the tests, benches and fuzz replays of the release tree), then plays.
run: deps
	@cmake --preset release >/dev/null
	cmake --build --preset release --target keiji
	@./scripts/run.sh build/release/player/keiji

# make studio: the web console for content staff on http://127.0.0.1:8080/, its data in
# out/studio (the first start prints the administrator's password once).
.PHONY: studio
studio: deps
	@cmake --preset release >/dev/null
	cmake --build --preset release --target keiji keiji-studio
	build/release/player/keiji studio --data out/studio --listen 127.0.0.1:8080

# make bench: keiji against a Chromium kiosk showing the same slides, crossfade frame time and a
# memory soak, as one table (tests/bench/run.sh; BENCH_RUNS, BENCH_SOAK_SECONDS... in the
# environment), a film played by keiji, by ffmpeg alone and by Chromium (tests/bench/video.sh),
# how cost grows with 10 to 5,000 items (tests/bench/growth.sh), then keiji
# studio's figures (tests/bench/studio_bench.sh), and 100 screens confirming alerts
# (tests/bench/fleet_bench.sh). Its own release
# build dir; it prints figures and is not part of make test.
.PHONY: bench
bench: deps
	@cmake --preset release -B build/bench >/dev/null
	cmake --build build/bench
	./tests/bench/run.sh
	./tests/bench/video.sh
	./tests/bench/growth.sh
	./tests/bench/studio_bench.sh build/bench/player/keiji
	./tests/bench/fleet_bench.sh build/bench/player/keiji . /tmp/keiji-fleet-bench

# make soak: a simulated week of schedules, feed syncs and alert drills on the virtual clock
# (tests/bench/soak_week.sh; SOAK_DAYS, SOAK_SECONDS... in the environment). Prints memory
# figures; fails on a crash, a self-check report or content that stops advancing. Its own
# release build dir; make test runs six simulated hours of it.
.PHONY: soak
soak: deps
	@cmake --preset release -B build/soak >/dev/null
	cmake --build build/soak --target keiji
	./tests/bench/soak_week.sh build/soak/player/keiji

test: build-dev
	ctest --preset dev

fuzz: deps
	@./scripts/fuzz.sh build
	./scripts/fuzz.sh run --seconds $(FUZZ_SECONDS) $(FUZZERS)

clean:
	rm -rf build out
