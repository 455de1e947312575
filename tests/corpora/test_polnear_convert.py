"""PolNeAR brat standoff -> codebook gold: the conversion rules, on text the project wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpora.polnear import convert
from corpora.snapshot import CorpusError, Snapshot, sha256_text


def brat(text: str, attributions: list[dict]) -> str:
    """A brat .ann for `text`: each attribution names its parts by substring (nth occurrence)."""
    lines, t = [], 0

    def ent(label: str, spans: list[tuple[int, int]]) -> str:
        nonlocal t
        t += 1
        frags = ";".join(f"{s} {e}" for s, e in spans)
        lines.append(f"T{t}\t{label} {frags}\t{' '.join(text[s:e] for s, e in spans)}")
        return f"T{t}"

    for n, att in enumerate(attributions, 1):
        args = []
        for role in ("Source", "Cue", "Content"):
            if role in att:
                args.append(f"{role}:{ent(role, att[role])}")
        kind = "Attribution" if "Source" in att else "Attribution-no-source"
        anchor = ent(kind, att["Cue"] if "Cue" in att else att["Content"][:1])
        lines.append(f"E{n}\t{kind}:{anchor} " + " ".join(args))
    return "\n".join(lines) + "\n"


def span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def run(text: str, attributions: list[dict]) -> tuple[dict, convert.Converter]:
    conv = convert.Converter(convert.load_rules())
    return conv.convert(text, brat(text, attributions), "synthetic"), conv


def claims_text(text: str, art: dict) -> list[str]:
    return [text[c["start"]:c["end"]] for c in art["claims"]]


def test_quote_split_by_its_own_tag_is_one_claim_per_piece_without_marks():
    text = "Headline\n\n“The dam will hold,” Mayor Ilse Varenne said, “and the road reopens.”\n"
    art, _ = run(text, [{"Source": [span(text, "Mayor Ilse Varenne")], "Cue": [span(text, "said")],
                         "Content": [span(text, "“The dam will hold,”"),
                                     span(text, "“and the road reopens.”")]}])
    assert claims_text(text, art) == ["The dam will hold", "and the road reopens."]
    assert {(c["source"], c["cue"], c["attribution"]) for c in art["claims"]} == {(0, 0, "direct")}
    assert [s["text"] for s in art["sources"]] == ["Mayor Ilse Varenne"]


def test_reported_clause_loses_that_and_final_stop():
    text = "The council said that the bridge was safe.\n"
    art, _ = run(text, [{"Source": [span(text, "The council")], "Cue": [span(text, "said")],
                         "Content": [span(text, "that the bridge was safe.")]}])
    assert claims_text(text, art) == ["the bridge was safe"]
    assert art["claims"][0]["attribution"] == "indirect"
    assert art["sources"][0]["type"] == "institution"


def test_actions_are_left_out_by_their_cue_and_opinions_stay():
    text = ("Senator Oda Brill voted for the levy. Brill endorsed Tamsin Keel. "
            "Brill thinks the levy is fair. Brill demanded a recount.\n")
    art, conv = run(text, [
        {"Source": [span(text, "Senator Oda Brill")], "Cue": [span(text, "voted for")],
         "Content": [span(text, "the levy", 0)]},
        {"Source": [span(text, "Brill", 1)], "Cue": [span(text, "endorsed")],
         "Content": [span(text, "Tamsin Keel")]},
        {"Source": [span(text, "Brill", 2)], "Cue": [span(text, "thinks")],
         "Content": [span(text, "the levy is fair")]},
        {"Source": [span(text, "Brill", 3)], "Cue": [span(text, "demanded")],
         "Content": [span(text, "a recount")]}])
    assert claims_text(text, art) == ["the levy is fair", "a recount"]
    assert conv.skipped == {"action cue": 2}
    assert [c["text"] for c in art["cues"]] == ["thinks", "demanded"]
    assert [s["text"] for s in art["sources"]] == ["Brill", "Brill"]


def test_refusal_to_comment_is_no_claim_but_declining_a_plan_is_kept():
    text = "A spokesman declined to comment. The firm declined the offer.\n"
    art, conv = run(text, [
        {"Source": [span(text, "A spokesman")], "Cue": [span(text, "declined")],
         "Content": [span(text, "to comment")]},
        {"Source": [span(text, "The firm")], "Cue": [span(text, "declined", 1)],
         "Content": [span(text, "the offer")]}])
    assert claims_text(text, art) == ["the offer"]
    assert conv.skipped == {"refusal to comment": 1}


def test_colon_quote_has_cue_null_and_paragraph_continuation_too():
    text = "Ms Varenne: “The water rose fast.\n\n“We had an hour.”\n"
    art, _ = run(text, [{"Source": [span(text, "Ms Varenne")], "Cue": [span(text, ":")],
                         "Content": [(text.index("“"), len(text) - 1)]}])
    assert claims_text(text, art) == ["The water rose fast.", "We had an hour."]
    assert art["cues"] == [] and [c["cue"] for c in art["claims"]] == [None, None]


def test_second_paragraph_of_a_quote_is_a_continuation_with_cue_null():
    text = "“The water rose fast,” she said. “We left.\n\n“Then the power failed.”\n"
    art, _ = run(text, [{"Source": [span(text, "she")], "Cue": [span(text, "said")],
                         "Content": [span(text, "“The water rose fast,”"),
                                     (span(text, "“We left.")[0], len(text) - 1)]}])
    assert claims_text(text, art) == ["The water rose fast", "We left.", "Then the power failed."]
    assert [c["cue"] for c in art["claims"]] == [0, 0, None]


def test_silver_certainty_from_cue_and_from_first_clause_but_not_inside_quotes():
    text = ("Keel claimed the vote was rigged. Keel said the dam may fail. "
            "Keel said: “It may rain, but we are ready.”\n")
    art, _ = run(text, [
        {"Source": [span(text, "Keel", 0)], "Cue": [span(text, "claimed")],
         "Content": [span(text, "the vote was rigged")]},
        {"Source": [span(text, "Keel", 1)], "Cue": [span(text, "said", 0)],
         "Content": [span(text, "the dam may fail")]},
        {"Source": [span(text, "Keel", 2)], "Cue": [span(text, "said", 1)],
         "Content": [span(text, "“It may rain, but we are ready.”")]}])
    assert [c["certainty"] for c in art["claims"]] == ["possible", "possible", "certain"]
    assert art["claims"][2]["attribution"] == "direct"


def test_no_source_attribution_kept_only_with_a_hedge():
    text = "The levy is expected to pass. The mayor was asked about the levy.\n"
    art, conv = run(text, [
        {"Cue": [span(text, "is expected")],
         "Content": [span(text, "The levy"), span(text, "to pass")]},
        {"Cue": [span(text, "was asked")], "Content": [span(text, "about the levy")]}])
    assert claims_text(text, art) == ["The levy is expected to pass"]
    assert art["claims"][0] | {} == {**art["claims"][0], "source": None, "cue": None,
                                     "attribution": "unattributed", "certainty": "probable"}
    assert art["cues"] == [] and conv.skipped == {"no-source attribution without a hedge": 1}


def test_a_source_span_cutting_a_word_takes_the_whole_word():
    text = "Then Varenne said the road was closed.\n"
    s = text.index("Varenne")
    art, _ = run(text, [{"Source": [(s + 6, s + 7)], "Cue": [span(text, "said")],
                         "Content": [span(text, "the road was closed")]}])
    assert [x["text"] for x in art["sources"]] == ["Varenne"]


def test_brat_entity_text_with_line_breaks_is_read():
    text = "Varenne said the\nroad was closed.\n"
    ann = ("T1\tSource 0 7\tVarenne\nT2\tCue 8 12\tsaid\nT3\tContent 13 32\tthe\n"
           "road was closed\nT4\tAttribution 8 12\tsaid\n"
           "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n")
    art = convert.Converter(convert.load_rules()).convert(text, ann, "x")
    assert claims_text(text, art) == ["the\nroad was closed"]


def test_offsets_outside_the_text_are_refused_with_the_file_named():
    with pytest.raises(CorpusError, match=r"x\.ann: span 0-99 outside the text"):
        convert.Converter(convert.load_rules()).convert(
            "short", "T1\tSource 0 99\tshort\n", "x", "x.ann")


# -- the corpus: compartments, split, sha256 ---------------------------------------------------
def fake_polnear(root: Path) -> Path:
    """A work-tree copy with one dev and one test article (project-written text)."""
    text = "Varenne said the road was closed.\n"
    ann = brat(text, [{"Source": [span(text, "Varenne")], "Cue": [span(text, "said")],
                       "Content": [span(text, "the road was closed")]}])
    for comp in ("dev", "test"):
        (root / "data" / comp / "text").mkdir(parents=True)
        (root / "data" / comp / "attributions").mkdir(parents=True)
        (root / "data" / comp / "text" / "pub_2016_a.txt").write_text(text, encoding="utf-8")
        (root / "data" / comp / "attributions" / "pub_2016_a_ab12.ann").write_text(ann)
    return root


def test_test_compartment_is_refused_before_anything_is_read(tmp_path, monkeypatch):
    snap = Snapshot(fake_polnear(tmp_path))
    read = []
    monkeypatch.setattr(Snapshot, "read_many", lambda self, paths: read.append(paths) or {})
    with pytest.raises(CorpusError, match="'test' refused.*independent evaluation"):
        convert.convert_articles(snap, "test", None, convert.Converter(convert.load_rules()))
    assert read == []


def test_cli_refuses_test_with_one_line(tmp_path, capsys):
    assert convert.main(["--snapshot", str(fake_polnear(tmp_path)), "--compartment", "test",
                         "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: PolNeAR compartment 'test' refused") and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_text_with_another_sha256_is_refused(tmp_path):
    snap = Snapshot(fake_polnear(tmp_path))
    conv = convert.Converter(convert.load_rules())
    good = sha256_text((tmp_path / "data/dev/text/pub_2016_a.txt").read_text())
    arts = convert.convert_articles(snap, "dev", [{"id": "pub_2016_a", "text_sha256": good}], conv)
    assert arts[0][1]["claims"][0]["attribution"] == "indirect"
    with pytest.raises(CorpusError, match=r"pub_2016_a has sha256 [0-9a-f]{12}\.\.\., split\.json "
                                          r"expects 000000000000\.\.\.: a different PolNeAR"):
        convert.convert_articles(snap, "dev", [{"id": "pub_2016_a", "text_sha256": "0" * 64}], conv)


def test_committed_split_has_two_disjoint_halves_of_dev_by_id():
    split = json.loads(convert.SPLIT_FILE.read_text(encoding="utf-8"))
    assert split["compartment"] == "dev"
    rules = {e["id"] for e in split["halves"]["rules"]}
    held = {e["id"] for e in split["halves"]["heldout"]}
    assert len(rules) == len(held) == 42 and not rules & held
    assert all(len(e["text_sha256"]) == 64 for h in split["halves"].values() for e in h)


def test_quote_after_that_and_mixed_straight_and_typed_marks_is_direct():
    text = 'The office wrote that "no file was found." Varenne said: "We are ready.”\n'
    art, _ = run(text, [
        {"Source": [span(text, "The office")], "Cue": [span(text, "wrote")],
         "Content": [span(text, 'that "no file was found."')]},
        {"Source": [span(text, "Varenne")], "Cue": [span(text, "said")],
         "Content": [span(text, '"We are ready.”')]}])
    assert claims_text(text, art) == ["no file was found.", "We are ready."]
    assert [c["attribution"] for c in art["claims"]] == ["direct", "direct"]


def test_partial_quote_inside_a_paraphrase_stays_indirect():
    text = "Keel said “more checks” were needed before “any vote”.\n"
    art, _ = run(text, [{"Source": [span(text, "Keel")], "Cue": [span(text, "said")],
                         "Content": [span(text, "“more checks” were needed before “any vote”")]}])
    assert claims_text(text, art) == ["“more checks” were needed before “any vote”"]
    assert art["claims"][0]["attribution"] == "indirect"


def test_tag_inside_reported_speech_stays_inside_the_claim():
    text = "The plan, the minister said, is dead.\n"
    art, _ = run(text, [{"Source": [span(text, "the minister")], "Cue": [span(text, "said")],
                         "Content": [span(text, "The plan"), span(text, "is dead.")]}])
    assert claims_text(text, art) == ["The plan, the minister said, is dead"]
    assert art["claims"][0]["attribution"] == "indirect"


def test_two_apostrophes_are_a_quote_mark():
    text = "''We are ready,'' Varenne said.\n"
    art, _ = run(text, [{"Source": [span(text, "Varenne")], "Cue": [span(text, "said")],
                         "Content": [span(text, "''We are ready,''")]}])
    assert claims_text(text, art) == ["We are ready"]
    assert art["claims"][0]["attribution"] == "direct"


def test_reported_hedges_only_a_report_without_source():
    text = "The AP reported that the dam held. It was reported that the road flooded.\n"
    art, _ = run(text, [
        {"Source": [span(text, "The AP")], "Cue": [span(text, "reported")],
         "Content": [span(text, "that the dam held")]},
        {"Cue": [span(text, "was reported")], "Content": [span(text, "that the road flooded")]}])
    assert [(c["attribution"], c["certainty"]) for c in art["claims"]] == [
        ("indirect", "certain"), ("unattributed", "possible")]
    assert art["sources"][0]["type"] == "news_media"
