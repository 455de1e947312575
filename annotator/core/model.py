"""Core records: articles, suggestions and a coder's annotations. Plain data, no storage."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

# the coder whose coding is the settled one (the agreement window's consensus step writes it)
CONSENSUS = "consensus"

ORIGINS = ("accepted", "edited", "manual")
# a coder's progress on an article (the window's Status, the sheet's Articles table)
ARTICLE_STATUSES = ("not_started", "in_progress", "done")
# the analysis dataset's progress of an article two or more coders coded without a consensus
NEEDS_CONSENSUS = "needs_consensus"


class Kind(StrEnum):
    """What a coder marks in a text: a source mention, a cue or a claim."""

    SOURCE = "source"
    CUE = "cue"
    CLAIM = "claim"


class Role(StrEnum):
    """How a source mention serves a claim: the one who says it, or the channel it came by."""

    SOURCE = "source"
    CHANNEL = "channel"


@dataclass
class ArticleRecord:
    """One article as an importer produces it, before it is stored.

    `text` is already normalised (see `annotator.core.text`). `where` says where in the input it
    came from ("file.csv row 12") for messages.
    """

    text: str
    ext_id: str | None = None
    title: str = ""
    outlet: str = ""
    date: str = ""
    url: str = ""
    language: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    source_file: str = ""
    where: str = ""
    encoding: str = ""


@dataclass(frozen=True)
class ImportNote:
    """What an importer says about a file besides its articles and problems (how a table's
    columns were read). `where` names the file."""

    where: str
    note: str


@dataclass(frozen=True)
class Article:
    id: int
    ext_id: str
    title: str
    outlet: str
    date: str
    url: str
    language: str
    sha256: str
    text_length: int
    duplicate_of: int | None
    metadata: dict[str, Any]
    require_blind: bool = False


@dataclass(frozen=True)
class SuggestedSource:
    id: int
    start: int
    end: int
    type: str | None
    rule: str = ""  # the suggester's rule that found it


@dataclass(frozen=True)
class SuggestedCue:
    id: int
    start: int
    end: int
    rule: str = ""


@dataclass(frozen=True)
class SuggestedClaim:
    id: int
    start: int
    end: int
    source: int | None  # SuggestedSource.id
    cue: int | None  # SuggestedCue.id
    attribution: str | None
    certainty: str | None
    rule: str = ""
    channel: int | None = None  # SuggestedSource.id of the channel (aldus X op Twitter)


@dataclass(frozen=True)
class Suggestions:
    """The pipeline's layer for one article: never a coder's work."""

    article_id: int
    pipeline_version: str
    sources: tuple[SuggestedSource, ...] = ()
    cues: tuple[SuggestedCue, ...] = ()
    claims: tuple[SuggestedClaim, ...] = ()


@dataclass(frozen=True)
class SourceMention:
    id: int
    uid: str
    article_id: int
    coder_id: int
    start: int
    end: int
    type: str | None
    canonical: str | None
    origin: str
    suggestion_id: int | None
    modified: str


@dataclass(frozen=True)
class Cue:
    id: int
    uid: str
    article_id: int
    coder_id: int
    start: int
    end: int
    origin: str
    suggestion_id: int | None
    modified: str


@dataclass(frozen=True)
class Claim:
    id: int
    uid: str
    article_id: int
    coder_id: int
    start: int
    end: int
    source_id: int | None
    channel_id: int | None
    cue_id: int | None
    values: dict[str, str]
    note: str
    origin: str
    suggestion_id: int | None
    created: str
    modified: str


@dataclass(frozen=True)
class Coder:
    id: int
    name: str
    origin_file_id: str | None = None
