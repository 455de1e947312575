"""No output path may destroy a project: not the one being read, its WAL, nor another project."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from annotator.cli import main


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def study(tmp_path: Path) -> Path:
    # named as the SPSS/Stata Claims file of `--sav study.annotator` would be (see `_stats`)
    proj = tmp_path / "study_claims.annotator"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Kop\n\nDe minister zegt dat alles goed gaat.\n", encoding="utf-8")
    assert main(["new", str(proj), "--language", "nl"]) == 0
    assert main(["import", str(proj), str(folder), "--quiet"]) == 0
    return proj


def _articles(proj: Path) -> int:
    with sqlite3.connect(proj) as conn:
        return conn.execute("SELECT count(*) FROM article").fetchone()[0]


def _stats(out: Path) -> str:
    """The --sav/--dta name whose Claims file (NAME_claims.EXT) is `out`."""
    return str(out.with_name(out.name.replace("_claims", "", 1)))


OUTPUTS = [
    ("coder-file", lambda p, out: ["coder-file", str(p), "--coder", "anna", str(out)]),
    ("pack", lambda p, out: ["pack", str(p), str(out)]),
    ("xlsx", lambda p, out: ["export", str(p), "--xlsx", str(out)]),
    ("sav", lambda p, out: ["export", str(p), "--sav", _stats(out)]),
    ("dta", lambda p, out: ["export", str(p), "--dta", _stats(out)]),
    ("agreement", lambda p, out: ["agreement", str(p), "--format", "xlsx", "--out", str(out)]),
]


@pytest.mark.parametrize("name,argv", OUTPUTS, ids=[o[0] for o in OUTPUTS])
@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_cli_outputs_never_write_over_the_project_being_read(
        study: Path, name: str, argv, suffix: str, capsys: pytest.CaptureFixture) -> None:
    target = Path(str(study) + suffix)
    before = _digest(study)
    for force in ([], ["--force"]) if name not in ("agreement",) else ([],):
        capsys.readouterr()
        assert main(argv(study, target) + force) == 2
        assert str(target) in capsys.readouterr().err
    assert _digest(study) == before
    assert _articles(study) == 1


@pytest.mark.parametrize("name,argv", OUTPUTS, ids=[o[0] for o in OUTPUTS])
def test_cli_outputs_refuse_another_project_unless_forced(
        study: Path, tmp_path: Path, name: str, argv, capsys: pytest.CaptureFixture) -> None:
    other = tmp_path / "other-name_claims.xlsx"  # a project under a misleading name
    assert main(["new", str(other)]) == 0
    before = _digest(other)
    capsys.readouterr()
    assert main(argv(study, other)) == 2
    err = capsys.readouterr().err
    assert "annotator project" in err and "--force" in err
    assert _digest(other) == before
    if name != "agreement":
        assert main(argv(study, other) + ["--force"]) == 0
        assert _digest(other) != before


def test_cli_csv_export_refuses_a_folder_holding_the_project_as_a_table_name(
        study: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    victim = folder / "claims.csv"
    assert main(["new", str(victim)]) == 0
    before = _digest(victim)
    capsys.readouterr()
    assert main(["export", str(study), "--csv", str(folder)]) == 2
    assert "annotator project" in capsys.readouterr().err
    assert _digest(victim) == before


def test_cli_pack_into_the_wal_of_another_database_is_refused(
        study: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    other = tmp_path / "other.annotator"
    assert main(["new", str(other)]) == 0
    wal = Path(str(other) + "-wal")
    capsys.readouterr()
    assert main(["pack", str(study), str(wal)]) == 2
    assert "working file" in capsys.readouterr().err
    assert not wal.exists()
