"""The JSON API's documentation page, rendered on the server from its OpenAPI document.

FastAPI's own docs page loads Swagger UI from a CDN; this one is plain HTML with nothing to fetch, so it works
on an offline desk and tells no third party who reads it (the web app follows the same rule for its fonts).
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:920px;margin:2em auto;padding:0 1em;
color:#1e293b}
h1{font-size:1.5em}h2{font-size:1.1em;margin-top:2em;border-top:1px solid #cbd5e1;padding-top:1em}
code,pre{font-family:ui-monospace,Consolas,monospace;background:#f1f5f9;border-radius:4px}
pre{padding:.8em;overflow-x:auto}code{padding:0 .25em}
.m{display:inline-block;min-width:3.5em;font-weight:600;color:#0f766e}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #cbd5e1;padding:.25em .6em;text-align:left}
"""


def _example(schema: dict[str, Any], components: dict[str, Any]) -> Any:
    """A request body example built from the schema's first examples and defaults."""
    if "$ref" in schema:
        return _example(components.get(schema["$ref"].rsplit("/", 1)[-1], {}), components)
    if schema.get("examples"):
        return schema["examples"][0]
    if "default" in schema:
        return schema["default"]
    if "anyOf" in schema:
        return _example(schema["anyOf"][0], components)
    if schema.get("type") == "object":
        return {name: _example(sub, components) for name, sub in schema.get("properties", {}).items()}
    if schema.get("type") == "array":
        return []
    if "enum" in schema or "const" in schema:
        return (schema.get("enum") or [schema.get("const")])[0]
    return {"string": "…", "integer": 1, "number": 1.0, "boolean": True}.get(str(schema.get("type")), None)


def docs_page(openapi: dict[str, Any], root_path: str = "") -> str:
    components = openapi.get("components", {}).get("schemas", {})
    info = openapi.get("info", {})
    parts = [f"<!doctype html><html lang='id'><head><meta charset='utf-8'><title>{escape(info.get('title', ''))}"
             f"</title><style>{STYLE}</style></head><body>",
             f"<h1>{escape(info.get('title', ''))}</h1><p>{escape(info.get('description', ''))}</p>",
             f"<p>Dokumen OpenAPI: <a href='{escape(root_path)}/openapi.json'><code>{escape(root_path)}/openapi.json"
             "</code></a></p>"]
    for path, methods in openapi.get("paths", {}).items():
        for method, op in methods.items():
            parts.append(f"<h2><span class='m'>{escape(method.upper())}</span> <code>{escape(root_path + path)}"
                         f"</code></h2><p><b>{escape(op.get('summary', ''))}</b></p>")
            if op.get("description"):
                parts.append(f"<p>{escape(op['description'])}</p>")
            params = op.get("parameters", [])
            if params:
                rows = "".join(
                    f"<tr><td><code>{escape(p['name'])}</code></td><td>{escape(p.get('in', ''))}</td>"
                    f"<td>{'wajib' if p.get('required') else 'opsional'}</td>"
                    f"<td>{escape(p.get('description') or p.get('schema', {}).get('description', ''))}</td></tr>"
                    for p in params)
                parts.append(f"<table><tr><th>parameter</th><th>di</th><th></th><th>keterangan</th></tr>{rows}</table>")
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if body:
                example = json.dumps(_example(body, components), ensure_ascii=False, indent=2)
                parts.append(f"<p>Badan permintaan (JSON), contoh:</p><pre>{escape(example)}</pre>")
            responses = op.get("responses", {})
            if responses:
                items = "".join(f"<li><code>{escape(code)}</code> {escape(r.get('description', ''))}</li>"
                                for code, r in responses.items())
                parts.append(f"<ul>{items}</ul>")
            if op.get("security"):
                parts.append("<p>Memerlukan <code>Authorization: Bearer &lt;kunci&gt;</code>.</p>")
    parts.append("</body></html>")
    return "".join(parts)
