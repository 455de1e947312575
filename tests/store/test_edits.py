"""Undoable edits: each saved at once, reverted and re-applied exactly."""

from __future__ import annotations

import pytest

from annotator import commands
from annotator.core.model import ArticleRecord
from annotator.project import Project

TEXT = ("Persagentschap Reuters meldt dat de president geen bewijs kan geven. "
        "‘Denk goed na’, aldus Trump op Twitter.")


@pytest.fixture
def setup(project: Project):
    out = project.import_records([ArticleRecord(text=TEXT, ext_id="a1", outlet="De Standaard")])
    coder = project.ensure_coder("anna")
    return project, out.added[0], coder.id


def _state(project: Project) -> tuple:
    return ([(c.start, c.end, c.source_id, c.cue_id, c.values, c.origin, c.note)
             for c in project.claims()],
            [(s.start, s.end, s.type) for s in project.sources()],
            [(c.start, c.end) for c in project.cues()])


def test_edit_add_claim_with_source_and_cue_is_stored_and_reverts(setup) -> None:
    project, art, coder = setup
    s = TEXT.index("Reuters")
    e_src = project.apply(commands.add_source, art, coder, s, s + 7, "news_media")
    src_id = e_src.created("source_mention")[0]
    e_cue = project.apply(commands.add_cue, art, coder, TEXT.index("meldt"), TEXT.index("meldt") + 5)
    cue_id = e_cue.created("cue")[0]
    start = TEXT.index("de president")
    end = TEXT.index(".")
    e_claim = project.apply(commands.add_claim, art, coder, start, end,
                            values={"attribution": "indirect", "certainty": "certain"},
                            source_id=src_id, cue_id=cue_id)
    (claim,) = project.claims(coder_id=coder)
    assert TEXT[claim.start:claim.end] == "de president geen bewijs kan geven"
    assert claim.values == {"attribution": "indirect", "certainty": "certain"}
    assert claim.origin == "manual"
    assert project.statuses(coder)[art][0] == "in_progress"
    full = _state(project)
    e_claim.revert(project.db)
    assert project.claims() == []
    e_claim.apply(project.db)
    assert _state(project) == full


def test_edit_delete_source_clears_links_and_undo_restores_them(setup) -> None:
    project, art, coder = setup
    src = project.apply(commands.add_source, art, coder, 15, 22, "news_media").created(
        "source_mention")[0]
    project.apply(commands.add_claim, art, coder, 32, 60, values={"certainty": "certain"},
                  source_id=src)
    before = _state(project)
    edit = project.apply(commands.delete_span, "source_mention", src)
    assert project.claims()[0].source_id is None
    edit.revert(project.db)
    assert _state(project) == before
    assert project.claims()[0].source_id == src


def test_edit_delete_claim_undo_restores_values(setup) -> None:
    project, art, coder = setup
    cid = project.apply(commands.add_claim, art, coder, 32, 60,
                        values={"attribution": "indirect", "certainty": "possible"}).created(
        "claim")[0]
    before = _state(project)
    edit = project.apply(commands.delete_span, "claim", cid)
    assert project.claims() == []
    edit.revert(project.db)
    assert _state(project) == before


def _suggest(project: Project, art: int) -> None:
    r = TEXT.index("Reuters")
    m = TEXT.index("meldt")
    payload = {"sources": [{"start": r, "end": r + 7, "text": "Reuters", "type": "news_media"}],
               "cues": [{"start": m, "end": m + 5, "text": "meldt"}],
               "claims": [{"start": TEXT.index("de president"), "end": TEXT.index("."),
                           "source": 0, "cue": 0, "attribution": "indirect",
                           "certainty": "certain"}]}
    project.save_suggestions(art, payload, "test-1", "nl")


def test_edit_accept_suggestion_makes_it_the_coders_own_with_origin(setup) -> None:
    project, art, coder = setup
    _suggest(project, art)
    sug = project.suggestions(art)
    edit = project.apply(commands.accept_suggestion, coder, sug.claims[0].id)
    (claim,) = project.claims(coder_id=coder)
    assert claim.origin == "accepted"
    assert claim.suggestion_id == sug.claims[0].id
    assert claim.values == {"attribution": "indirect", "certainty": "certain"}
    (src,) = project.sources(coder_id=coder)
    assert (src.type, src.origin) == ("news_media", "accepted")
    assert claim.source_id == src.id and claim.cue_id is not None
    assert project.decisions(art, coder)[("claim", claim.start, claim.end)] == "accepted"
    # an edit by the coder turns it into 'edited'
    later = project.apply(commands.set_claim_value, claim.id, "certainty", "probable")
    assert project.claims()[0].origin == "edited"
    later.revert(project.db)  # undone in stack order: the later edit first, then the accept
    edit.revert(project.db)
    assert project.claims() == []


def test_edit_reject_is_recorded_and_suggestions_never_count_as_coding(setup) -> None:
    project, art, coder = setup
    _suggest(project, art)
    sug = project.suggestions(art)
    project.apply(commands.reject_suggestion, coder, sug.claims[0].id)
    assert project.claims() == []
    assert project.decisions(art, coder) == {("claim", sug.claims[0].start,
                                              sug.claims[0].end): "rejected"}
    assert project.info()["claims"] == 0


def test_edit_rerunning_suggestions_keeps_coders_work(setup) -> None:
    project, art, coder = setup
    _suggest(project, art)
    project.apply(commands.accept_suggestion, coder, project.suggestions(art).claims[0].id)
    _suggest(project, art)  # the pipeline runs again
    assert len(project.claims(coder_id=coder)) == 1
    assert len(project.suggestions(art).claims) == 1


def test_edit_span_nudge_and_status(setup) -> None:
    project, art, coder = setup
    cid = project.apply(commands.add_claim, art, coder, 32, 60).created("claim")[0]
    edit = project.apply(commands.update_span, "claim", cid, start=35)
    assert "boundaries" in edit.text
    assert project.claims()[0].start == 35
    done = project.apply(commands.set_article_status, art, coder, "done")
    assert project.statuses(coder)[art][0] == "done"
    done.revert(project.db)
    assert project.statuses(coder)[art][0] == "in_progress"


def test_edit_codebook_change_that_orphans_values_is_refused(setup) -> None:
    from dataclasses import replace

    from annotator.core.errors import UserError

    project, art, coder = setup
    project.apply(commands.add_claim, art, coder, 32, 60, values={"certainty": "possible"})
    book = project.codebook
    cert = book.variable("certainty")
    slim = replace(cert, values=tuple(v for v in cert.values if v.code != "possible"))
    smaller = replace(book, variables=tuple(slim if v.name == "certainty" else v
                                            for v in book.variables))
    with pytest.raises(UserError, match="certainty = 'possible'"):
        project.set_codebook(smaller)
    assert project.codebook.variable("certainty").value("possible") is not None


def test_edit_refuses_rows_changed_since_they_were_read(setup) -> None:
    """Issue 11.13, in the command layer: `seen` (the row as a window shows it) must match,
    and undo/redo must find the rows as they left them; else StaleEdit and nothing written."""
    project, art, coder = setup
    edit = project.apply(commands.add_claim, art, coder, 0, 4, values={"certainty": "certain"})
    (claim,) = project.claims(coder_id=coder)
    seen = {"note": claim.note, "modified": claim.modified, "values": dict(claim.values)}
    project.apply(commands.set_claim_value, claim.id, "certainty", "possible")  # elsewhere
    with pytest.raises(commands.StaleEdit, match="changed in another window"):
        project.apply(commands.update_span, "claim", claim.id, seen=seen, note="mine")
    with pytest.raises(commands.StaleEdit, match="changed"):
        edit.revert(project.db)  # the undo would delete a claim edited since
    (still,) = project.claims(coder_id=coder)
    assert still.values == {"certainty": "possible"} and still.note == ""
    project.apply(commands.delete_span, "claim", claim.id)
    with pytest.raises(commands.StaleEdit, match="deleted in another window"):
        project.apply(commands.set_claim_value, claim.id, "certainty", "certain")
    with pytest.raises(commands.StaleEdit):
        edit.apply(project.db)  # a redo of the add over a row that is not as it expects


@pytest.mark.parametrize("note", ["nul\x00", "esc\x1b[31m", "half \ud800 pair", "del\x7f"])
def test_commands_refuse_notes_that_are_not_storable_text(setup, note: str) -> None:
    """Issue 11.10: every command that writes a note (or a canonical name) checks it with
    core.textcheck, as the GUI's note fields and the sheet read-back call them."""
    from annotator.core.errors import UserError

    project, art, coder = setup
    claim = project.apply(commands.add_claim, art, coder, 0, 10).created("claim")[0]
    attempts = [lambda: project.apply(commands.add_claim, art, coder, 0, 5, note=note),
                lambda: project.apply(commands.update_span, "claim", claim, note=note),
                lambda: project.apply(commands.set_article_note, art, coder, note),
                lambda: project.apply(commands.set_article_status, art, coder, "done", note),
                lambda: project.apply(commands.add_source, art, coder, 0, 5, None, note)]
    before = _state(project)
    for attempt in attempts:
        with pytest.raises(UserError, match="the (note|canonical) holds"):
            attempt()
    assert _state(project) == before
    assert project.apply(commands.update_span, "claim", claim, note="tab\tand\nline").changes


def test_commands_in_domain_terms_are_the_row_changes_and_undo_exactly(setup) -> None:
    from annotator.core.model import Kind, Role

    project, art, coder = setup
    src = project.apply(commands.add_source, art, coder, 15, 22, "news_media").created(Kind.SOURCE)[0]
    via = project.apply(commands.add_source, art, coder, 0, 14, "news_media").created(Kind.SOURCE)[0]
    cid = project.apply(commands.add_claim, art, coder, 32, 60).created(Kind.CLAIM)[0]
    before = _state(project)
    channel = project.apply(commands.link_source, cid, via, role=Role.CHANNEL)
    source = project.apply(commands.link_source, cid, src)
    (claim,) = project.claims(coder_id=coder)
    assert (claim.source_id, claim.channel_id) == (src, via)
    assert [(ch.table, ch.after and ch.after["channel_id"]) for ch in channel.changes] == [
        ("claim", via)]
    retyped = project.apply(commands.update_source, src, type="person")
    gone = project.apply(commands.delete_annotation, Kind.CLAIM, cid)
    assert project.claims() == []
    for edit in (gone, retyped, source, channel):
        edit.revert(project.db)
    assert _state(project) == before
