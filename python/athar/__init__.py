"""athar: Arabic news about armed conflict → facts with provenance.

The extraction of the ``athar`` command as a Python module (no store: the build of the graph
is ``athar load`` or ``athar build``). Each article's facts carry the code-point offsets of
the characters they were read from.

    >>> import athar
    >>> art = athar.extract(text, as_of="2026-11-22")
    >>> art["figures"][0]["measure"], art["figures"][0]["value"]

Stages, as ``athar extract | resolve | write`` run them::

    arts = [athar.extract(t, name=n, as_of=d) for n, t in texts]
    table = athar.resolve(arts)               # entities across the corpus
    nq = athar.to_nquads(arts, table)         # the articles' graphs + the shared graphs

A bad input raises ``ValueError`` (or ``OSError`` for a lexicon folder) naming the problem.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, List, Optional, Union

from . import _athar
from ._athar import EntityTable, Lexicon

__all__ = [
    "Article",
    "EntityTable",
    "Lexicon",
    "extract",
    "extract_file",
    "resolve",
    "to_nquads",
    "interchange_version",
]

__version__ = _athar.__version__

interchange_version = _athar.interchange_version


class Article(dict):
    """One article's facts: a ``dict`` with ``name``, ``sha256``, ``title``, ``published``,
    ``mentions``, ``entities``, ``figures``, ``events`` and ``relations``; ``facts`` is the
    line ``athar extract`` writes for it (what ``resolve`` and ``to_nquads`` read)."""

    @property
    def facts(self) -> str:
        return self["facts"]


def _article(facts: str, view: str) -> Article:
    a = Article(json.loads(view))
    a["facts"] = facts
    return a


def extract(
    text: str,
    as_of: Optional[str] = None,
    lexicon: Optional[Lexicon] = None,
    name: str = "article.txt",
) -> Article:
    """Extracts one article given as text (read as a ``.txt`` file named ``name``).

    ``as_of`` (``YYYY-MM-DD``, default today) dates what the text leaves without a year.
    """
    if not isinstance(text, str):
        raise TypeError(f"text: expected str, got {type(text).__name__}")
    facts, view = _athar.extract_text(text, name, as_of, lexicon)
    return _article(facts, view)


def extract_file(
    path: Union[str, "os.PathLike[str]"],
    as_of: Optional[str] = None,
    lexicon: Optional[Lexicon] = None,
    max_article_bytes: int = 8 << 20,
) -> List[Article]:
    """Extracts the articles of one input file as ``athar build`` reads it (``.txt``, ``.html``
    or ``.htm``: one article; ``.jsonl``: one per line). A bad file or line raises
    ``ValueError`` naming it."""
    path = os.fspath(path)
    with open(path, "rb") as f:
        data = f.read()
    docs, errors, _note = _athar.documents(path, data, max_article_bytes)
    if errors:
        raise ValueError("; ".join(errors))
    return [_article(*_athar.extract_document(doc, as_of, lexicon)) for _, _, _, doc in docs]


def _facts(a: Union[Article, str, Dict[str, Any]]) -> str:
    if isinstance(a, str):
        return a
    if isinstance(a, dict) and isinstance(a.get("facts"), str):
        return a["facts"]
    raise TypeError("expected an Article of athar.extract or a facts line of `athar extract`")


def resolve(
    links: Iterable[Union[Article, str]],
    as_of: Optional[str] = None,
    lexicon: Optional[Lexicon] = None,
) -> EntityTable:
    """Resolves the entities of a corpus: one node per real-world thing across its articles,
    and its incidents. Takes the articles of ``extract`` or facts lines (each article once)."""
    return _athar.resolve([_facts(a) for a in links], as_of, lexicon)


def to_nquads(
    articles: Iterable[Union[Article, str]],
    table: EntityTable,
    shared: bool = True,
) -> str:
    """The articles' graphs under the corpus's entity table as N-Quads, with the graphs no
    article owns (entity descriptions, gazetteer, ontology) unless ``shared=False``; lines
    sorted and without repeats, as ``athar export --format graph.nq`` writes the same dataset."""
    parts = [table.article_nquads(_facts(a)) for a in articles]
    if shared:
        parts.append(table.shared_nquads())
    lines = sorted(set(l for p in parts for l in p.splitlines(keepends=True)))
    return "".join(lines)
