# Thin wrapper around CMake. `make` builds and compiles the bundled ladders
# into out/; `make test` runs every test through ctest.
BUILD   ?= build
CMAKE_FLAGS ?=
LADDERC := $(BUILD)/ladderc
DEPS_HEADERS := /usr/include/yaml.h /usr/include/cmocka.h
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build ladders test asan bench clean

all: ladders

deps:
	@missing=""; \
	[ -f /usr/include/yaml.h ] || missing="$$missing libyaml-dev"; \
	[ -f /usr/include/cmocka.h ] || missing="$$missing libcmocka-dev"; \
	command -v cmake >/dev/null 2>&1 || missing="$$missing cmake"; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing build dependencies:$$missing"; \
	    echo "run: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

ladders: build
	@set -e; for f in ladders/*.yaml ladders/*/ladder.yaml; do \
	  [ -f "$$f" ] || continue; \
	  name=$$(basename "$$f" .yaml); [ "$$name" = ladder ] && name=$$(basename $$(dirname "$$f")); \
	  $(LADDERC) build -o out/$$name "$$f"; \
	  echo "compiled $$f -> out/$$name/ (open out/$$name/index.html)"; \
	done

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	@bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) out
