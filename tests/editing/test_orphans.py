"""A mention no claim links to any more is removed when it only came with an accepted
suggestion (re-sourcing a claim, deleting a claim); a coder's own mark is never removed; undo
brings everything back exactly; the Sources sheet counts no leftovers."""

from __future__ import annotations

import csv
from pathlib import Path

from annotator.cli import main
from annotator.editing.session import EditingSession
from tests.editing.sessions import GOLD, TEXT, session_on


def open_session(path: Path) -> EditingSession:
    return session_on(path, GOLD)


def accept_at(session: EditingSession, quote: str) -> int:
    session.set_focus(next(r.key for r in session.state.rows if r.start == TEXT.index(quote)))
    session.accept()
    claim = next(c for c in session.proj.claims(session.me.id) if c.start == TEXT.index(quote))
    session.set_focus(("claim", False, claim.id))
    return claim.id


def marks(session: EditingSession) -> set[str]:
    return {TEXT[s.start:s.end] for s in session.proj.sources(session.me.id)} | {
        TEXT[c.start:c.end] for c in session.proj.cues(session.me.id)}


def snapshot(session: EditingSession) -> tuple:
    p, me = session.proj, session.me.id
    return (sorted(map(repr, p.sources(me))), sorted(map(repr, p.cues(me))),
            sorted(map(repr, p.claims(me))))


def test_resourcing_a_claim_removes_the_accepted_source_it_replaced(tmp_path: Path) -> None:
    session = open_session(tmp_path / "s.annotator")
    accept_at(session, "Onze ambassade")
    before = snapshot(session)
    assert "de uittredende Amerikaanse president" in marks(session)
    start = TEXT.index("Amerikaanse president op")
    session.make_source(start, start + len("Amerikaanse president"), "person")  # S
    assert "de uittredende Amerikaanse president" not in marks(session)
    assert "Amerikaanse president" in marks(session) and "Twitter" in marks(session)
    session.undo()  # one step, exactly back
    assert snapshot(session) == before
    session.redo()
    # the coder's own source replaced in turn: it stays (never lose a deliberate mark)
    session.make_source(TEXT.index("Trump op Twitter"), TEXT.index(" op Twitter. ‘We"), "person")
    assert "Amerikaanse president" in marks(session)


def test_deleting_a_claim_removes_what_only_came_with_it(tmp_path: Path) -> None:
    path = tmp_path / "s.annotator"
    session = open_session(path)
    # two pieces of one quote share source and cue: deleting one keeps them for the other
    accept_at(session, "Er zouden binnenkort")
    accept_at(session, "Ze zouden wel")
    session.delete_focused()
    assert {"een anonieme bron", "Reuters", "aldus"} <= marks(session)
    accept_at(session, "Raad eens")
    manual = TEXT.index("De aanval")
    session.make_cue(manual, manual + len("De aanval"))  # the coder's own cue on it
    before = snapshot(session)
    session.delete_focused()
    assert "Trump" not in marks(session) and "Twitter" not in {
        TEXT[s.start:s.end] for s in session.proj.sources(session.me.id)
        if s.start == TEXT.index("Twitter. ‘We")}
    assert "De aanval" in marks(session)  # manual: kept, though no claim links it now
    session.undo()
    assert snapshot(session) == before
    session.redo()
    session.close()
    out = tmp_path / "csv"
    assert main(["export", str(path), "--csv", str(out)]) == 0
    with open(out / "sources.csv", encoding="utf-8-sig", newline="") as fh:
        shown = sorted(r["source_text"] for r in csv.DictReader(fh))
    assert shown == ["Reuters", "een anonieme bron"]
