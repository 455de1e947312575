"""`annotator suggest` (attribution suggestions for a file or a project) and `annotator evaluate`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from annotator.core.errors import UserError
from annotator.core.languages import LANGUAGES

_METRICS = (
    ("sources", ("source_p", "source_r", "source_f1", "type_acc")),
    ("cues", ("cue_p", "cue_r", "cue_f1")),
    ("claims", ("claim_p", "claim_r", "claim_f1", "attribution_acc", "link_acc")),
    ("certainty", ("certainty_acc", "certainty_level_recall", "recall_certain", "recall_probable",
                   "recall_possible", "recall_uncertain")),
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("suggest", help="suggest sources, cues and claims for a text or a project")
    p.add_argument("file", nargs="?", type=Path, metavar="FILE", help="a UTF-8 text file")
    p.add_argument("--project", type=Path, metavar="P",
                   help="store suggestions for every article of this project not yet suggested")
    p.add_argument("--again", action="store_true",
                   help="with --project: redo all articles (coders' accept/reject decisions stay)")
    p.add_argument("--model", type=Path, metavar="DIR",
                   help="with --project: the model folder 'annotator train --out DIR' wrote "
                        "(default: PROJECT.models beside the project, when trained)")
    p.add_argument("--rules-only", action="store_true",
                   help="with --project: the rules alone, even when a model was trained")
    p.add_argument("--syntax", action="store_true",
                   help="add the parse rules (needs a trained parser: $ANNOTATOR_PARSER_EN or the "
                        "packaged one; without it the rules alone, with a note); with --project "
                        "only together with --rules-only for now")
    p.add_argument("--format", choices=("json", "table"), default="json")
    p.add_argument("--language", choices=LANGUAGES, help="override language detection")
    p.set_defaults(func=run_suggest)

    p = sub.add_parser("evaluate", help="score the suggester against gold-coded articles")
    p.add_argument("gold_dirs", nargs="+", type=Path, metavar="GOLD_DIR",
                   help="folder with gold.json (dev set) or *.gold.json beside the texts; "
                        "with --cv: one project file")
    p.add_argument("--cv", type=int, metavar="K",
                   help="k-fold cross-validation over PROJECT's coded articles: rules vs the "
                        "model trained on the other folds vs both, with F1 per code")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--coder", metavar="NAME", help="with --cv: this coder's done articles")
    who.add_argument("--consensus", action="store_true", help="with --cv: the consensus'")
    p.add_argument("--epochs", type=int, default=12, help="with --cv: training passes")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--language", choices=LANGUAGES, help="override language detection")
    p.set_defaults(func=run_evaluate)


def run_suggest(args: argparse.Namespace) -> int:
    if args.project is not None and args.file is not None:
        raise UserError("give either a text FILE or --project P, not both")
    if args.project is not None:
        if args.syntax and not args.rules_only:
            raise UserError("--syntax with --project needs --rules-only for now "
                            "(the trained model's suggestions are not combined with the parse rules yet)")
        return suggest_project(args.project, again=args.again, model=args.model,
                               rules_only=args.rules_only, syntax=args.syntax)
    if args.file is None:
        raise UserError("give a text FILE or --project P")
    from annotator.nlp.suggest import suggest_text

    text = read_article_text(args.file)
    result = suggest_text(text, args.language, syntax=args.syntax)
    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(format_table(text, result))
    return 0


def read_article_text(path: Path) -> str:
    """The text of one article file: plain text as the contract says (BOM dropped, line ends
    made \\n); a .docx or .html article is read as `annotator import` reads it."""
    from annotator.core.text import decode_bytes

    if path.suffix.lower() in (".docx", ".html", ".htm"):
        from annotator.core.model import ImportNote
        from annotator.io.importers import read_records

        for record in read_records(path):
            if isinstance(record, UserError):
                raise record
            if isinstance(record, ImportNote):  # said of tables, not of one article's file
                continue
            return record.text
        raise UserError("no article text in the file", path=path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read the file ({exc.strerror})", path=path) from exc
    return decode_bytes(data, path=path)[0]


def format_table(text: str, result: dict) -> str:
    """A readable listing of the suggestions for people."""
    lines = [f"language: {result.get('language', '?')}   characters: {result['text_length']}", ""]
    lines.append(f"SOURCES ({len(result['sources'])})")
    for n, s in enumerate(result["sources"]):
        lines.append(f"  S{n:<3} {s['start']:>6}-{s['end']:<6} {s['type']:<13} {s['text']}")
    lines.append(f"CUES ({len(result['cues'])})")
    for n, c in enumerate(result["cues"]):
        lines.append(f"  C{n:<3} {c['start']:>6}-{c['end']:<6} {c['text']}")
    lines.append(f"CLAIMS ({len(result['claims'])})")
    for n, c in enumerate(result["claims"]):
        src = "-" if c["source"] is None else result["sources"][c["source"]]["text"]
        cue = "-" if c["cue"] is None else result["cues"][c["cue"]]["text"]
        snippet = " ".join(text[c["start"]:c["end"]].split())
        snippet = snippet if len(snippet) <= 90 else snippet[:87] + "..."
        lines.append(f"  K{n:<3} {c['attribution']:<12} {c['certainty']:<9} source: {src} | cue: {cue}"
                     f" | rule: {c.get('rule', '')}")
        lines.append(f"        {snippet}")
    return "\n".join(lines)


def suggest_project(path: Path, *, again: bool, model: Path | None = None,
                    rules_only: bool = False, syntax: bool = False) -> int:
    """Suggestions for a project's articles, per batch, with a progress bar on stderr; with the
    project's trained model beside the rules when there is a usable one."""
    from annotator.learn.use import suggest_project as suggest
    from annotator.project import Project

    with Project.open(path) as proj:
        options = _syntax_options() if syntax else {}
        done, message = suggest(proj, again=again, base=model, rules_only=rules_only,
                                progress=_progress_bar, **options)
        notes = getattr(proj, "suggestion_notes", {})
    print(file=sys.stderr)
    if message:
        print(f"note: {message}", file=sys.stderr)
    print(f"suggestions stored for {done} article(s)")
    for note, articles in notes.items():
        print(f"note: {note} (in {articles} article(s)); fill these in by hand", file=sys.stderr)
    return 0


def _syntax_options() -> dict:
    """Project.suggest_articles options for the rules with the parse rules."""
    from annotator.nlp.suggest import PIPELINE_VERSION, suggest_many

    def suggester(texts: list[str], language: str | None) -> list[dict]:
        return list(suggest_many(texts, language=language, syntax=True))

    return {"suggester": suggester, "pipeline_version": f"{PIPELINE_VERSION}+syntax"}


def _progress_bar(done: int, total: int) -> None:
    width = 30
    filled = width * done // total if total else width
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    sys.stderr.flush()


def run_evaluate(args: argparse.Namespace) -> int:
    from annotator.nlp.evaluate import evaluate_dir

    if args.cv is not None:
        return run_cross_validation(args)
    if args.coder or args.consensus:
        raise UserError("--coder and --consensus go with --cv K PROJECT")

    results = {}
    for folder in args.gold_dirs:
        if not folder.is_dir():
            raise UserError("not a folder of gold-coded articles", path=folder)
        results[str(folder)] = evaluate_dir(folder, language=args.language)
    if args.format == "json":
        print(json.dumps(results, indent=2))
    else:
        print(format_scores(results))
    return 0


def format_scores(results: dict[str, dict]) -> str:
    names = list(results)
    width = max(12, *(len(n) for n in names))
    lines = [f"{'':<24}" + "".join(f"{n[-width:]:>{width + 2}}" for n in names)]
    lines.append(f"{'articles':<24}" + "".join(f"{results[n]['articles']:>{width + 2}}" for n in names))
    for group, keys in _METRICS:
        lines.append(group)
        for key in keys:
            cells = "".join(f"{_fmt(results[n].get(key)):>{width + 2}}" for n in names)
            lines.append(f"  {key:<22}" + cells)
    return "\n".join(lines)


def _fmt(value: object) -> str:
    return "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def run_cross_validation(args: argparse.Namespace) -> int:
    from annotator.learn.crossval import MODES, cross_validate
    from annotator.learn.data import coded_articles, require_enough
    from annotator.learn.train import Settings
    from annotator.project import Project

    if len(args.gold_dirs) != 1 or args.gold_dirs[0].is_dir():
        raise UserError("--cv K takes one project file, not folders of gold-coded articles")
    if args.cv < 2:
        raise UserError("--cv needs at least 2 folds")
    with Project.open(args.gold_dirs[0]) as proj:
        articles = coded_articles(proj, args.coder, args.consensus)
        require_enough(articles, max(args.cv * 2, 10), proj.path)
        lang, book = proj.language, proj.codebook
    results = cross_validate(articles, lang, book, args.cv, settings=Settings(epochs=args.epochs),
                             on_fold=lambda i, k: print(f"fold {i}/{k} done", file=sys.stderr))
    if args.format == "json":
        print(json.dumps(results, indent=2))
        return 0
    print(f"{args.cv}-fold cross-validation over {results['articles']} coded articles")
    print(format_scores({m: results[m] for m in MODES}))
    print("F1 per code")
    for var in results["per_code_f1"]["model"]:
        print(f"  {var}")
        codes = sorted({c for m in MODES for c in results["per_code_f1"][m].get(var, {})})
        for code in codes:
            cells = "".join(f"{_fmt(results['per_code_f1'][m][var].get(code)):>14}" for m in MODES)
            print(f"    {code:<20}{cells}")
    return 0
