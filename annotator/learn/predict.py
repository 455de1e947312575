"""A trained model in use: spans from the span model, values from the span classifiers."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from annotator.learn import spans as SP  # noqa: F401  (registers annotator.candidates.v1)
from annotator.learn.classify import claim_cue, predict_scored, span_features
from annotator.learn.combine import SCORES, link_claims
from annotator.learn.store import ModelInfo, read_info

_cache: dict[Path, tuple[float, Learner]] = {}
_lock = threading.Lock()


class Learner:
    def __init__(self, folder: Path, info: ModelInfo, span_nlp: Language,
                 classifiers: dict[tuple[str, str], Language]):
        self.folder, self.info = folder, info
        self.span_nlp, self.classifiers = span_nlp, classifiers
        self.rule = f"model:{info.name}"

    @classmethod
    def load(cls, folder: Path) -> Learner:
        """The model in `folder` (cached until the folder changes)."""
        key = folder.resolve()
        stamp = (folder / "meta.json").stat().st_mtime
        with _lock:
            hit = _cache.get(key)
            if hit is None or hit[0] != stamp:
                info = read_info(folder)
                span_nlp = spacy.load(folder / "spans")
                classifiers = {}
                for name in info.variables:
                    path = folder / "classify" / name
                    if path.is_dir():
                        level, var = name.split(".", 1)
                        classifiers[(level, var)] = spacy.load(path)
                _cache[key] = (stamp, cls(folder, info, span_nlp, classifiers))
            return _cache[key][1]

    def spans(self, texts: Iterable[str], least: float = SP.ALONE) -> list[dict[str, Any]]:
        """Sources, cues and claims scoring `least` at least, per text (claims linked to the
        nearest source and cue)."""
        out = []
        texts = list(texts)
        for text, doc in zip(texts, self.span_nlp.pipe(texts, batch_size=8), strict=True):
            payload: dict[str, Any] = {"text_length": len(text), **SP.doc_payload(doc)}
            for kind in ("sources", "cues", "claims"):
                payload[kind] = [x for x in payload[kind] if x["score"] >= least]
                for item in payload[kind]:
                    item["rule"] = self.rule
            for claim in payload["claims"]:
                claim.update({"attribution": None, "certainty": None})
            for source in payload["sources"]:
                source["type"] = None
            link_claims(text, payload)
            out.append(payload)
        return out

    def classify(self, text: str, payload: dict[str, Any],
                 which: dict[str, set[int]] | None = None,
                 variables: set[tuple[str, str]] | None = None, scores: bool = False) -> None:
        """Fill the model's values into `payload`: for the spans in `which` (kind -> indices;
        all when None) every learned variable, for all spans the ones in `variables`. With
        `scores`, each span also gets SCORES: variable name -> the value's probability."""
        for (level, name), nlp in self.classifiers.items():
            kind = "sources" if level == "source" else "claims"
            items = payload[kind]
            every = variables is not None and (level, name) in variables
            idx = [i for i in range(len(items))
                   if which is None or every or i in which.get(kind, set())]
            if not idx:
                continue
            feats = [span_features(text, items[i]["start"], items[i]["end"],
                                   claim_cue(payload, items[i]) if kind == "claims" else None)
                     for i in idx]
            for i, (code, p) in zip(idx, predict_scored(nlp, feats), strict=True):
                items[i][name] = code
                if scores:
                    items[i].setdefault(SCORES, {})[name] = p
                rule = str(items[i].get("rule") or "")
                if self.rule not in rule:  # a rules span with a model's value says so
                    items[i]["rule"] = f"{rule}+{self.rule}" if rule else self.rule

    def on_rules(self, text: str, rules: dict[str, Any]) -> dict[str, Any]:
        """A copy of the rules' payload with the model's value of every learned variable on
        the rules' spans and its probability under SCORES (the rules' own payload is left as
        it is)."""
        out = {**rules, **{k: [dict(x) for x in rules.get(k, [])]
                           for k in ("sources", "cues", "claims")}}
        self.classify(text, out, scores=True)
        return out

    def suggest(self, texts: list[str], least: float = SP.ALONE) -> list[dict[str, Any]]:
        """The model alone: spans (scoring `least` at least; lower for the combination, which
        has its own thresholds), links and every learned value."""
        out = self.spans(texts, least)
        for text, payload in zip(texts, out, strict=True):
            self.classify(text, payload)
        return out
