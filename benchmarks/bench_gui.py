"""How fast the coding window shows a long article with many highlights (offscreen).

Opens a 50,000-character article with 2,000 highlights (suggested sources, cues and claims)
in the real window and prints, from the same run:
- the text view alone: setPlainText of the same text (the floor), and the view showing it
  with its highlights, and their ratio (goal: under 200 ms and within 4x). Blocks are
  formatted as they come on screen, so a scroll through the whole article is timed too;
- the whole article load (database reads, claims table, list) for context;
- moving to the next claim and accepting a suggestion (goal: each under 50 ms).

Run: python benchmarks/bench_gui.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SENTENCE = ("de minister zegt dat het kabinet volgende week een besluit neemt over de nieuwe "
            "regels volgens ingewijden zou het plan al klaar zijn maar de oppositie ontkent "
            "dat er overleg is geweest aldus een woordvoerder van het ministerie")
WORDS = SENTENCE.split(" ")


def make_text(n_chars: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    paras, size = [], 0
    while size < n_chars:
        para = " ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 110))) + "."
        paras.append(para.capitalize())
        size += len(para) + 2
    return "\n\n".join(paras)[:n_chars]


def make_payload(text: str, n_marks: int) -> dict:
    """n_marks spans in triples: source, cue, claim (the claim linked to both)."""
    sources, cues, claims = [], [], []
    step = len(text) // (n_marks // 3 + 1)
    types = ("person", "institution", "news_media", "social_media", "anonymous", "document")
    for i in range(n_marks // 3 + (1 if n_marks % 3 else 0)):
        base = i * step
        sources.append({"start": base, "end": base + 8, "type": types[i % len(types)]})
        cues.append({"start": base + 9, "end": base + 14})
        claims.append({"start": base + 15, "end": base + step - 2, "source": i, "cue": i,
                       "attribution": "indirect", "certainty": "possible"})
    extra = len(sources) * 3 - n_marks
    return {"sources": sources, "cues": cues, "claims": claims[:len(claims) - extra]}


def timed(fn, app, repeat: int = 5) -> float:
    """Median ms of fn() followed by a full repaint."""
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        app.processEvents()
        out.append((time.perf_counter() - t) * 1000)
    return statistics.median(out)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from annotator.core.model import ArticleRecord
    from annotator.gui.article_view import ArticleView
    from annotator.gui.main_window import MainWindow
    from annotator.project import Project

    app = QApplication.instance() or QApplication(sys.argv[:1])
    text = make_text(50_000)
    payload = make_payload(text, 2_000)
    n = sum(len(payload[k]) for k in ("sources", "cues", "claims"))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp  # keep the benchmark's settings out of the home
        path = Path(tmp) / "bench.annotator"
        with Project.create(path) as p:
            p.import_records([ArticleRecord(text=text, ext_id="long", title="Long article"),
                              ArticleRecord(text="Kort artikel.", ext_id="short", title="Short")])
            aid = p.articles()[0].id
            p.save_suggestions(aid, payload, "bench")
        window = MainWindow()
        window.resize(1400, 900)
        window.show()
        window.open_project(path, coder="bench")
        session = window.session
        session.load_article(aid)
        state = session.state
        app.processEvents()

        plain = ArticleView()
        plain.resize(window.view.size())
        plain.show()

        def show_plain() -> None:
            plain.setPlainText(text)
            plain.viewport().repaint()

        def show_marked() -> None:
            window.view.show_state(state)
            window.view.viewport().repaint()

        floor = timed(show_plain, app)
        marked = timed(show_marked, app)
        bar = window.view.verticalScrollBar()

        def scroll_through() -> None:  # every block formatted once, as a reader scrolls
            window.view.show_state(state)
            for value in range(0, bar.maximum() + 1, max(1, bar.pageStep())):
                bar.setValue(value)
                window.view.viewport().repaint()

        scrolled = timed(scroll_through, app, repeat=3)
        full = timed(lambda: session.load_article(aid), app)
        session.step_focus(1)
        nxt = timed(lambda: session.step_focus(1), app, repeat=20)
        accept = timed(session.accept, app, repeat=20)
        ok_accept = not window.last_error
        window.close()
        plain.close()
    print(f"article: {len(text):,} characters, {n:,} highlights, {len(state.rows)} claim rows")
    print(f"setPlainText alone (floor):        {floor:7.1f} ms")
    print(f"text view with its highlights:     {marked:7.1f} ms  ratio {marked / floor:.2f}x "
          f"(goal < 200 ms and < 4x)")
    print(f"open and scroll page by page to the end: {scrolled:5.1f} ms (all blocks formatted)")
    print(f"whole article load (db+table+view): {full:7.1f} ms  ratio {full / floor:.2f}x")
    print(f"next claim (J):                    {nxt:7.1f} ms  (goal < 50 ms)")
    print(f"accept suggestion (A), saved:      {accept:7.1f} ms  (goal < 50 ms)"
          f"{'' if ok_accept else '  WRITE FAILED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
