# Zhengjian (整建) — the two commands of README.md, and their parts.
#   make run    install what is missing, build dist/zhengjian.html and dist/web/, serve dist/web/
#   make test   install what is missing, build, run every test (native, wasm under Node, browser)
#   make bench  every benchmark, native and wasm
SHELL := /bin/bash
.DEFAULT_GOAL := run
ROOT       := $(CURDIR)
TESTDATA   ?= $(abspath $(ROOT)/../shared/testdata)
JOBS       ?= $(shell nproc)
PORT       ?= 8765
export NODE_PATH := /usr/share/nodejs
EM_ENV     :=
NODE_WASM  := node --no-experimental-fetch --stack-size=4096

.PHONY: run test bench deps native wasm dist serve test-native test-wasm test-browser clean

deps:
	@bash scripts/install-deps.sh

build/native/CMakeCache.txt:
	cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release -DZJ_TESTDATA_DIR=$(TESTDATA) >/dev/null

native: deps build/native/CMakeCache.txt
	cmake --build build/native -j$(JOBS)

build/wasm/CMakeCache.txt:
	$(EM_ENV) emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release -DZJ_TESTDATA_DIR=$(TESTDATA) >/dev/null

wasm: deps build/wasm/CMakeCache.txt
	$(EM_ENV) cmake --build build/wasm -j$(JOBS)

build/font/ui.ttf: web/make_font.py
	@mkdir -p build/font
	/usr/bin/python3 web/make_font.py $@

dist: wasm build/font/ui.ttf
	node web/build.mjs --build build/wasm --font build/font/ui.ttf --out dist

run: dist
	@echo
	@echo "单文件 / single file:  $(ROOT)/dist/zhengjian.html   (file://$(ROOT)/dist/zhengjian.html)"
	@echo "网页版 / web build:    http://localhost:$(PORT)/   (serving $(ROOT)/dist/web, Ctrl+C to stop)"
	@echo
	cd dist/web && python3 -m http.server $(PORT) --bind 127.0.0.1

test-native: native
	build/native/zj_core_tests --gtest_brief=1

test-wasm: wasm
	$(NODE_WASM) build/wasm/zj_core_tests.js --gtest_brief=1

test-browser: dist
	cd tests/browser && node run.mjs

test: deps
	$(MAKE) test-native
	$(MAKE) test-wasm
	$(MAKE) test-browser

bench: native wasm
	build/native/zj_bench --benchmark_counters_tabular=true
	$(NODE_WASM) build/wasm/zj_bench.js --benchmark_counters_tabular=true

clean:
	rm -rf build dist
