# Thin entry points. CMake presets do the real work (CMakePresets.json).
#   make run   install missing Debian packages, build, play the bundled playlists
#   make test  install missing Debian packages, build with sanitizers, run every test
.PHONY: all deps build build-dev build-release run test clean

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

run: build-release
	@./scripts/run.sh build/release/player/keiji

test: build-dev
	ctest --preset dev

clean:
	rm -rf build out
