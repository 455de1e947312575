"""Every suggestion is reviewable: a suggested claim's channel comes with it when accepted, and
a suggested source or cue no claim links to is a row of its own (J, A, R, counted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.editing.session import EditingSession
from tests.editing.sessions import GOLD, TEXT, session_on


def focus_claim(session: EditingSession, start: int) -> None:
    session.set_focus(next(r.key for r in session.state.rows if r.start == start))


def test_accepting_a_suggested_claim_carries_its_channel(tmp_path: Path) -> None:
    session = session_on(tmp_path / "s.annotator", GOLD)
    ambassade = TEXT.index("Onze ambassade")
    focus_claim(session, ambassade)
    session.accept()
    (claim,) = session.proj.claims(session.me.id)
    sources = {s.id: TEXT[s.start:s.end] for s in session.proj.sources(session.me.id)}
    assert sources[claim.source_id] == "de uittredende Amerikaanse president"
    assert sources[claim.channel_id] == "Twitter"
    assert session.history.undo_text == "Accept suggestion"
    session.undo()  # one step: claim, source, cue and channel go together
    assert session.proj.claims(session.me.id) == [] and session.proj.sources(session.me.id) == []
    session.redo()
    assert session.proj.claims(session.me.id)[0].channel_id is not None


def test_a_suggested_source_of_no_claim_is_reviewed_like_other_suggestions(tmp_path: Path) -> None:
    text = "Jan zegt dat het regent. Marie deelde op Instagram een foto."
    insta = text.index("Instagram")
    payload = {"sources": [{"start": 0, "end": 3, "type": "person"},
                           {"start": insta, "end": insta + 9, "type": "social_media",
                            "rule": "channel"}],
               "cues": [{"start": 4, "end": 8}],
               "claims": [{"start": 13, "end": 23, "source": 0, "cue": 0,
                           "attribution": "indirect", "certainty": "certain"}]}
    session = session_on(tmp_path / "s.annotator", payload, text)
    rows = session.state.rows
    assert [(r.key[0], r.suggested, r.start) for r in rows] == [
        ("claim", True, 13), ("source", True, insta)]
    session.toggle_done()
    assert any("2 suggestion(s) left unreviewed" in w for w in session.state.warnings())
    session.step_focus(1, only_suggested=True)  # Shift+J reaches the lone source
    assert session.focus == rows[1].key
    session.set_value("certainty", "certain")  # no claim: nothing happens to it
    assert session.proj.claims(session.me.id) == []
    session.accept()
    (src,) = session.proj.sources(session.me.id)
    assert (src.start, src.type, src.origin) == (insta, "social_media", "accepted")
    assert [r.key[0] for r in session.state.rows] == ["claim"]
    assert any("1 suggestion(s) left unreviewed" in w for w in session.state.warnings())


@pytest.mark.parametrize("suggested", [True, False])
def test_clicking_a_channel_links_it_as_the_claims_channel_not_its_source(
        tmp_path: Path, suggested: bool) -> None:
    session = session_on(tmp_path / "s.annotator", GOLD)
    focus_claim(session, TEXT.index("Raad eens"))  # source Trump, channel Twitter (565)
    if suggested:  # a claim of the coder's own with its source; Twitter still a suggestion
        session.make_claim(TEXT.index("Raad eens"), TEXT.index(": IRAN"))
        trump = next(m for m in session.state.marks if m.kind == "source" and m.suggested
                     and m.start == TEXT.index("Trump op"))
        session.link_mark(trump)
    else:
        session.accept()  # Raad eens, with Trump and Twitter; then a claim of the coder's own
        session.make_claim(TEXT.index("Raad eens"), TEXT.index(": IRAN"))
        trump = next(m for m in session.state.marks if m.kind == "source"
                     and m.start == TEXT.index("Trump op"))
        session.link_mark(trump)
    twitter = next(m for m in session.state.marks if m.kind == "source"
                   and m.start == TEXT.index("Twitter. ‘We"))
    assert twitter.channel and twitter.suggested == suggested
    session.link_mark(twitter)
    claim = next(c for c in session.proj.claims(session.me.id) if c.id == session.focus[2])
    sources = {s.id: TEXT[s.start:s.end] for s in session.proj.sources(session.me.id)}
    assert sources[claim.source_id] == "Trump" and sources[claim.channel_id] == "Twitter"
    assert session.history.undo_text == "Set channel"


def test_a_plain_click_never_replaces_a_claims_source(tmp_path: Path) -> None:
    session = session_on(tmp_path / "s.annotator", GOLD)
    said: list[str] = []
    session.events.connect("message", said.append)
    focus_claim(session, TEXT.index("Raad eens"))  # a suggested claim: its source is Trump
    other = next(m for m in session.state.marks if m.kind == "source"
                 and m.start == TEXT.index("de uittredende"))
    assert session.click_source(other) and session.proj.claims(session.me.id) == []
    assert "Ctrl+click makes “de uittredende Amerikaanse president” the claim's source " \
           "instead of “Trump”" in said[-1]
    session.accept()
    focus_claim(session, TEXT.index("Raad eens"))
    assert session.click_source(other)  # the coder's claim: the same
    (claim,) = session.proj.claims(session.me.id)
    assert TEXT[session.state.sources[claim.source_id].start:][:5] == "Trump"
    assert session.click_source(other, replace=True)  # Ctrl+click: replaced
    (claim,) = session.proj.claims(session.me.id)
    assert session.state.source_label(claim.source_id) == "de uittredende Amerikaanse president"
    session.make_claim(TEXT.index("De aanval"), TEXT.index(" maar niet"))
    assert session.click_source(other)  # no source yet: a plain click links it
    assert session.focused_row().source == "de uittredende Amerikaanse president"
