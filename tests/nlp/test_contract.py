"""The suggest contract holds for any input: valid JSON, exact offsets, never a crash."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.nlp.conftest import DATA, check_contract

BAD_INPUTS = {
    "empty": "",
    "whitespace": " \n\n \t\n",
    "no_punctuation": "de minister zegt dat alles goed gaat volgens de krant zou het anders zijn " * 20,
    "unbalanced_quotes": "‘Dit is een quote zonder einde, zegt hij. “En nog een » « ’ ' \" ‘",
    "only_marks": "‘’“”„«»'\"" * 50,
    "emoji": "We vieren het 🎉🎉 zegt 👩‍🚀 dat ‘het 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 werkt 😅’, aldus de NASA 🚀.\n\n"
             "Top 🔵⚪ — Kofi 😀 (@kofi) 7 maart 2025",
    "post_first": "Bedankt voor alles 💙 — KV Roosdonk (@kvroosdonk) 9 februari 2025\n\nDe club zegt dat het klaar is.",
    "mixed": "De minister zegt dat het goed gaat. The minister said it was fine, according to Reuters. "
             "‘Nee’, zei ze. “Yes,” he said.",
    "colon_only": ":::: : : X: Y: ‘",
    "dash_lines": "— \n— (@) \n text — (@a)",
    "numbers": "1. 2. 3. 4. ... ?! ‘1’ “2” 3:4",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_suggest_contract_holds_on_bad_input(suggest, name):
    text = BAD_INPUTS[name]
    for lang in (None, "nl", "en"):
        check_contract(text, suggest(text, lang))


def test_suggest_empty_text_gives_empty_lists(suggest):
    result = suggest("")
    assert result["sources"] == [] and result["cues"] == [] and result["claims"] == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_suggest_contract_on_dev_articles(suggest, lang):
    for path in sorted((DATA / "dev" / lang).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        check_contract(text, suggest(text))


def test_suggest_two_megabyte_paragraph(suggest):
    text = "Volgens de politie zou de ‘verdachte’ vluchten en hij zegt dat het klopt " * 28_000
    assert len(text) > 2_000_000
    check_contract(text, suggest(text, "nl"))


def test_suggest_text_longer_than_max_length(suggest):
    from annotator.nlp.suggest import get_pipeline

    para = "De minister zegt dat het goed gaat. ‘Het is mooi’, aldus de burgemeester.\n\n"
    text = para * (get_pipeline("nl").max_length // len(para) + 50)
    assert len(text) > get_pipeline("nl").max_length
    result = suggest(text, "nl")
    check_contract(text, result)
    assert len(result["claims"]) > 20_000


def test_suggest_offsets_count_code_points_with_astral_characters(suggest):
    text = "🎉🎉🎉 ‘Dit gaat goed, heel goed’, zegt burgemeester Jan Peeters 🎉."
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = result["claims"][0]
    assert text[claim["start"]:claim["end"]] == "Dit gaat goed, heel goed"


def test_suggest_many_matches_suggest_text(suggest):
    from annotator.nlp.suggest import suggest_many

    texts = [p.read_text(encoding="utf-8") for p in sorted((DATA / "dev" / "en").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((DATA / "dev" / "nl").glob("*.txt"))[:3]]
    assert list(suggest_many(texts, batch_size=4)) == [suggest(t) for t in texts]


def test_suggest_import_does_not_import_spacy():
    code = ("import sys, annotator.nlp.suggest as s; "
            "assert 'spacy' not in sys.modules, 'spacy imported'; "
            "assert s.detect_language('the minister said that it was fine') == 'en'; "
            "assert 'spacy' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(("text", "lang"), [
    ("De minister zegt dat het kabinet het plan steunt.", "nl"),
    ("The minister said the cabinet supports the plan.", "en"),
    ("", "nl"),
])
def test_detect_language(text, lang):
    from annotator.nlp.suggest import detect_language

    assert detect_language(text) == lang
