"""The summary of a coded corpus: claims per outlet and month by attribution, certainty and
source type, as one long CSV and an Excel workbook with a sheet per variable."""

from __future__ import annotations

from pathlib import Path

from annotator.io.cells import csv_text
from annotator.io.corpus_parquet import read_table
from annotator.io.outfiles import replacing

VARIABLES = ("attribution", "certainty", "source_type")
_XLSX = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}


def write_summary(out_dir: Path) -> tuple[Path, Path]:
    import pandas as pd

    claims = read_table(out_dir, "claims").select(["outlet", "month", *VARIABLES]).to_pandas()
    claims = claims.fillna("").replace({"source_type": {"": "(no source)"}})
    parts = []
    for var in VARIABLES:
        counts = claims.groupby(["outlet", "month", var], dropna=False).size().reset_index(name="claims")
        parts.append(counts.rename(columns={var: "value"}).assign(variable=var))
    long = pd.concat(parts, ignore_index=True)[["outlet", "month", "variable", "value", "claims"]] \
        if parts else pd.DataFrame(columns=["outlet", "month", "variable", "value", "claims"])
    csv_path, xlsx_path = out_dir / "summary.csv", out_dir / "summary.xlsx"
    guarded = long.assign(outlet=[csv_text(str(v))[0] for v in long["outlet"]])  # never a formula
    with replacing(csv_path, xlsx_path) as (tmp_csv, tmp_xlsx):
        guarded.to_csv(tmp_csv, index=False)
        with pd.ExcelWriter(tmp_xlsx, engine="xlsxwriter", engine_kwargs={"options": _XLSX}) as xl:
            _sheets(long, xl)
    return csv_path, xlsx_path


def _sheets(long: object, xl: object) -> None:
    import pandas as pd

    assert isinstance(long, pd.DataFrame)
    for var in VARIABLES:
        part = long[long["variable"] == var]
        if part.empty:
            pd.DataFrame(columns=["outlet", "month"]).to_excel(xl, sheet_name=var, index=False)
            continue
        wide = part.pivot_table(index=["outlet", "month"], columns="value",
                                                        values="claims", fill_value=0, aggfunc="sum")
        wide.reset_index().to_excel(xl, sheet_name=var[:31], index=False)
