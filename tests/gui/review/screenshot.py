"""Build a realistic three-coder project and save screenshots of the agreement window.

    QT_QPA_PLATFORM=offscreen python tests/gui/review/screenshot.py [docs/]

The sample article (Trump and Iran) appears as four outlets' copies of one agency story; three
coders code it from the gold coding with seeded, plausible slips: certainty one step off, an
attribution mixed up, a source type confused, a claim missed or cut short.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from annotator import commands
from annotator.core.model import ArticleRecord
from annotator.paths import resource
from annotator.project import Project

OUTLETS = ["NOS", "De Standaard", "HLN", "De Morgen"]
CERTAINTY = ["uncertain", "possible", "probable", "certain"]
SLIPS = {"anna": 0.04, "ben": 0.08, "chris": 0.14}
# how slippery each variable is, relative to a coder's slip rate: certainty is the hard one
HARD = {"attribution": 0.4, "certainty": 2.2, "type": 1.2}


def _code(rng: random.Random, gold: dict, slip: float) -> dict:
    values = {"attribution": gold["attribution"], "certainty": gold["certainty"]}
    if rng.random() < slip * HARD["certainty"]:
        i = CERTAINTY.index(values["certainty"])
        values["certainty"] = CERTAINTY[max(0, min(3, i + rng.choice((-1, 1))))]
    if rng.random() < slip * HARD["attribution"]:
        values["attribution"] = rng.choice(["direct", "indirect", "unattributed"])
    return values


def build(path: Path) -> None:
    text = resource("samples", "trump_iran_nl.txt").read_text(encoding="utf-8")
    gold = json.loads(resource("samples", "trump_iran_nl.gold.json").read_text(encoding="utf-8"))
    rng = random.Random(7)
    with Project.create(path) as proj:
        records = [ArticleRecord(text=f"{outlet} \u2014 {text}", ext_id=f"trump-iran-{i}",
                                 title=f"Trump waarschuwt Iran ({outlet})", outlet=outlet)
                   for i, outlet in enumerate(OUTLETS)]
        proj.import_records(records)
        for article in proj.articles():
            shift = len(article.title.split("(")[1].rstrip(")")) + 3
            for name, slip in SLIPS.items():
                coder = proj.ensure_coder(name).id
                sources = {}
                for k, s in enumerate(gold["sources"]):
                    kind = s["type"] if rng.random() > slip * HARD["type"] else rng.choice(
                        ["person", "institution", "news_media", "document"])
                    edit = proj.apply(commands.add_source, article.id, coder, s["start"] + shift,
                                      s["end"] + shift, kind)
                    sources[k] = edit.created("source_mention")[0]
                for c in gold["claims"]:
                    if rng.random() < slip * 0.6:
                        continue  # missed this claim
                    end = c["end"] - (rng.randint(3, 12) if rng.random() < slip else 0)
                    proj.apply(commands.add_claim, article.id, coder, c["start"] + shift,
                               end + shift, values=_code(rng, c, slip),
                               source_id=sources.get(c["source"]))
                proj.apply(commands.set_article_status, article.id, coder, "done")


def main(folder: Path) -> None:
    from annotator.gui.review import AgreementWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "trump-iran.annotator"
        build(path)
        w = AgreementWindow(path)
        w.resize(1400, 900)
        w.show()
        loop = QEventLoop()  # not app.exec/quit: quitting the app closes its windows
        w.report_ready.connect(loop.quit)
        loop.exec()
        w.overview.coefficient_view.resizeColumnsToContents()
        app.processEvents()
        w.grab().save(str(folder / "agreement-overview.png"))
        w.tabs.setCurrentWidget(w.confusion)
        w.confusion.variable.setCurrentIndex(w.confusion.variable.findData("certainty"))
        app.processEvents()
        w.grab().save(str(folder / "agreement-confusion.png"))
        w.tabs.setCurrentWidget(w.review)
        w.review.select(min(3, w.review.proxy.rowCount() - 1))
        w.take("A")
        w.review.select(min(5, w.review.proxy.rowCount() - 1))
        w.take("B")  # settled: the consensus panel shows the values taken
        app.processEvents()
        w.grab().save(str(folder / "agreement.png"))
        w.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
