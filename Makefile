# Thin wrapper around CMake. `make` builds and compiles the bundled ladders
# into out/; `make test` runs every test through ctest; `make install
# PREFIX=DIR` installs under DIR (DESTDIR respected); `make package` builds a
# Debian package into $(BUILD)/package/.
BUILD   ?= build
CMAKE_FLAGS ?=
# The CMAKE_FLAGS a build directory was configured with. A directory made with
# other flags is configured afresh, never reused as it is: `make test` after
# `make test CMAKE_FLAGS=-DLADDERC_SANITIZE=ON` must not test the sanitizer build.
FLAGS_FILE := $(BUILD)/.make-flags
WANTED_FLAGS := $(strip $(CMAKE_FLAGS))
STORED_FLAGS := $(strip $(shell cat '$(FLAGS_FILE)' 2>/dev/null))
LADDERC := $(BUILD)/ladderc
DEPS_HEADERS := /usr/include/yaml.h /usr/include/cmocka.h
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
PREFIX ?= /usr/local

.PHONY: all deps configure build ladders test asan bench install package clean

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

# Runs cmake only when BUILD has no cache, or was configured with other flags,
# or by hand (its flags unknown). Configuring afresh drops the old cache, so an
# option set before and not given now goes back to its default.
ifeq ($(wildcard $(BUILD)/CMakeCache.txt),)
CONFIGURE := yes
else ifeq ($(wildcard $(FLAGS_FILE)),)
CONFIGURE := yes
CONFIGURE_AFRESH := $(BUILD) was configured without make (its flags unknown)
else ifneq ($(STORED_FLAGS),$(WANTED_FLAGS))
CONFIGURE := yes
CONFIGURE_AFRESH := $(BUILD) was configured with CMAKE_FLAGS='$(STORED_FLAGS)', not '$(WANTED_FLAGS)'
endif

configure: deps
ifeq ($(CONFIGURE),yes)
	$(if $(CONFIGURE_AFRESH),$(info make: $(CONFIGURE_AFRESH): configuring it afresh))
	rm -f $(BUILD)/CMakeCache.txt $(FLAGS_FILE)
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)
	@printf '%s\n' '$(subst ','\'',$(WANTED_FLAGS))' >$(FLAGS_FILE)
endif

build: configure
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

# Everything cmake/install.cmake names, under PREFIX (and DESTDIR, if set,
# as staging in front of it).
install: build
	DESTDIR='$(DESTDIR)' cmake --install $(BUILD) --prefix '$(PREFIX)'

# The .deb of what `install` installs, under /usr (cmake/package.cmake).
package: build
	cd $(BUILD) && cpack -G DEB
	@ls $(BUILD)/package/*.deb

bench: build
	@bench/run.sh $(BUILD)
	@bench/import.sh $(BUILD)
	@bench/assess.sh $(BUILD)

clean:
	rm -rf $(BUILD) out
