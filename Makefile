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
# Several builds can share a checkout (e.g. parallel work): make BUILD=build/x DIST=dist-x test
BUILD      ?= build
DIST       ?= dist
export ZJ_DIST := $(abspath $(DIST))
export NODE_PATH := /usr/share/nodejs
EM_ENV     :=
NODE_WASM  := node --no-experimental-fetch --stack-size=4096

.PHONY: run test bench deps native wasm app dist serve test-native test-wasm test-browser clean

deps:
	@bash scripts/install-deps.sh

$(BUILD)/native/CMakeCache.txt:
	cmake -S . -B $(BUILD)/native -DCMAKE_BUILD_TYPE=Release -DZJ_TESTDATA_DIR=$(TESTDATA) >/dev/null

native: deps $(BUILD)/native/CMakeCache.txt
	cmake --build $(BUILD)/native -j$(JOBS)

$(BUILD)/wasm/CMakeCache.txt:
	$(EM_ENV) emcmake cmake -S . -B $(BUILD)/wasm -DCMAKE_BUILD_TYPE=Release -DZJ_TESTDATA_DIR=$(TESTDATA) >/dev/null

wasm: deps $(BUILD)/wasm/CMakeCache.txt
	$(EM_ENV) cmake --build $(BUILD)/wasm -j$(JOBS)

$(BUILD)/font/ui.ttf: web/make_font.py
	@mkdir -p $(BUILD)/font
	/usr/bin/python3 web/make_font.py $@

# The app alone (no test binaries): what dist needs.
app: deps $(BUILD)/wasm/CMakeCache.txt
	$(EM_ENV) cmake --build $(BUILD)/wasm -j$(JOBS) --target zhengjian

dist: app $(BUILD)/font/ui.ttf
	node web/build.mjs --build $(BUILD)/wasm --font $(BUILD)/font/ui.ttf --out $(DIST)

run: dist
	@echo
	@echo "单文件 / single file:  $(abspath $(DIST))/zhengjian.html   (file://$(abspath $(DIST))/zhengjian.html)"
	@echo "网页版 / web build:    http://localhost:$(PORT)/   (serving $(abspath $(DIST))/web, Ctrl+C to stop)"
	@echo
	cd $(DIST)/web && python3 -m http.server $(PORT) --bind 127.0.0.1

# The UI tests run in a random order each time (every test's App starts each screen afresh). The seed is printed;
# UI_SEED=N repeats an order.
ifndef UI_SEED
UI_SEED := $(shell echo $$((RANDOM % 99999 + 1)))
endif
test-native: native
	$(BUILD)/native/zj_core_tests --gtest_brief=1
	if [ -x $(BUILD)/native/zj_ui_tests ]; then echo "UI tests in random order: UI_SEED=$(UI_SEED)"; \
	  $(BUILD)/native/zj_ui_tests --gtest_brief=1 --gtest_shuffle --gtest_random_seed=$(UI_SEED); fi

test-wasm: wasm
	$(NODE_WASM) $(BUILD)/wasm/zj_core_tests.js --gtest_brief=1

test-browser: dist
	cd tests/browser && node run.mjs

test: deps
	$(MAKE) test-native
	$(MAKE) test-wasm
	$(MAKE) test-browser

bench: native wasm
	$(BUILD)/native/zj_bench --benchmark_counters_tabular=true
	$(NODE_WASM) $(BUILD)/wasm/zj_bench.js --benchmark_counters_tabular=true

clean:
	rm -rf $(BUILD) $(DIST)
