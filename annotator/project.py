"""Use cases shared by the CLI and the GUI: create, open, import, suggest, read and edit a project.

A `Project` wraps one open project file. It holds no Qt and caches only the codebook.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from annotator import commands
from annotator.core.checks import CHECKS, claim_checks
from annotator.core.codebook import Codebook, codebook_from_json, default_codebook, load_codebook
from annotator.core.errors import ImportProblem, UserError
from annotator.core.languages import LANGUAGES
from annotator.core.model import (
    Article,
    ArticleRecord,
    Claim,
    Coder,
    Cue,
    ImportNote,
    SourceMention,
    Suggestions,
)
from annotator.store import annotations as A
from annotator.store import articles as AR
from annotator.store import suggestions as S
from annotator.store.codebook_rows import coded_values, read_codebook, write_codebook
from annotator.store.db import Database, write_meta

Progress = Callable[[int, int], None]


class Project:
    def __init__(self, db: Database):
        self.db = db
        self._codebook: Codebook | None = None

    # ---- life cycle ----------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | Path, *, language: str = "nl",
               codebook: str | Path | Codebook | None = None, overwrite: bool = False) -> Project:
        if language not in LANGUAGES:
            raise UserError(f"language must be nl or en, not {language!r}")
        if isinstance(codebook, Codebook):
            book = codebook
        else:
            book = load_codebook(codebook) if codebook else default_codebook()
        db = Database.create(path, overwrite=overwrite)
        with db.transaction() as c:
            write_codebook(c, book.to_json())
            write_meta(c, "language", language)
        return cls(db)

    @classmethod
    def open(cls, path: str | Path) -> Project:
        return cls(Database.open(path))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def project_id(self) -> str:
        return self.db.project_id

    @property
    def language(self) -> str:
        return self.db.meta("language") or "nl"

    # ---- codebook ------------------------------------------------------------------------
    @property
    def codebook(self) -> Codebook:
        if self._codebook is None:
            body = read_codebook(self.db.conn)
            self._codebook = codebook_from_json(body) if body else default_codebook()
        return self._codebook

    def set_codebook(self, book: Codebook) -> None:
        """Replace the codebook, refusing changes that would orphan coded values."""
        problems = self.orphaned_by(book)
        if problems:
            raise UserError("the new codebook would orphan coded values: " + "; ".join(problems))
        with self.db.transaction() as c:
            write_codebook(c, book.to_json())
        self._codebook = book

    def orphaned_by(self, book: Codebook) -> list[str]:
        """Coded values that `book` no longer has, as readable lines."""
        out = []
        for var, val, n in coded_values(self.db.conn):
            v = book.variable(var)
            if v is None:
                out.append(f"{n} coded value(s) of variable {var!r}, which it drops")
            elif v.is_categorical and v.value(val) is None:
                out.append(f"{n} claim(s) coded {var} = {val!r}, a value it drops")
        return out

    # ---- articles ------------------------------------------------------------------------
    def articles(self) -> list[Article]:
        return AR.list_articles(self.db)

    def article(self, article_id: int) -> Article | None:
        return AR.get_article(self.db, article_id)

    def article_text(self, article_id: int) -> str:
        return AR.article_text(self.db, article_id)

    def import_records(self, records: Iterable[ArticleRecord | ImportProblem | ImportNote],
                       outcome: AR.ImportOutcome | None = None) -> AR.ImportOutcome:
        """Add articles in one transaction: all accepted ones, or none if something breaks."""
        return self._import([records], outcome or AR.ImportOutcome())

    def import_paths(self, paths: Iterable[str | Path], *, progress: Progress | None = None,
                     **options: Any) -> AR.ImportOutcome:
        """Import files and folders (walked) with the importers in `annotator.io`: the good
        files in one transaction, each bad one (or bad row) reported by name."""
        from annotator.io.importers import collect_files, read_records

        # Files found in subfolders get the subfolder in their id, so that nrc/001.txt and
        # ad/001.txt are two articles.
        files: list[tuple[Path, str]] = []
        for given in map(Path, paths):
            for f in collect_files([given]):
                rel = f.parent.relative_to(given).as_posix() if given.is_dir() else "."
                files.append((f, "" if rel == "." else rel + "/"))

        def groups() -> Iterator[Iterator[ArticleRecord | ImportProblem | ImportNote]]:
            for i, (f, prefix) in enumerate(files):
                yield _guarded(f, read_records(
                    f, with_notes=True, **({"id_prefix": prefix} if prefix else {}), **options))
                if progress:
                    progress(i + 1, len(files))

        return self._import(groups(), AR.ImportOutcome())

    def _import(self, groups: Iterable[Iterable[ArticleRecord | ImportProblem | ImportNote]],
                outcome: AR.ImportOutcome) -> AR.ImportOutcome:
        """One transaction; each group (a file) is kept whole or, if refused, dropped whole."""
        with self.db.transaction() as c:
            inserter = AR.ArticleInserter(c, outcome)
            for group in groups:
                inserter.begin_file()
                refused = _add_group(inserter, group, outcome)
                if refused is None:
                    inserter.end_file()
                else:
                    inserter.drop_file()
                    outcome.skipped.append((_where(refused),
                                            refused.problem + "; nothing from this file was "
                                                              "imported"))
        return outcome

    def set_require_blind(self, article_ids: Iterable[int], blind: bool = True) -> None:
        AR.set_require_blind(self.db, article_ids, blind)

    # ---- coders --------------------------------------------------------------------------
    def coders(self) -> list[Coder]:
        return AR.list_coders(self.db)

    def coder(self, name: str) -> Coder | None:
        return AR.coder_by_name(self.db, name)

    def ensure_coder(self, name: str) -> Coder:
        return AR.ensure_coder(self.db, name)

    def own_coder(self) -> str | None:
        """The coder a coder file (`annotator coder-file`) was made for; None for a project."""
        return self.db.meta("coder")

    def check_coder(self, name: str) -> None:
        """A coder file codes as its own coder only: another name is refused (its work would
        merge as a coder nobody assigned)."""
        own = self.own_coder()
        if own is not None and name != own:
            raise UserError(f"this is {own}'s coder file (annotator coder-file): it opens as "
                            f"{own!r}, not {name!r}. To code as {name!r}, open {name}'s own "
                            "coder file", path=self.path)

    # ---- annotations ---------------------------------------------------------------------
    def claims(self, coder_id: int | None = None, article_id: int | None = None) -> list[Claim]:
        return A.list_claims(self.db, article_id, coder_id)

    def sources(self, coder_id: int | None = None,
                article_id: int | None = None) -> list[SourceMention]:
        return A.list_sources(self.db, article_id, coder_id)

    def cues(self, coder_id: int | None = None, article_id: int | None = None) -> list[Cue]:
        return A.list_cues(self.db, article_id, coder_id)

    def statuses(self, coder_id: int) -> dict[int, tuple[str, str]]:
        return A.article_statuses(self.db, coder_id)

    def article_values(self, article_id: int, coder_id: int) -> dict[str, str]:
        return A.article_values(self.db, article_id, coder_id)

    def claim_counts(self, coder_id: int) -> dict[int, int]:
        return A.claim_counts(self.db, coder_id)

    def decisions(self, article_id: int, coder_id: int) -> dict[tuple[str, int, int], str]:
        return A.decisions(self.db, article_id, coder_id)

    # ---- suggestions ---------------------------------------------------------------------
    def suggestions(self, article_id: int) -> Suggestions | None:
        return S.get_suggestions(self.db, article_id)

    def unsuggested_article_ids(self) -> list[int]:
        done = S.suggested_article_ids(self.db)
        return [a.id for a in self.articles() if a.id not in done]

    def save_suggestions(self, article_id: int, payload: dict[str, Any], pipeline_version: str,
                         language: str | None = None) -> None:
        S.save_suggestions(self.db, [(article_id, payload)], pipeline_version, language)

    def save_suggestion_batch(self, batch: list[tuple[int, dict[str, Any]]],
                              pipeline_version: str) -> int:
        return S.save_suggestions(self.db, batch, pipeline_version)

    def suggest_articles(self, article_ids: list[int] | None = None, *, again: bool = False,
                         progress: Progress | None = None, batch_size: int = 32,
                         should_stop: Callable[[], bool] | None = None,
                         suggester: Callable[[list[str], str | None], Iterable[dict]] | None = None,
                         pipeline_version: str | None = None) -> int:
        """Run the pipeline over articles (default: those not yet suggested), committing per batch,
        so that an interrupted run keeps what it finished and resumes where it stopped.
        `suggester` (texts, language) -> payloads replaces the rules (a trained model beside
        them, see annotator.learn.use)."""
        from annotator.nlp.codebook_fit import fit_to_codebook, merge_notes
        from annotator.nlp.suggest import PIPELINE_VERSION, suggest_many

        self.suggestion_notes: dict[str, int] = {}  # codebook mismatches of this run, per kind

        languages = {a.id: a.language for a in self.articles()}
        if article_ids is None:
            article_ids = list(languages) if again else self.unsuggested_article_ids()
        total, done = len(article_ids), 0
        for i in range(0, total, batch_size):
            if should_stop and should_stop():
                break
            chunk = article_ids[i:i + batch_size]
            texts = [self.article_text(a) for a in chunk]
            langs = {languages.get(a, "") for a in chunk}
            # one declared language for the whole batch is passed on; otherwise detect per text
            language = langs.pop() if len(langs) == 1 and "" not in langs else None
            payloads = []
            batch = (suggester(texts, language) if suggester is not None
                     else suggest_many(texts, language=language))
            for payload in batch:
                payload, notes = fit_to_codebook(payload, self.codebook)  # only codes the codebook has
                merge_notes(self.suggestion_notes, notes)
                payloads.append(payload)
            done += self.save_suggestion_batch(list(zip(chunk, payloads, strict=True)),
                                               pipeline_version or PIPELINE_VERSION)
            if progress:
                progress(done, total)
        return done

    # ---- edits (each applied and saved at once; returns the undoable Edit) ---------------
    def apply(self, builder: Callable[..., commands.Edit], *args: Any, **kwargs: Any
              ) -> commands.Edit:
        return builder(self.db, *args, **kwargs)

    # ---- summary -------------------------------------------------------------------------
    def info(self) -> dict[str, Any]:
        counts = A.annotation_counts(self.db)
        coders = []
        for c in self.coders():
            statuses = self.statuses(c.id)
            claims = self.claims(coder_id=c.id)
            coders.append({
                "name": c.name,
                "claims": len(claims),
                "sources": len(self.sources(coder_id=c.id)),
                "articles_done": sum(1 for s, _ in statuses.values() if s == "done"),
                "articles_in_progress": sum(1 for s, _ in statuses.values() if s == "in_progress"),
                "checks": claim_check_counts(claims),
            })
        return {
            "project_id": self.project_id,
            "path": str(self.path),
            "language": self.language,
            "codebook": self.codebook.name,
            "articles": AR.count_articles(self.db),
            "suggested_articles": len(S.suggested_article_ids(self.db)),
            "coders": coders,
            **counts,
        }


def claim_check_counts(claims: Sequence[Claim]) -> dict[str, int]:
    """How many of `claims` fail each check of `annotator.core.checks` (0 included)."""
    found = Counter(code for c in claims for code in claim_checks(c.values, c.source_id))
    return {code: found[code] for code, _ in CHECKS}


def _where(problem: ImportProblem) -> str:
    if problem.path and problem.where:
        return f"{problem.path} {problem.where}"
    return problem.path or problem.where or ""


def _add_group(inserter: AR.ArticleInserter, group: Iterable[ArticleRecord | ImportProblem | ImportNote],
               outcome: AR.ImportOutcome) -> ImportProblem | None:
    """Add one file's records; the problem that refuses the whole file, if one comes."""
    from annotator.core.textcheck import record_problem

    for rec in group:
        if isinstance(rec, ImportProblem):
            if rec.refuses_file:
                return rec
            outcome.skipped.append((_where(rec), rec.problem))
        elif isinstance(rec, ImportNote):
            outcome.columns.append((rec.where, rec.note))
        elif (problem := record_problem(rec)) is not None:
            outcome.skipped.append((rec.where, f"{problem}; skipped"))
        else:
            inserter.add(rec)
    return None


def _guarded(path: Path, records: Iterable[ArticleRecord | ImportProblem | ImportNote]
             ) -> Iterator[ArticleRecord | ImportProblem | ImportNote]:
    """`records`, with anything a reader raises turned into a problem that refuses this file
    only: one broken file must not end a whole folder's import with a traceback."""
    it = iter(records)
    while True:
        try:
            item = next(it)
        except StopIteration:
            return
        except Exception as exc:  # MemoryError and RecursionError too: deep or huge input
            yield ImportProblem(f"cannot import this file ({type(exc).__name__}: "
                                f"{str(exc)[:200]})", path=path, refuses_file=True)
            return
        yield item
