"""Unit precision, recall and F1 of the machine's sources, cues and claims against a reference
coder, matched exactly as `annotator evaluate` matches suggestions to gold."""

from __future__ import annotations

from typing import Any

from annotator.nlp.evaluate import Tally, score_article
from annotator.project import Project

KINDS = (("sources", "source"), ("cues", "cue"), ("claims", "claim"))
ACCURACIES = ("type_acc", "attribution_acc", "certainty_acc", "link_acc")


def coding(proj: Project, article_id: int, coder_id: int) -> dict[str, list[dict[str, Any]]]:
    """One coder's work on an article in the shape `evaluate` scores (suggest's JSON)."""
    sources = proj.sources(coder_id=coder_id, article_id=article_id)
    cues = proj.cues(coder_id=coder_id, article_id=article_id)
    source_at: dict[int | None, int] = {s.id: i for i, s in enumerate(sources)}
    cue_at: dict[int | None, int] = {c.id: i for i, c in enumerate(cues)}
    claims = [{"start": c.start, "end": c.end, "source": source_at.get(c.source_id),
               "cue": cue_at.get(c.cue_id), "attribution": c.values.get("attribution"),
               "certainty": c.values.get("certainty")}
              for c in proj.claims(coder_id=coder_id, article_id=article_id)]
    return {"sources": [{"start": s.start, "end": s.end, "type": s.type} for s in sources],
            "cues": [{"start": c.start, "end": c.end} for c in cues], "claims": claims}


def tally(proj: Project, article_ids: list[int], machine_id: int, reference_id: int) -> Tally:
    out = Tally()
    for article_id in article_ids:
        score_article(coding(proj, article_id, machine_id),
                      coding(proj, article_id, reference_id), out)
    return out


def figures(t: Tally) -> dict[str, Any]:
    """Per kind precision, recall, F1 and the counts behind them; accuracies over matches."""
    raw = t.figures()
    out: dict[str, Any] = {"articles": t.articles}
    for kind, key in KINDS:
        out[kind] = {"precision": raw[f"{key}_p"], "recall": raw[f"{key}_r"],
                     "f1": raw[f"{key}_f1"], "matched": t.get(f"{key}_match"),
                     "machine": t.get(f"{key}_pred"), "reference": t.get(f"{key}_gold")}
    out["accuracy"] = {name.removesuffix("_acc"): raw[name] for name in ACCURACIES}
    return out
