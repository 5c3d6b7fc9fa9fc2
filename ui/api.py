"""The JSON API beside the web app, under /api/v1 on the same port: answers, search, whole articles, feedback and
a health check, for programs (helpdesk tools, case systems, a load balancer).

`build_api()` wires the routes to the services it is given; `ui/api_gate.py` stands in front of them (keys, rate
limit, audit log, failures) and `ui/app.launch` mounts the result in the server `netral web` starts. The answer
is the record `netral ask --json` prints (`Answer.to_json`), questions are checked by the rule every path uses
(`netral.questions.clean_question`), and feedback goes to the web app's own store. Every error is JSON of one
shape, `{"error": <code>, "message": <Indonesian text>}`; details of a failure go to the log, never to the client.
"""

from __future__ import annotations

import asyncio
import copy
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Annotated, Any, Literal, Protocol

import anyio
from fastapi import FastAPI, Query, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.security import HTTPBearer
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.backends import Generator
from assistant.retrieval import HybridSearcher
from ingest.kinds import article_label
from ingest.lock import ingest_running
from netral.config import Settings
from netral.ids import ArticleId
from netral.questions import QuestionRejected, clean_question
from netral.records import Answer, Citation, Verdict
from netral.statuses import Status, status_label
from ui.api_docs import docs_page
from ui.api_gate import SERVER_FAILURE, ApiGate, ASGIApp, error_body, note
from ui.audit import AuditLog
from ui.feedback import MAX_COMMENT_CHARS, FeedbackStore

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
# Paths inside the API that need no key: the load balancer's health check and the API's own description.
OPEN_PATHS = ("/kesehatan", "/openapi.json", "/docs")
# Earlier questions of a conversation a follow-up may come with (the assistant reads the latest one).
MAX_HISTORY = 20
MAX_HITS = 20
# Search hits carry the start of the article; the whole text is one /pasal call away.
EXCERPT_CHARS = 600
# Longest answer text accepted back with a rating: generous for an answer quoting four long provisions.
MAX_RATED_ANSWER_CHARS = 50_000
# An answer request waits this long for one of the answer slots (`Settings.answer_concurrency`) before it is
# told the server is busy: long enough for a queue of a few extractive answers, short of client timeouts.
BUSY_WAIT_S = 30.0
BUSY = "Server sedang sibuk menyusun jawaban lain. Coba lagi dalam beberapa detik."


class ApiAssistant(Protocol):
    """What the API needs from the assistant (assistant.answering.Assistant)."""

    searcher: HybridSearcher
    generator: Generator | None

    @property
    def backend(self) -> str: ...

    def answer(self, question: str, history: Sequence[str] = ()) -> Answer: ...


@dataclass
class ApiDeps:
    assistant: ApiAssistant
    feedback: FeedbackStore
    audit: AuditLog
    settings: Settings


class ApiError(Exception):
    """A refusal the client can act on: HTTP status, error code and Indonesian message."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


# --- request bodies (their field descriptions are the API's documentation) --------------------------------------


class QuestionIn(BaseModel):
    question: str = Field(description="Pertanyaan dalam bahasa Indonesia (paling banyak NETRAL_MAX_QUESTION_CHARS "
                                      "karakter, bawaan 2.000).",
                          examples=["Apakah PNS boleh menjadi anggota partai politik?"])
    history: list[str] = Field(default_factory=list, max_length=MAX_HISTORY,
                               description="Pertanyaan sebelumnya dalam percakapan yang sama, yang terlama dulu, "
                                           "agar pertanyaan lanjutan seperti \"kalau PPPK bagaimana?\" dipahami.")
    backend: str | None = Field(default=None, description="`extractive`, atau backend yang dipakai server "
                                                          "(bawaan: backend server).")


class CitationIn(BaseModel):
    id: str = ""
    doc_id: str = ""
    label: str = Field(max_length=500)
    status: Status = "tidak diketahui"
    quote: str = ""


class RatedAnswerIn(BaseModel):
    """The answer record as /jawab returned it (other fields of the record are ignored)."""

    question: str
    answer: str = Field(min_length=1, max_length=MAX_RATED_ANSWER_CHARS)
    verdict: Verdict
    citations: list[CitationIn] = Field(default_factory=list, max_length=20)
    backend: str = Field(default="", max_length=40)


class FeedbackIn(BaseModel):
    rating: Literal[1, -1] = Field(description="1 = membantu, -1 = kurang tepat.")
    comment: str = Field(default="", max_length=MAX_COMMENT_CHARS, description="Komentar (opsional).")
    answer: RatedAnswerIn = Field(description="Rekaman jawaban dari /jawab yang dinilai, apa adanya.")


# --- what the routes answer with ------------------------------------------------------------------------------


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + " …"


def search_record(searcher: HybridSearcher, query: str, k: int) -> dict[str, Any]:
    """The search result `netral search --json` prints, each hit's text cut to an excerpt."""
    record = searcher.search(query, k=k).to_json()
    for hit in record["results"]:
        hit["excerpt"] = excerpt(hit.pop("text"))
    return record


def article_record(searcher: HybridSearcher, any_id: str) -> dict[str, Any] | None:
    """A whole article (or, for a provision id, the article with that provision picked out): its text, status,
    Penjelasan, the article it amends and the articles that amend it, newest first. None when not in the index."""
    parsed = ArticleId.try_parse(any_id)
    art = searcher.article(parsed.article if parsed else any_id)
    info = searcher.info(art.doc_id) if art else None
    if art is None or info is None:
        return None
    status = searcher.status_of(art, info)
    record: dict[str, Any] = {
        "id": art.id, "doc_id": art.doc_id, "label": article_label(art, info), "document": info.long_name,
        "status": status, "status_text": status_label(status), "text": art.text,
        "penjelasan": art.penjelasan or None, "reconstructed": art.reconstructed,
        "amends": _reference(searcher, art.amends) if art.amends else None,
        # The article whose text is in force now when a later act replaced this one's.
        "in_force_version": searcher.amended_by().get(art.id),
        "amendments": [],
    }
    amendments = sorted((a for a in searcher.index.store.amendments() if a.target_id == art.id),
                        key=lambda a: a.act_year, reverse=True)
    for a in amendments:
        ref = _reference(searcher, a.article_id)
        source = searcher.article(a.article_id)
        record["amendments"].append({**ref, "year": a.act_year, "text": source.text if source else ""})
    if parsed and parsed.provision:
        provision = next((p for p in art.all_provisions() if p.path == parsed.provision), None)
        if provision is None:
            return None
        record["provision"] = {"id": str(parsed), "label": article_label(art, info, parsed.provision),
                               "text": provision.text}
    return record


def _reference(searcher: HybridSearcher, article_id: str) -> dict[str, Any]:
    art = searcher.article(article_id)
    info = searcher.info(art.doc_id) if art else None
    if art is None or info is None:  # the other act is not loaded
        return {"id": article_id, "doc_id": None, "label": None, "status": None}
    return {"id": art.id, "doc_id": art.doc_id, "label": article_label(art, info),
            "status": searcher.status_of(art, info)}


def health_record(assistant: ApiAssistant, settings: Settings) -> dict[str, Any]:
    """Ready when the index answers and holds documents and vectors; an ingest under way does not make it
    unready (answers come from the index as it was until the ingest ends)."""
    record: dict[str, Any] = {"ready": False, "status": "belum siap", "backend": assistant.backend,
                              "api": "aktif" if settings.api_keys.strip() else "nonaktif"}
    try:
        index = assistant.searcher.index
        documents, vectors = index.store.document_count(), index.vectors.count()
        busy = ingest_running(settings.index_dir, settings.database_url)
    except Exception as exc:  # a closed or locked store, a Chroma server that is down
        log.warning("health check: index unreadable: %s: %s", type(exc).__name__, exc)
        return {**record, "message": "Indeks tidak dapat dibaca; periksa folder data atau server Chroma."}
    record["index"] = {"documents": documents, "vectors": vectors, "ingest_running": busy}
    if not documents or not vectors:
        return {**record, "message": "Indeks masih kosong; jalankan `netral ingest`."}
    return {**record, "ready": True, "status": "siap", "message": "Siap menjawab."}


def choose_assistant(assistant: ApiAssistant, requested: str | None) -> ApiAssistant:
    """The assistant that answers with `requested`: the server's own backend, or `extractive` — the composed
    answer every backend starts from — from the same assistant without its generator (a copy per request, so it
    reads the searcher the assistant has now, after any reload)."""
    name = (requested or "").strip().lower()
    if not name or name == assistant.backend:
        return assistant
    if name == "extractive":
        composed = copy.copy(assistant)
        composed.generator = None
        return composed
    offered = ", ".join(dict.fromkeys(("extractive", assistant.backend)))
    raise ApiError(400, "backend_tidak_tersedia",
                   f"Backend '{name[:40]}' tidak tersedia di server ini; pilih salah satu: {offered}.")


def _clean(text: str, max_chars: int, what: str = "") -> str:
    try:
        return clean_question(text, max_chars)
    except QuestionRejected as exc:
        raise ApiError(400, "pertanyaan_tidak_sah", f"{what}{exc}") from exc


# --- the application ------------------------------------------------------------------------------------------


def build_api(deps: ApiDeps) -> ASGIApp:
    """The API as an ASGI app, gate included, to mount at API_PREFIX."""
    settings = deps.settings
    limit = settings.max_question_chars
    api = FastAPI(
        title="API Asisten Netralitas ASN", version="1",
        description="Jawaban bersitasi pasal, pencarian pasal, teks pasal, dan umpan balik untuk program. Setiap "
                    "permintaan (kecuali /kesehatan) memerlukan header `Authorization: Bearer <kunci>` dengan "
                    "kunci dari NETRAL_API_KEYS. Galat selalu berbentuk `{\"error\": kode, \"message\": pesan}`.",
        openapi_url="/openapi.json", docs_url=None, redoc_url=None,
    )
    keyed = [Security(HTTPBearer(auto_error=False, description="Kunci dari NETRAL_API_KEYS."))]
    # Answers computed at once by the API (waiting requests hold no thread); the chat has its own slots.
    slots = asyncio.Semaphore(settings.answer_concurrency(deps.assistant.backend))
    _handle_errors(api)

    @api.post("/jawab", dependencies=keyed, summary="Jawab pertanyaan dengan sitasi pasal",
              response_description="Rekaman jawaban yang sama dengan `netral ask --json`.")
    async def jawab(body: QuestionIn, request: Request) -> JSONResponse:
        note(request.scope, question=body.question)
        question = _clean(body.question, limit)
        history = [_clean(h, limit, f"Riwayat ke-{i}: ") for i, h in enumerate(body.history, start=1)]
        chosen = choose_assistant(deps.assistant, body.backend)
        note(request.scope, question=question, backend=chosen.backend)
        try:
            async with asyncio.timeout(BUSY_WAIT_S):
                await slots.acquire()
        except TimeoutError as exc:
            raise ApiError(503, "sibuk", BUSY, {"retry-after": "5"}) from exc
        try:
            ans = await anyio.to_thread.run_sync(partial(chosen.answer, question, history))
        finally:
            slots.release()
        note(request.scope, verdict=ans.verdict, cited=[c.id for c in ans.citations], backend=ans.backend)
        return JSONResponse(ans.to_json())

    @api.get("/cari", dependencies=keyed, summary="Cari pasal yang relevan (hibrida leksikal + makna)")
    def cari(request: Request,
             q: Annotated[str, Query(description="Pertanyaan atau kata kunci.")],
             k: Annotated[int, Query(ge=1, le=MAX_HITS, description="Jumlah hasil.")] = 5) -> JSONResponse:
        note(request.scope, question=q)
        query = _clean(q, limit)
        record = search_record(deps.assistant.searcher, query, k)
        note(request.scope, question=query, cited=[h["id"] for h in record["results"]])
        return JSONResponse(record)

    @api.get("/pasal/{article_id:path}", dependencies=keyed, summary="Teks utuh satu pasal",
             description="Id pasal seperti pada sitasi (`pp-94-2021/pasal-5`), atau id ketentuan di dalamnya "
                         "(`pp-94-2021/pasal-5/huruf-n`): status, penjelasan, dan perubahannya bila ada.")
    def pasal(article_id: str, request: Request) -> JSONResponse:
        note(request.scope, question=article_id)
        record = article_record(deps.assistant.searcher, article_id)
        if record is None:
            shown = article_id if len(article_id) <= 120 else article_id[:120] + "…"
            raise ApiError(404, "pasal_tidak_ditemukan",
                           f"Pasal '{shown}' tidak ditemukan di indeks. Cari id pasal dengan {API_PREFIX}/cari?q=….")
        note(request.scope, cited=[record["id"]])
        return JSONResponse(record)

    @api.post("/umpan-balik", dependencies=keyed, status_code=201, summary="Simpan penilaian atas sebuah jawaban")
    def umpan_balik(body: FeedbackIn, request: Request) -> JSONResponse:
        rated = body.answer
        note(request.scope, question=rated.question, verdict=rated.verdict, backend=rated.backend,
             cited=[c.id for c in rated.citations])
        answer = Answer(question=_clean(rated.question, limit), answer=rated.answer, verdict=rated.verdict,
                        citations=[Citation(c.id, c.doc_id, c.label, c.status, c.quote) for c in rated.citations],
                        backend=rated.backend)
        try:
            row = deps.feedback.add(answer, body.rating, body.comment, mode="api")
        except Exception as exc:
            log.exception("saving API feedback failed")
            raise ApiError(500, "gangguan_penyimpanan", "Masukan belum tersimpan karena gangguan penyimpanan; "
                                                        "silakan coba lagi.") from exc
        return JSONResponse({"id": row, "message": "Terima kasih, masukan Anda tersimpan."}, status_code=201)

    @api.get("/kesehatan", summary="Kesiapan indeks dan backend (untuk penyeimbang beban)",
             description="200 bila siap menjawab, 503 bila belum. Tanpa kunci.")
    def kesehatan() -> JSONResponse:
        record = health_record(deps.assistant, settings)
        return JSONResponse(record, status_code=200 if record["ready"] else 503)

    @api.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        return HTMLResponse(docs_page(api.openapi(), request.scope.get("root_path", "")))

    return ApiGate(api, settings, deps.audit, OPEN_PATHS)


# --- errors: every one as {"error", "message"} in Indonesian ---------------------------------------------------

# Pydantic's error types, as a person reads them; the field is named before it.
_ERROR_TEXT = {
    "missing": "wajib diisi",
    "string_type": "harus berupa teks",
    "list_type": "harus berupa daftar",
    "int_type": "harus berupa bilangan bulat",
    "int_parsing": "harus berupa bilangan bulat",
    "int_from_float": "harus berupa bilangan bulat",
    "literal_error": "harus salah satu dari: {expected}",
    "enum": "harus salah satu dari: {expected}",
    "too_long": "paling banyak {max_length} butir",
    "string_too_long": "paling banyak {max_length} karakter",
    "string_too_short": "tidak boleh kosong",
    "greater_than_equal": "paling kecil {ge}",
    "less_than_equal": "paling besar {le}",
    "model_attributes_type": "harus berupa objek JSON",
    "dict_type": "harus berupa objek JSON",
    "model_type": "harus berupa objek JSON",
}


def validation_details(errors: Sequence[Any]) -> list[dict[str, str]]:
    details = []
    for err in errors:
        kind = err.get("type", "")
        loc = [str(part) for part in err.get("loc", ()) if part not in ("body", "query", "path")]
        if kind == "json_invalid":
            details.append({"field": "", "message": "badan permintaan bukan JSON yang sah"})
            continue
        field = ".".join(loc)
        ctx = {k: str(v).replace("' or '", "', '").replace(" or ", ", ") for k, v in (err.get("ctx") or {}).items()}
        try:
            text = _ERROR_TEXT[kind].format(**ctx)
        except (KeyError, IndexError):
            text = "nilainya tidak sah"
        if not field and kind in ("model_attributes_type", "dict_type", "model_type"):
            text = "badan permintaan harus berupa objek JSON"
        details.append({"field": field, "message": text})
    return details


def _handle_errors(api: FastAPI) -> None:
    @api.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message), status_code=exc.status, headers=exc.headers)

    @api.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = validation_details(exc.errors())
        parts = [f"{d['field']} {d['message']}" if d["field"] else d["message"] for d in details]
        return JSONResponse(error_body("masukan_tidak_sah", "Permintaan tidak sah: " + "; ".join(parts) + ".",
                                       details=details), status_code=422)

    @api.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            body = error_body("alamat_tidak_dikenal", f"Alamat API tidak dikenal. Daftar alamat ada di "
                                                      f"{API_PREFIX}/docs.")
        elif exc.status_code == 405:
            body = error_body("metode_tidak_didukung", f"Metode {request.method} tidak didukung untuk alamat ini.")
        else:
            body = error_body("permintaan_ditolak", "Permintaan ditolak.")
        return JSONResponse(body, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @api.exception_handler(Exception)
    async def failure(request: Request, exc: Exception) -> JSONResponse:
        # Starlette sends this, then raises the exception on to the gate, which logs it with its traceback.
        return JSONResponse(error_body("gangguan_server", SERVER_FAILURE), status_code=500)
