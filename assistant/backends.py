"""Generative backends behind LangChain chat-model interfaces, chosen by name.

- `llamacpp`: a local GGUF through llama-cpp-python (default model: the packaged Qwen2.5 1.5B, see
  assistant/model_file.py);
- `openai`: any OpenAI-compatible endpoint (vLLM, LM Studio, a cloud service);
- `ollama`: a local Ollama server;
- `extractive` has no generator: the assistant composes the answer from the articles themselves.

Any other LangChain chat model can be plugged in with `LangChainGenerator(model, name)`.
Models are created lazily, on first use.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol

from netral.config import Settings

Message = tuple[str, str]  # (role, content) with roles "system", "human", "ai"


class Generator(Protocol):
    name: str

    def generate(self, messages: Sequence[Message]) -> str: ...

    def stream(self, messages: Sequence[Message]) -> Iterator[str]: ...


class BackendUnavailable(RuntimeError):
    """The backend cannot be used here (package or model missing, server unreachable)."""


def _content(chunk: Any) -> str:
    content = getattr(chunk, "content", chunk)
    if isinstance(content, list):  # some providers return content blocks
        return "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
    return str(content)


class LangChainGenerator:
    """Adapts any LangChain chat model (built lazily by `factory`)."""

    def __init__(self, factory: Callable[[], Any], name: str):
        self.name = name
        self._factory = factory
        self._model: Any = None
        # llama.cpp contexts are not thread-safe; one generation at a time per process.
        self._lock = threading.Lock()

    @property
    def model(self) -> Any:
        if self._model is None:
            self._model = self._factory()
        return self._model

    def generate(self, messages: Sequence[Message]) -> str:
        with self._lock:
            return _content(self.model.invoke(list(messages)))

    def stream(self, messages: Sequence[Message]) -> Iterator[str]:
        with self._lock:
            for chunk in self.model.stream(list(messages)):
                text = _content(chunk)
                if text:
                    yield text

    def close(self) -> None:
        client = getattr(self._model, "client", None)
        if client is not None and hasattr(client, "close"):
            client.close()  # llama-cpp: avoids a noisy TypeError at interpreter exit


def _llamacpp(settings: Settings) -> Generator:
    from pathlib import Path

    path = Path(settings.llm_model_path)
    if not path.exists():
        raise BackendUnavailable(
            f"model GGUF tidak ditemukan di {path}; jalankan `netral model` (atau `make model`) untuk "
            "merakitnya dari paket, atau atur NETRAL_LLM_MODEL_PATH"
        )
    try:
        import llama_cpp  # noqa: F401
    except ImportError as exc:
        raise BackendUnavailable("llama-cpp-python belum terpasang (`pip install -e '.[llm]'`)") from exc

    def factory() -> Any:
        from langchain_community.chat_models import ChatLlamaCpp

        return ChatLlamaCpp(
            model_path=str(path), n_ctx=settings.llm_context, n_threads=settings.llm_threads,
            n_batch=256, max_tokens=settings.llm_max_tokens, temperature=0.1, top_p=0.9, repeat_penalty=1.1,
            verbose=False, seed=42,
        )

    return LangChainGenerator(factory, "llamacpp")


def _openai(settings: Settings) -> Generator:
    if not settings.openai_base_url and not settings.openai_api_key:
        raise BackendUnavailable("atur NETRAL_OPENAI_BASE_URL (dan NETRAL_OPENAI_API_KEY bila perlu)")

    def factory() -> Any:
        from langchain_openai import ChatOpenAI
        from pydantic import SecretStr

        # Self-hosted servers (vLLM, llama.cpp's server, LM Studio) take the classic `max_tokens`; llama.cpp's
        # silently ignores `max_completion_tokens` and would generate up to the whole context.
        limit: dict[str, Any] = (
            {"extra_body": {"max_tokens": settings.llm_max_tokens}} if settings.openai_base_url
            else {"max_completion_tokens": settings.llm_max_tokens}
        )
        return ChatOpenAI(
            base_url=settings.openai_base_url or None, api_key=SecretStr(settings.openai_api_key or "tidak-perlu"),
            model=settings.openai_model, temperature=0.1, timeout=settings.llm_timeout, max_retries=1, **limit,
        )

    return LangChainGenerator(factory, "openai")


def _ollama(settings: Settings) -> Generator:
    def factory() -> Any:
        from langchain_ollama import ChatOllama

        return ChatOllama(base_url=settings.ollama_url, model=settings.ollama_model, temperature=0.1,
                          num_predict=settings.llm_max_tokens, client_kwargs={"timeout": settings.llm_timeout})

    return LangChainGenerator(factory, "ollama")


_FACTORIES: dict[str, Callable[[Settings], Generator]] = {
    "llamacpp": _llamacpp,
    "openai": _openai,
    "ollama": _ollama,
}
BACKENDS = ("extractive", *_FACTORIES)


def register(name: str, factory: Callable[[Settings], Generator]) -> None:
    _FACTORIES[name] = factory


def create_generator(name: str, settings: Settings) -> Generator | None:
    """None for the extractive backend; raises BackendUnavailable when the backend cannot run here."""
    if name == "extractive":
        return None
    factory = _FACTORIES.get(name)
    if factory is None:
        known = ", ".join(sorted(set(BACKENDS) | set(_FACTORIES)))
        raise BackendUnavailable(f"backend '{name}' tidak dikenal; pilihan: {known}")
    return factory(settings)


def default_backend(settings: Settings) -> str:
    """The configured backend, else `extractive`: the verdict and citations come from the plan whatever the
    backend, and the composed answer gives them in about 0.1 s where the packaged model needs several seconds
    to phrase the same plan (README, "Evaluation")."""
    return settings.backend or "extractive"
