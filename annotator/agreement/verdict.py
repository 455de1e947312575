"""The verdict on an alpha: the one rule, and its wording, that the CLI, the workbook and the
agreement window all show.

Krippendorff (2004, p. 241) calls alpha >= .800 reliable and >= .667 good for tentative
conclusions only, and asks (with Hayes & Krippendorff 2007) that the risk of alpha being
below the smallest acceptable value be small, not only the point estimate. So a verdict
needs the bootstrap interval and enough units:

- reliable:   alpha >= .800, the 95% interval's lower bound >= .667, and >= 50 units;
- tentative:  alpha >= .667, the lower bound >= .667, and >= 50 units;
- uncertain:  alpha >= .667, but the lower bound is below .667 or there are fewer than
              50 units (the estimate could well be unacceptable);
- unreliable: alpha < .667;
- undefined:  no alpha (a reason says why).

Fifty units is Lombard, Snyder-Duch & Bracken's (2002) minimum for a reliability sample;
below it the bootstrap interval itself is too rough to lean on. Without an interval (no
bootstrap was run, as for unitizing alpha) the verdict rests on alpha and the units alone and
says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.agreement.coefficients import THRESHOLDS, Result

TENTATIVE, RELIABLE = THRESHOLDS
MIN_UNITS = 50
LABELS = ("reliable", "tentative", "uncertain", "unreliable", "")  # "": undefined

GUIDANCE = ("Verdict on Krippendorff's alpha: reliable = alpha >= .800, tentative = alpha >= "
            ".667 (tentative conclusions only; Krippendorff 2004), both only if the 95% "
            f"bootstrap interval's lower bound is >= .667 and there are >= {MIN_UNITS} units "
            "(Lombard et al. 2002), else uncertain; unreliable = alpha < .667.")


@dataclass(frozen=True)
class Verdict:
    label: str  # one of LABELS; "" when alpha is undefined
    reason: str  # why, in a sentence, for a tooltip or a note

    @property
    def shown(self) -> str:
        return self.label or "undefined"


def verdict(value: float | None, ci_low: float | None = None, n_units: int = 0,
            reason: str | None = None) -> Verdict:
    """The verdict on an alpha with its interval's lower bound and its number of units."""
    if value is None:
        return Verdict("", reason or "alpha is undefined")
    if value < TENTATIVE:
        return Verdict("unreliable", f"alpha {value:.3f} is below .667")
    level = "reliable" if value >= RELIABLE else "tentative"
    doubts = []
    if n_units < MIN_UNITS:
        doubts.append(f"only {n_units} units (fewer than {MIN_UNITS})")
    if ci_low is not None and ci_low < TENTATIVE:
        doubts.append(f"the 95% interval reaches down to {ci_low:.3f}, below .667")
    if doubts:
        return Verdict("uncertain", f"alpha {value:.3f} would be {level}, but "
                       + " and ".join(doubts))
    base = f"alpha {value:.3f}" + (f", 95% interval from {ci_low:.3f}" if ci_low is not None
                                   else " (no bootstrap interval: point estimate only)")
    return Verdict(level, f"{base}, {n_units} units")


def result_verdict(result: Result) -> Verdict:
    """The verdict on a coefficient `Result` (its value, interval and units)."""
    return verdict(result.value, result.ci_low, result.n_units, result.reason)
