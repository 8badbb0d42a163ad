# Zhengjian (整建) — the two commands of README.md, and their parts.
#   make run    install what is missing, build dist/zhengjian.html and dist/web/, serve dist/web/
#   make test   install what is missing, build, run every test (native, wasm under Node, AddressSanitizer +
#               UndefinedBehaviorSanitizer, browser)
#   make bench  every benchmark: native, wasm under Node, and the browser benchmark (bench/browser/bench.mjs)
#   make fuzz   every fuzz target of tests/fuzz for FUZZ_SECONDS each (clang, libFuzzer + ASan + UBSan)
SHELL := /bin/bash
.DEFAULT_GOAL := run
ROOT       := $(CURDIR)
JOBS       ?= $(shell nproc)
PORT       ?= 8765
# Several builds can share a checkout (e.g. parallel work): make BUILD=build/x DIST=dist-x test
BUILD      ?= build
DIST       ?= dist
# The rosters the tests import, written by tests/data/make_rosters.py (synthetic people, deterministic).
TESTDATA   := $(abspath $(BUILD)/testdata)
ROSTERS    := $(addprefix $(TESTDATA)/,roster-utf8-bom.csv roster-gbk.csv roster-messy.csv)
# The same rosters as workbooks, written by LibreOffice (tests/data/make_workbooks.py).
WORKBOOKS  := $(addprefix $(TESTDATA)/,roster-export.xlsx roster-export.xls roster-clean.xlsx roster-idnum.xlsx roster-empty.xlsx)
export ZJ_TESTDATA_DIR := $(TESTDATA)
# Warnings in the project's own code (core/, shell/, tests/, bench/) are errors; third-party code is never
# held to it. `make WERROR=OFF ...` for a compiler newer than Debian 12's.
WERROR     ?= ON
CMAKE_OPTS := -DZJ_TESTDATA_DIR=$(TESTDATA) -DZJ_WERROR=$(WERROR)
# make test-asan: core and UI tests with AddressSanitizer + UndefinedBehaviorSanitizer, stopping at the first
# finding. -O1 keeps the run fast; -g1 gives file:line in reports. g++ 12's -Wmaybe-uninitialized misfires on
# instrumented code (std::function inside <regex>); the Release builds keep that warning as an error.
ASAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -O1 -g1 -Wno-maybe-uninitialized
ASAN_ENV   := ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1 \
              UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ZJ_DIST := $(abspath $(DIST))
export NODE_PATH := /usr/share/nodejs
EM_ENV     :=
NODE_WASM  := node --no-experimental-fetch --stack-size=4096
# Fuzzing (tests/fuzz/README.md): `make fuzz` runs each target FUZZ_SECONDS, `make test` a short pass of
# FUZZ_SHORT_SECONDS each with a fixed seed (the same inputs on every machine). FUZZ_TARGETS empty = all. One
# target at a time, on one core, under nice.
FUZZ_SECONDS       ?= 300
FUZZ_SHORT_SECONDS ?= 20
FUZZ_TARGETS       ?=

.PHONY: run test bench deps native wasm app dist serve testdata test-native test-wasm test-asan test-browser test-engines clean fuzz fuzz-build test-fuzz

deps:
	@bash scripts/install-deps.sh

# The configure steps rerun when the Makefile changes (its options may have), keeping the build's files.
$(BUILD)/native/CMakeCache.txt: Makefile
	cmake -S . -B $(BUILD)/native -DCMAKE_BUILD_TYPE=Release $(CMAKE_OPTS) >/dev/null
	@touch $@

native: deps $(BUILD)/native/CMakeCache.txt
	cmake --build $(BUILD)/native -j$(JOBS)

$(BUILD)/wasm/CMakeCache.txt: Makefile
	$(EM_ENV) emcmake cmake -S . -B $(BUILD)/wasm -DCMAKE_BUILD_TYPE=Release $(CMAKE_OPTS) >/dev/null
	@touch $@

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

$(ROSTERS) &: tests/data/make_rosters.py
	/usr/bin/python3 tests/data/make_rosters.py $(TESTDATA)

$(WORKBOOKS) &: $(ROSTERS) tests/data/make_workbooks.py
	/usr/bin/python3 tests/data/make_workbooks.py $(TESTDATA)

testdata: $(ROSTERS) $(WORKBOOKS)

# Core and UI tests run in a random order (every UI test's App starts each screen afresh); the seed is printed
# first, `make test-native SEED=N` repeats an order.
ifeq ($(origin SEED),undefined)
SEED           := $(shell echo $$((RANDOM % 99999 + 1)))
endif
CORE_TEST_ARGS := --gtest_brief=1 --gtest_shuffle --gtest_random_seed=$(SEED)

test-native: native testdata
	@echo "core and UI tests in random order: SEED=$(SEED)"
	$(BUILD)/native/zj_core_tests $(CORE_TEST_ARGS)
	if [ -x $(BUILD)/native/zj_ui_tests ]; then $(BUILD)/native/zj_ui_tests $(CORE_TEST_ARGS); fi

test-wasm: wasm testdata
	@echo "core tests in random order: SEED=$(SEED)"
	$(NODE_WASM) $(BUILD)/wasm/zj_core_tests.js $(CORE_TEST_ARGS)

$(BUILD)/asan/CMakeCache.txt: Makefile
	cmake -S . -B $(BUILD)/asan -DCMAKE_BUILD_TYPE=Debug $(CMAKE_OPTS) \
	  -DCMAKE_C_FLAGS="$(ASAN_FLAGS)" -DCMAKE_CXX_FLAGS="$(ASAN_FLAGS)" \
	  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
	@touch $@

# Core and UI tests built natively with AddressSanitizer + UndefinedBehaviorSanitizer (build/asan).
test-asan: deps testdata $(BUILD)/asan/CMakeCache.txt
	cmake --build $(BUILD)/asan -j$(JOBS) --target zj_core_tests zj_ui_tests
	@echo "core tests in random order: SEED=$(SEED)"
	$(ASAN_ENV) $(BUILD)/asan/zj_core_tests $(CORE_TEST_ARGS)
	$(ASAN_ENV) $(BUILD)/asan/zj_ui_tests $(CORE_TEST_ARGS)

test-browser: dist testdata
	cd tests/browser && node run.mjs

# The same built files in WebKitGTK (MiniBrowser through WebKitWebDriver) and Firefox ESR (WebDriver BiDi), under a
# virtual X display (headed Firefox: headless has no WebGL here); results per engine (tests/browser/engines).
test-engines: dist
	cd tests/browser && ZJ_DIST=$(abspath $(DIST)) xvfb-run -a -s "-screen 0 1600x2600x24" node engines/run.mjs

# The fuzz targets: their own CMake project built with Debian's clang (the main build is g++ and em++).
$(BUILD)/fuzz/CMakeCache.txt:
	cmake -S tests/fuzz -B $(BUILD)/fuzz -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null

fuzz-build: deps $(BUILD)/fuzz/CMakeCache.txt
	cmake --build $(BUILD)/fuzz -j$(JOBS)

fuzz: fuzz-build testdata
	TESTDATA=$(TESTDATA) tests/fuzz/run.sh $(BUILD)/fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

test-fuzz: fuzz-build testdata
	TESTDATA=$(TESTDATA) FUZZ_SEED=1 tests/fuzz/run.sh $(BUILD)/fuzz $(FUZZ_SHORT_SECONDS) $(FUZZ_TARGETS)

test: deps
	$(MAKE) test-native
	$(MAKE) test-wasm
	$(MAKE) test-asan
	$(MAKE) test-fuzz
	$(MAKE) test-browser
	$(MAKE) test-engines

bench: native wasm dist
	$(BUILD)/native/zj_bench --benchmark_counters_tabular=true
	$(NODE_WASM) $(BUILD)/wasm/zj_bench.js --benchmark_counters_tabular=true
	node bench/browser/bench.mjs

clean:
	rm -rf $(BUILD) $(DIST)
