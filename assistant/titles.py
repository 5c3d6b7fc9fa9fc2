"""Regulations named as an official Indonesian letter names them: the full title at the first mention
("Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil"), the short form after
("PP 94/2021"), and an amended act with its amendment at the first mention ("… sebagaimana telah diubah dengan
<full title of the amending act>", or "… sebagaimana telah beberapa kali diubah terakhir dengan <the latest>"
when several acts amended it, as Indonesian drafting practice words it).

Titles, numbers and amendments all come from the registry (corpus/registry.toml); a regulation it does not
know keeps the form it was written in. Quoted text (between “ and ”) and the titles of training materials are
never rewritten: a quote is corpus text and must stay exactly as the corpus has it.
"""

from __future__ import annotations

import re

from corpus.registry import Registry
from netral.records import DocumentInfo
from netral.regulation_types import long_name

# "… sebagaimana diubah dengan", as the labels of amended articles say it, or in any of its official wordings.
_AMENDED_BY = re.compile(r"\s+sebagaimana\s+(?:telah\s+)?(?:beberapa\s+kali\s+)?diubah\s+(?:terakhir\s+)?"
                         r"(?:dengan|oleh)\s+", re.I)
_TITLE_FOLLOWS = re.compile(r"\s+tentang\b", re.I)
_QUOTE = re.compile(r"\u201c[^\u201d]*(?:\u201d|$)")


def _flexible(text: str) -> str:
    """`text` as a regex in which any run of spaces matches any whitespace (titles wrap across lines)."""
    return r"\s+".join(re.escape(word) for word in text.split())


class Mentions:
    """Rewrites text in reading order, remembering which regulations it has already named in full.

    One instance per part of a letter that is read on its own: the body names each act in full once, and so does
    the list of cited articles, which a recipient checks separately."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self.named: set[str] = set()
        docs = [d for d in registry.documents if d.kind != "materi"]
        # Full titles first, longest first: an amending act's title contains the title of the act it amends.
        alternatives = sorted(((f"l{i}", _flexible(d.long_name), len(d.long_name)) for i, d in enumerate(docs)),
                              key=lambda a: -a[2])
        alternatives += [(f"s{i}", rf"{_flexible(d.jenis)}\s+{re.escape(d.nomor)}/{d.tahun}", 0)
                         for i, d in enumerate(docs)]
        self._index = docs
        self._pattern = re.compile(r"(?<![\w/])(?:" + "|".join(f"(?P<{name}>{rx})" for name, rx, _ in alternatives)
                                   + r")(?![\w/])", re.I)
        titles = [_flexible(t) for _, t in registry.material_titles if t.strip()]
        self._protected = re.compile("|".join([_QUOTE.pattern, *titles]))

    def rewrite(self, text: str) -> str:
        """`text` with every regulation it names in the official form; quotes and material titles untouched."""
        out: list[str] = []
        pos = 0
        for m in self._protected.finditer(text):
            out.append(self._rewrite_plain(text[pos:m.start()]))
            out.append(m.group(0))
            pos = m.end()
        out.append(self._rewrite_plain(text[pos:]))
        return "".join(out)

    def _doc(self, m: re.Match[str]) -> tuple[DocumentInfo, bool]:
        """The document a match names, and whether it was named by its full title."""
        name = m.lastgroup or ""
        return self._index[int(name[1:])], name.startswith("l")

    def _rewrite_plain(self, text: str) -> str:
        out: list[str] = []
        pos = 0
        while (m := self._pattern.search(text, pos)) is not None:
            out.append(text[pos:m.start()])
            doc, full = self._doc(m)
            pos = m.end()
            tail = _AMENDED_BY.match(text, pos)
            by = self._pattern.match(text, tail.end()) if tail else None
            if tail and by:  # the text says itself which act amended it (an amended article's label)
                by_doc, by_full = self._doc(by)
                out.append(self._name(doc, m.group(0), full, amendments=False) + " sebagaimana telah diubah dengan "
                           + self._name(by_doc, by.group(0), by_full, amendments=False))
                pos = by.end()
                continue
            title_follows = _TITLE_FOLLOWS.match(text, pos) is not None
            out.append(self._name(doc, m.group(0), full, amendments=not title_follows, bare=title_follows))
        out.append(text[pos:])
        return "".join(out)

    def _name(self, doc: DocumentInfo, written: str, full: bool, amendments: bool, bare: bool = False) -> str:
        """How to name `doc` here: as written once it was named in full, else its full title (without "tentang
        …" when the text gives the subject itself) and, with `amendments`, the acts that amended it."""
        if doc.id in self.named:
            return written
        self.named.add(doc.id)
        if full:
            name = written
        elif bare:
            name = f"{long_name(doc.jenis)} Nomor {doc.nomor} Tahun {doc.tahun}"
        else:
            name = doc.long_name
        return name + (self._amendment_clause(doc) if amendments else "")

    def _amendment_clause(self, doc: DocumentInfo) -> str:
        by = self.registry.amendments_of(doc.id)
        if not by:
            return ""
        latest = by[-1]
        self.named.add(latest.id)  # named in full here; the earlier amendments are not
        if len(by) == 1:
            return f" sebagaimana telah diubah dengan {latest.long_name}"
        return f" sebagaimana telah beberapa kali diubah terakhir dengan {latest.long_name}"


def official_names(text: str, registry: Registry) -> str:
    """`text` read on its own with every regulation named in the official form (see `Mentions`)."""
    return Mentions(registry).rewrite(text)
