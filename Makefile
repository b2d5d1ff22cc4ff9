# SPDX-License-Identifier: GPL-3.0-or-later
# Two commands for a fresh Debian 12 machine: `make run` and `make check`.

BUILD ?= build
SAMPLE ?= data/samples/leaky-heap.pb.gz

.PHONY: all deps build run check bench fuzz asan clean

all: build

deps:
	./scripts/install-deps.sh

$(BUILD)/build.ninja:
	meson setup $(BUILD)

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

# The app on a bundled sample: a heap profile of a leaking Go service.
run: build
	./$(BUILD)/app/smolder $(SAMPLE)

# Every test: unit, oracle (go tool pprof), CLI; then the engine under ASan+UBSan.
check: build
	meson test -C $(BUILD) --print-errorlogs
	$(MAKE) asan
	python3 scripts/test-summary.py $(BUILD) $(BUILD)-asan

asan: deps
	[ -f $(BUILD)-asan/build.ninja ] || meson setup $(BUILD)-asan -Db_sanitize=address,undefined -Db_lundef=false
	meson compile -C $(BUILD)-asan
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp meson test -C $(BUILD)-asan --print-errorlogs --suite unit

# The watch benchmark runs its full 10 minutes here (60 s by default).
bench: build
	SMOLDER_BENCH_WATCH_SECONDS=$${SMOLDER_BENCH_WATCH_SECONDS:-600} meson test -C $(BUILD) --benchmark --verbose

fuzz:
	SMOLDER_DEPS_FUZZ=1 ./scripts/install-deps.sh
	[ -f $(BUILD)-fuzz/build.ninja ] || CC=clang meson setup $(BUILD)-fuzz -Dfuzz=true -Db_lundef=false
	meson compile -C $(BUILD)-fuzz
	./fuzz/run-fuzz.sh $(BUILD)-fuzz $${FUZZ_SECONDS:-60}

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-fuzz
