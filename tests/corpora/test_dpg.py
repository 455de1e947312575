"""Dutch real set: .ann markup -> standoff (no text) -> rebuilt texts and gold -> markup again.

Only project-written text: a synthetic selection, .ann files and a fake corpus snapshot.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpora.dpg import build, rebuild, to_markup
from corpora.markup import read_markup, write_markup
from corpora.snapshot import CorpusError, sha256_text

REPO = Path(__file__).resolve().parents[2]
TITLE = "Dijk bij Velmonde houdt stand 🌊"
BODY = ("Het water steeg snel. ,,⟦K a 1 dir cer|De dijk houdt⟧'', ⟦C 1|zegt⟧ ⟦S a per|dijkgraaf "
        "Mira Tolhuis⟧. ⟦K b 2 ind pos|Er zou ⟦C 2|volgens⟧ ⟦S b ins|het waterschap⟧ geen gevaar "
        "meer zijn⟧.")


def plain(markup: str) -> str:
    return read_markup("# x\n" + markup, "t")[0]


def write_coding(root: Path, articles: dict[str, str], halves: dict[str, str] | None = None) -> Path:
    """CODING/selection.json and CODING/nl/<id>.ann for {id: body markup}."""
    (root / "nl").mkdir(parents=True)
    entries = []
    for art_id, body in articles.items():
        markup = f"{TITLE}\n\n{body}"
        (root / "nl" / f"{art_id}.ann").write_text(f"# notes for {art_id}\n{markup}",
                                                  encoding="utf-8")
        entries.append({"id": art_id, "publisher": "velmondsdagblad", "coder": "A",
                        "half": (halves or {}).get(art_id, "dev"),
                        "text_sha256": sha256_text(plain(markup))})
    (root / "selection.json").write_text(json.dumps({"articles": entries}), encoding="utf-8")
    return root


def write_snapshot(root: Path, records: list[dict]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    (root / "dpgMedia2019-articles-byarticle-all.jsonl").write_text(lines, encoding="utf-8")
    return root


def test_build_writes_standoff_without_text(tmp_path):
    coding = write_coding(tmp_path / "coding", {"90000001": BODY})
    out = tmp_path / "annotations.json"
    assert build.main(["--coding", str(coding), "--out", str(out)]) == 0
    raw = out.read_text(encoding="utf-8")
    art = json.loads(raw)["articles"][0]
    assert "dijkgraaf" not in raw and "Velmonde" not in raw and '"text":' not in raw.replace(
        '"text": "title', "")
    assert art["id"] == "90000001" and art["half"] == "dev" and art["coder"] == "A"
    text = plain(f"{TITLE}\n\n{BODY}")
    assert art["text_length"] == len(text) and art["text_sha256"] == sha256_text(text)
    [direct, indirect] = art["claims"]
    assert text[direct["start"]:direct["end"]] == "De dijk houdt"
    assert (indirect["source"], indirect["cue"], indirect["certainty"]) == (1, 1, "possible")
    assert text[art["sources"][0]["start"]:art["sources"][0]["end"]] == "dijkgraaf Mira Tolhuis"


def test_build_refuses_a_held_out_id(tmp_path, capsys):
    coding = write_coding(tmp_path / "coding", {"10667941": BODY})
    out = tmp_path / "annotations.json"
    assert build.main(["--coding", str(coding), "--out", str(out), "--skip-broken"]) == 1
    assert "10667941 is kept for independent evaluation" in capsys.readouterr().err
    assert not out.exists()


def test_build_names_the_file_whose_text_no_longer_matches(tmp_path, capsys):
    coding = write_coding(tmp_path / "coding", {"90000001": BODY, "90000002": BODY})
    ann = coding / "nl" / "90000002.ann"
    ann.write_text(ann.read_text(encoding="utf-8").replace("steeg", "stijgt"), encoding="utf-8")
    out = tmp_path / "annotations.json"
    assert build.main(["--coding", str(coding), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "90000002.ann: text sha256" in err and "differs from selection.json" in err
    assert not out.exists()
    assert build.main(["--coding", str(coding), "--out", str(out), "--skip-broken"]) == 0
    assert [a["id"] for a in json.loads(out.read_text())["articles"]] == ["90000001"]


def test_round_trip_build_rebuild_to_markup_build(tmp_path):
    coding = write_coding(tmp_path / "coding", {"90000001": BODY, "90000002": BODY},
                          {"90000002": "heldout"})
    ann_path = tmp_path / "annotations.json"
    assert build.main(["--coding", str(coding), "--out", str(ann_path)]) == 0
    body = plain(BODY)
    snap = write_snapshot(tmp_path / "snap", [
        {"id": 90000001, "title": TITLE, "text": body},
        {"id": 90000002, "title": TITLE, "text": body},
        {"id": 90000003, "title": "Ander", "text": "Niet gekozen."}])
    cache = tmp_path / "cache"
    assert rebuild.main(["--snapshot", str(snap), "--annotations", str(ann_path),
                         "--out", str(cache)]) == 0
    gold = json.loads((cache / "heldout" / "gold.json").read_text(encoding="utf-8"))
    [art] = gold["articles"]
    text = (cache / "heldout" / "90000002.txt").read_text(encoding="utf-8")
    assert [s["text"] for s in art["sources"]] == ["dijkgraaf Mira Tolhuis", "het waterschap"]
    assert text[art["claims"][1]["start"]:art["claims"][1]["end"]] == (
        "Er zou volgens het waterschap geen gevaar meer zijn")
    edit = tmp_path / "edit"
    (edit / "nl").mkdir(parents=True)
    (edit / "selection.json").write_text((coding / "selection.json").read_text())
    assert to_markup.main(["--annotations", str(ann_path), "--texts", str(cache),
                           "--out", str(edit / "nl")]) == 0
    again = tmp_path / "again.json"
    assert build.main(["--coding", str(edit), "--out", str(again)]) == 0
    assert json.loads(again.read_text())["articles"] == json.loads(ann_path.read_text())["articles"]
    # existing files are kept unless --force
    assert to_markup.main(["--annotations", str(ann_path), "--texts", str(cache),
                           "--out", str(edit / "nl")]) == 1


def test_rebuild_refuses_a_snapshot_whose_text_differs(tmp_path, capsys):
    coding = write_coding(tmp_path / "coding", {"90000001": BODY})
    ann_path = tmp_path / "annotations.json"
    build.main(["--coding", str(coding), "--out", str(ann_path)])
    snap = write_snapshot(tmp_path / "snap", [
        {"id": 90000001, "title": TITLE, "text": plain(BODY) + " Nog een zin."}])
    cache = tmp_path / "cache"
    assert rebuild.main(["--snapshot", str(snap), "--annotations", str(ann_path),
                         "--out", str(cache)]) == 1
    err = capsys.readouterr().err
    assert "article 90000001: snapshot text has sha256" in err and "the offsets would not fit" in err
    assert not cache.exists()


def test_rebuild_names_a_missing_article(tmp_path, capsys):
    coding = write_coding(tmp_path / "coding", {"90000001": BODY})
    ann_path = tmp_path / "annotations.json"
    build.main(["--coding", str(coding), "--out", str(ann_path)])
    snap = write_snapshot(tmp_path / "snap", [{"id": 1, "title": "x", "text": "y"}])
    assert rebuild.main(["--snapshot", str(snap), "--annotations", str(ann_path),
                         "--out", str(tmp_path / "c")]) == 1
    assert "article 90000001 is not in the snapshot" in capsys.readouterr().err


def test_markup_reader_agrees_with_the_project_dev_set():
    """The project's own dev set (tests/data/dev) read by corpora.markup gives its gold.json."""
    for lang in ("nl", "en"):
        gold = json.loads((REPO / f"tests/data/dev/{lang}/gold.json").read_text(encoding="utf-8"))
        for art in gold["articles"]:
            ann = REPO / f"tests/data/dev/src/{lang}/{art['id']}.ann"
            text, coding = read_markup(ann.read_text(encoding="utf-8"), str(ann))
            assert sha256_text(text) == art["text_sha256"]
            assert coding["claims"] == art["claims"]
            assert coding["sources"] == [{k: s[k] for k in ("start", "end", "type")}
                                         for s in art["sources"]]
            # and back: the written markup reads to the same coding
            again = read_markup(write_markup(text, {**coding}, "t"), "t")
            assert again == (text, coding)


@pytest.mark.parametrize("bad, message", [
    ("⟦S a per|Mira", "unclosed span"),
    ("Mira⟧", "without an open span"),
    ("⟦K z 1 dir cer|x⟧ ⟦C 1|zegt⟧", "names source 'z', which is not marked"),
    ("⟦S a xyz|Mira⟧", "bad span header"),
])
def test_broken_markup_gets_one_clear_message(bad, message):
    with pytest.raises(CorpusError, match=message):
        read_markup("# n\n" + bad, "x.ann")


def test_markup_writer_refuses_crossing_spans():
    coding = {"sources": [{"start": 0, "end": 4, "type": "person"}],
              "cues": [{"start": 2, "end": 6}], "claims": [], "notes": ""}
    with pytest.raises(CorpusError, match="overlap without nesting"):
        write_markup("abcdefgh", coding, "x")
