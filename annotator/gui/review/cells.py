"""The report as table cells: numbers formatted, Krippendorff's marks as words and colours
(the word carries the meaning, the colour only helps the eye)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from annotator.agreement.coefficients import Result
from annotator.agreement.report import AgreementReport, Confusion, VariableReport, variable_notes
from annotator.agreement.verdict import GUIDANCE, result_verdict
from annotator.gui.review.table_model import Cell

MARK_COLOURS = {"reliable": "#CDEBC8", "tentative": "#FCE8A6", "uncertain": "#F3D9C4",
                "unreliable": "#F6C1BD", "": "#E6E6E6"}
MARK_SYMBOLS = {"reliable": "\u2714 reliable", "tentative": "\u26a0 tentative",
                "uncertain": "? uncertain", "unreliable": "\u2716 unreliable",
                "": "undefined"}

COEFFICIENT_HEADERS = ("Variable", "Level", "Krippendorff's \u03b1", "95% interval",
                       "Verdict", "Fleiss' \u03ba", "Scott's \u03c0", "Gwet's AC1",
                       "Agreement", "Cohen's \u03ba", "Units", "Notes")


def num(value: float | None) -> str:
    return "\u2013" if value is None else f"{value:.3f}"


def _result_cell(r: Result | None) -> Cell:
    if r is None:
        return Cell("\u2013", align="right", tooltip="not computed for this selection")
    if r.value is None:
        return Cell("undefined", sort=float("-inf"), align="right", foreground="#777777",
                    tooltip=r.reason)
    return Cell(num(r.value), sort=r.value, align="right", tooltip=r.note)


def mark_cell(r: Result) -> Cell:
    """The verdict (one rule for every screen: annotator.agreement.verdict), why in the tip."""
    judged = result_verdict(r)
    return Cell(MARK_SYMBOLS[judged.label],
                sort=r.value if r.value is not None else float("-inf"),
                background=MARK_COLOURS[judged.label], tooltip=f"{judged.reason}\n\n{GUIDANCE}")


def alpha_cell(r: Result) -> Cell:
    if r.value is None:
        return _result_cell(r)
    label = result_verdict(r).label
    return Cell(num(r.value), sort=r.value, align="right", bold=True,
                background=MARK_COLOURS[label],
                tooltip=f"{MARK_SYMBOLS[label]} ({r.n_units} units, {r.n_coders} coders)")


def interval_cell(r: Result) -> Cell:
    if r.ci_low is None:
        return Cell("\u2013", align="center", tooltip="no bootstrap interval")
    tip = (f"{r.n_resamples} bootstrap resamples of units; P(\u03b1 < .667) = "
           f"{num(r.p_below_667)}, P(\u03b1 < .800) = {num(r.p_below_800)}")
    return Cell(f"{num(r.ci_low)} \u2013 {num(r.ci_high)}", sort=r.ci_low, align="center",
                tooltip=tip)


def _cohen_cell(v: VariableReport) -> Cell:
    if "cohen_kappa" in v.coefficients:
        return _result_cell(v.coefficients["cohen_kappa"])
    pairs = "\n".join(f"{r.coders[0]} vs {r.coders[1]}: {num(r.value)}" for r in v.cohen_pairs
                      if r.coders)
    return Cell("per pair \u2193", align="right", foreground="#555555", tooltip=pairs or None)


def coefficient_rows(report: AgreementReport) -> list[list[Cell]]:
    rows = []
    for v in report.variables:
        c = v.coefficients
        alpha = c["krippendorff_alpha"]
        rows.append([Cell(v.variable, bold=True, tooltip="; ".join(v.notes) or None),
                     Cell(v.level), alpha_cell(alpha), interval_cell(alpha),
                     mark_cell(alpha),
                     _result_cell(c.get("fleiss_kappa")), _result_cell(c.get("scott_pi")),
                     _result_cell(c.get("gwet_ac1")), _percent_cell(c.get("percent_agreement")),
                     _cohen_cell(v), Cell(str(alpha.n_units), sort=alpha.n_units,
                                          align="right"), _notes_cell(v)])
    return rows


def _notes_cell(v: VariableReport) -> Cell:
    text = variable_notes(v)
    return Cell(text, foreground="#555555", tooltip=text or None)


def _percent_cell(r: Result | None) -> Cell:
    if r is None or r.value is None:
        return _result_cell(r)
    return Cell(f"{r.value:.1%}", sort=r.value, align="right", tooltip=r.note)


COHEN_HEADERS = ("Variable", "Coders", "Cohen's \u03ba", "Units")


def cohen_rows(report: AgreementReport) -> list[list[Cell]]:
    return [[Cell(v.variable), Cell(" \u00d7 ".join(r.coders or ())), _result_cell(r),
             Cell(str(r.n_units), align="right")] for v in report.variables
            for r in v.cohen_pairs]


SPAN_HEADERS = ("Coder A", "Coder B", "Matched", "Claims A", "Claims B", "Precision",
                "Recall", "F1")


def span_rows(report: AgreementReport) -> list[list[Cell]]:
    return [[Cell(s.coder_a), Cell(s.coder_b), Cell(str(s.matched), align="right"),
             Cell(str(s.n_a), align="right"), Cell(str(s.n_b), align="right"),
             Cell(num(s.precision), align="right"), Cell(num(s.recall), align="right"),
             Cell(num(s.f1), align="right", bold=True)] for s in report.spans]


PIPELINE_HEADERS = ("Coder", "Claims", "Accepted", "Edited", "By hand", "Rejected")


def _share(value: float | None) -> str:
    return "\u2013" if value is None else f"{value:.0%}"


def pipeline_rows(report: AgreementReport) -> list[list[Cell]]:
    """Shares of each coder's claims by origin; "Rejected": of the suggestions offered."""
    return [[Cell(p.coder, bold=p.coder == "all"), Cell(str(p.claims), align="right"),
             Cell(_share(p.share("accepted")), align="right"),
             Cell(_share(p.share("edited")), align="right"),
             Cell(_share(p.share("manual")), align="right"),
             Cell(_share(p.share_rejected), align="right",
                  tooltip=f"{p.suggestions_rejected} of {p.suggestions_offered} suggestions "
                          "rejected" if p.suggestions_offered else "no suggestions offered")]
            for p in report.pipeline]


def summary_text(report: AgreementReport) -> str:
    n = len(report.articles)
    return (f"{len(report.coders)} coders ({', '.join(report.coders)}) \u00b7 "
            f"{n} article{'' if n == 1 else 's'} coded by two or more \u00b7 "
            f"{report.n_units} claims aligned into units")


# ---- the confusion heatmap -----------------------------------------------------------------

def _blend(colour: str, share: float) -> str:
    """`colour` at `share` strength over white."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 + (x - 255) * share) for x in (r, g, b)]
    return "#{:02X}{:02X}{:02X}".format(*mix)


AGREE, DISAGREE = "#2E7D32", "#C62828"  # green on the diagonal, red off it


def confusion_rows(m: Confusion) -> tuple[list[list[Cell]], list[str], list[str]]:
    """Cells (with row and column totals), column headers and row headers."""
    top = max((x for row in m.counts for x in row), default=0) or 1
    rows = []
    for i, counts in enumerate(m.counts):
        cells = []
        for j, n in enumerate(counts):
            share = 0.15 + 0.75 * n / top if n else 0.0
            colour = _blend(AGREE if i == j else DISAGREE, share) if n else None
            what = "agree" if i == j else "disagree"
            cells.append(Cell(str(n), sort=n, align="center", background=colour, bold=n > 0,
                              foreground="#FFFFFF" if share > 0.6 else None,
                              tooltip=f"{m.coder_a}: {m.labels[i]}, {m.coder_b}: "
                                      f"{m.labels[j]} ({what}): {n} units"))
        cells.append(Cell(str(sum(counts)), align="center", foreground="#555555"))
        rows.append(cells)
    totals = [sum(col) for col in zip(*m.counts, strict=True)] if m.counts else []
    rows.append([Cell(str(t), align="center", foreground="#555555") for t in totals]
                + [Cell(str(sum(totals)), align="center", bold=True)])
    labels = [str(x) for x in m.labels]
    return rows, [*labels, "Total"], [*labels, "Total"]


CATEGORY_HEADERS = ("Category", "Values", "Specific agreement")


def category_rows(v: VariableReport) -> list[list[Cell]]:
    return [[Cell(str(c.category)), Cell(str(c.n_values), align="right"),
             Cell(num(c.agreement), align="right")] for c in v.categories]


def pair_labels(pairs: Sequence[Any]) -> list[str]:
    return [f"{a} \u00d7 {b}" for a, b in pairs]
