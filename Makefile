# corrob: the two commands of the README are `make demo` and `make test`.
# CMake does the building; this file only names the jobs.
BUILD     ?= build
ASAN      ?= build-asan
FUZZBUILD ?= build-fuzz
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
CORROB     = $(BUILD)/corrob
SHARED    ?= ../shared
FUZZ_SECONDS ?= 60
PREFIX    ?= /usr/local

.PHONY: all deps build asan test test-fast demo bench model fuzz fault install clean

all: build

deps:
	@sh scripts/setup-deps

$(BUILD)/Makefile: CMakeLists.txt
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

build: deps $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS)

asan: deps
	cmake -S . -B $(ASAN) -DCMAKE_BUILD_TYPE=Debug -DCORROB_SANITIZE=ON >/dev/null
	cmake --build $(ASAN) -j $(JOBS)

# The suite runs twice: a normal build, then under ASan and UBSan.
test: build asan
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	cd $(ASAN) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
		ctest --output-on-failure -j $(JOBS)

test-fast: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

demo: build
	@rm -f examples/corrob.db
	$(CORROB) --db examples/corrob.db run examples/mizintsev --out examples/report.md --json examples/report.json
	$(CORROB) -q --db examples/corrob.db report --format html --out examples/report.html
	@echo "dossier: examples/report.html"

bench: build
	@SHARED=$(SHARED) BUILD=$(BUILD) sh bench/run-all

# the program, library, header, pkg-config file and man page under
# $(DESTDIR)$(PREFIX): make install PREFIX=/usr DESTDIR=/tmp/stage
install: build
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD) --prefix "$(PREFIX)"

model: build
	$(BUILD)/train-ner $(or $(TRAIN),$(SHARED)/data/conll2003/eng.train) data/model/ner.bin

# fault injection with a larger sample of failing allocations than the test run's
FAULT_MALLOC_STEPS ?= 2000
fault: build
	CORROB_BIN=$(BUILD)/corrob CORROB_SOURCE_DIR=. CORROB_INJECT=$(BUILD)/libcorrob_inject.so \
		FAULT_MALLOC_STEPS=$(FAULT_MALLOC_STEPS) sh tests/fault_injection.sh

fuzz:
	@CORROB_WITH_CLANG=1 sh scripts/setup-deps
	CC=clang CXX=clang++ cmake -S . -B $(FUZZBUILD) -DCMAKE_BUILD_TYPE=Debug -DCORROB_SANITIZE=ON -DCORROB_FUZZ=ON >/dev/null
	cmake --build $(FUZZBUILD) -j $(JOBS)
	@FUZZBUILD=$(FUZZBUILD) FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run-all

clean:
	rm -rf $(BUILD) $(ASAN) $(FUZZBUILD)
