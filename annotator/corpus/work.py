"""Code one batch: run the suggester over its articles and write its Parquet tables. Runs on a
worker (a local process or a dask.distributed worker); the pipeline is built once per process."""

from __future__ import annotations

import resource
import sys
from pathlib import Path
from typing import Any

from annotator.corpus.plan import Batch
from annotator.io.corpus_parquet import write_batch
from annotator.nlp.langdetect import detect_language
from annotator.nlp.suggest import suggest_many


def code_batch(batch: Batch, out_dir: str, language: str | None) -> dict[str, Any]:
    """Code `batch`, write it, and say what it held (for the driver's counts and progress)."""
    texts = [a["text"] for a in batch.articles]
    detected = [detect_language(t) for t in texts]
    payloads: list[dict[str, Any]] = [{}] * len(texts)
    for lang in sorted(set(detected) if language is None else {language}):
        idx = [i for i, d in enumerate(detected) if language is not None or d == lang]
        for i, payload in zip(idx, suggest_many([texts[i] for i in idx], language=lang), strict=True):
            payloads[i] = payload
    rows = tables(batch, payloads, detected)
    write_batch(Path(out_dir), batch.number, rows)
    return {"batch": batch.number, "articles": len(texts), "claims": len(rows["claims"]),
            "problems": len(batch.problems),
            "mismatch": sum(d != language for d in detected) if language else 0,
            "peak_rss_mb": _peak_rss_mb()}


def tables(batch: Batch, payloads: list[dict[str, Any]], detected: list[str]) -> dict[str, list[dict[str, Any]]]:
    arts, srcs, claims = [], [], []
    for n, (art, payload, lang) in enumerate(zip(batch.articles, payloads, detected, strict=True)):
        row = batch.first_row + n
        text, month = art["text"], art["date"][:7]
        arts.append({"corpus_row": row, "article_id": art["article_id"], "source_file": art["source_file"],
                     "where": art["where"], "outlet": art["outlet"], "date": art["date"], "month": month,
                     "title": art["title"], "language": art["language"], "detected_language": lang,
                     "chars": len(text), "sources": len(payload["sources"]),
                     "claims": len(payload["claims"])})
        for i, s in enumerate(payload["sources"]):
            srcs.append({"corpus_row": row, "article_id": art["article_id"], "source": i,
                         "start": s["start"], "end": s["end"], "text": s["text"], "type": s["type"],
                         "rule": s.get("rule", "")})
        for i, c in enumerate(payload["claims"]):
            src = payload["sources"][c["source"]] if c["source"] is not None else None
            cue = payload["cues"][c["cue"]] if c["cue"] is not None else None
            claims.append({"corpus_row": row, "article_id": art["article_id"], "outlet": art["outlet"],
                           "date": art["date"], "month": month, "claim": i, "start": c["start"],
                           "end": c["end"], "text": text[c["start"]:c["end"]],
                           "source_text": src["text"] if src else "", "source_type": src["type"] if src else "",
                           "cue_text": cue["text"] if cue else "", "attribution": c["attribution"],
                           "certainty": c["certainty"], "rule": c.get("rule", "")})
    problems = [{"batch": batch.number, **p} for p in batch.problems]
    return {"articles": arts, "sources": srcs, "claims": claims, "problems": problems}


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
