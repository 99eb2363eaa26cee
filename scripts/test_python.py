#!/usr/bin/env python3
"""The Python module against the binary: for every seed article, `athar.extract_file` and
`athar.extract` give the facts line `athar extract` writes, byte for byte; `resolve` +
`to_nquads` give the committed exports/graph.nq; bad input raises Python exceptions that name
the problem; the README's example runs as written.

Usage: scripts/test_python.py ATHAR_BINARY
"""

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-22"


def raises(exc, fn, *words):
    try:
        fn()
    except exc as e:
        msg = str(e)
        for w in words:
            assert w in msg, f"{exc.__name__} «{msg}» does not say «{w}»"
        return msg
    except Exception as e:  # a panic surfaces as pyo3's PanicException (BaseException)
        raise AssertionError(f"expected {exc.__name__}, got {type(e).__name__}: {e}")
    raise AssertionError(f"expected {exc.__name__}")


def main():
    binary = sys.argv[1]
    import athar

    seeds = sorted((ROOT / "tests/data/seeds").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        facts = tmp / "facts.jsonl"
        subprocess.run(
            [binary, "extract", str(ROOT / "tests/data/seeds"), "--out", str(facts), "--as-of", AS_OF],
            check=True, capture_output=True,
        )
        lines = facts.read_text(encoding="utf-8").splitlines()
        assert len(lines) == len(seeds) == 5
        arts = []
        for path, line in zip(seeds, lines):
            [a] = athar.extract_file(path, as_of=AS_OF)
            assert a.facts == line, f"{path.name}: extract_file differs from `athar extract`"
            text = path.read_bytes().decode("utf-8")
            b = athar.extract(text, as_of=AS_OF, name=path.name)
            assert b.facts == line, f"{path.name}: extract differs from `athar extract`"
            assert b == a
            # the view's offsets index the text's code points
            for m in a["mentions"]:
                assert text[m["start"]:m["end"]] == m["text"], m
            for f in a["figures"]:
                assert text[f["start"]:f["end"]] == f["text"], f
            keys = {e["key"] for e in a["entities"]}
            for f in a["figures"]:
                for r in ("group", "about", "reported_by"):
                    assert f[r] is None or f[r] in keys, (r, f)
            arts.append(a)
        assert sum(len(a["figures"]) for a in arts) > 20
        assert sum(len(a["events"]) for a in arts) > 20
        assert sum(len(a["relations"]) for a in arts) > 10

        # the stages in Python give the committed dataset
        table = athar.resolve(arts, as_of=AS_OF)
        assert table.articles == 5 and table.incidents >= 1
        nq = athar.to_nquads(arts, table)
        assert nq == (ROOT / "exports/graph.nq").read_text(encoding="utf-8"), \
            "to_nquads differs from exports/graph.nq"
        again = athar.EntityTable.from_json(table.to_json())
        assert again.to_json() == table.to_json()
        # `athar resolve` writes the same table
        ent = tmp / "entities.json"
        subprocess.run([binary, "resolve", str(facts), "--out", str(ent)], check=True, capture_output=True)
        assert ent.read_text(encoding="utf-8").rstrip("\n") == table.to_json()

        # bad input: exceptions that name the problem
        raises(ValueError, lambda: athar.extract("  \n ", as_of=AS_OF), "empty article")
        raises(ValueError, lambda: athar.extract("نص", as_of="22/11/2026"), "as_of", "YYYY-MM-DD")
        raises(ValueError, lambda: athar.extract("نص", name="a/b.txt"), "name")
        raises(TypeError, lambda: athar.extract(b"bytes"), "text")
        raises(TypeError, lambda: athar.resolve([42]), "Article")
        raises(ValueError, lambda: athar.resolve([]), "no article")
        raises(ValueError, lambda: athar.resolve([arts[0], arts[0]]), "same article name")
        raises(ValueError, lambda: athar.resolve(["{not json"]), "links[0]")
        other = athar.extract(seeds[1].read_text(encoding="utf-8"), as_of="2025-01-01", name="x.txt")
        raises(ValueError, lambda: athar.resolve([arts[0], other]), "links[1]", "--as-of")
        small = athar.resolve(arts[:1], as_of=AS_OF)
        raises(ValueError, lambda: athar.to_nquads(arts[1:2], small), "not among the facts")
        raises(ValueError, lambda: athar.EntityTable.from_json("[]"), "entity table")
        bad = tmp / "bad.jsonl"
        bad.write_text('{"text": "نص عربي"}\n{"txt": 1}\n', encoding="utf-8")
        raises(ValueError, lambda: athar.extract_file(bad, as_of=AS_OF), "bad.jsonl:2")
        binary_file = tmp / "b.txt"
        binary_file.write_bytes(b"\x00\x01")
        raises(ValueError, lambda: athar.extract_file(binary_file), "b.txt", "binary")
        raises(OSError, lambda: athar.Lexicon(tmp / "none"), "none")
        lex = tmp / "lexicon"
        shutil.copytree(ROOT / "ontology/lexicon", lex)
        with open(lex / "titles.tsv", "a", encoding="utf-8") as f:
            f.write("وزير\tno-such-role\n")
        raises(ValueError, lambda: athar.Lexicon(lex), "titles.tsv")
        # the shipped folder is the built-in lexicon; facts of another lexicon are refused
        assert athar.Lexicon(ROOT / "ontology/lexicon").digest == athar.Lexicon().digest
        other_lex = tmp / "lexicon2"
        shutil.copytree(ROOT / "ontology/lexicon", other_lex)
        with open(other_lex / "stopwords.tsv", "a", encoding="utf-8") as f:
            f.write("# a comment changes the digest\n")
        raises(ValueError, lambda: athar.resolve(arts, lexicon=athar.Lexicon(other_lex)), "lexicon")

        # the README's example, as written
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        m = re.search(r"<!-- python-example -->\s*```python\n(.*?)```", readme, re.S)
        assert m, "README has no python example"
        cwd = os.getcwd()
        os.chdir(ROOT)
        try:
            ns = {}
            with contextlib.redirect_stdout(io.StringIO()) as printed:
                exec(compile(m.group(1), "README.md", "exec"), ns)
            assert "article" in printed.getvalue()
        finally:
            os.chdir(cwd)
        assert len(ns["figures"]) == sum(len(a["figures"]) for a in arts)
    print(f"python: extract = athar extract on {len(seeds)} seed articles; to_nquads = "
          f"exports/graph.nq; bad input raises named exceptions; README example runs")


if __name__ == "__main__":
    main()
