"""Check an Office file (.docx, .xlsx: a zip of XML parts) before any parser opens it.

Refused: files that are not zips (old .doc/.xls, password-protected files), zip bombs (too
much uncompressed data, or parts that compress implausibly well), and XML parts that declare
a DTD, which Office never writes and entity tricks ("billion laughs") need. The zip's declared
sizes can be trusted here because `zipfile` never inflates a member past them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from annotator.core.errors import ImportProblem

MAX_UNCOMPRESSED = 1024 * 1024 * 1024  # 1 GB of XML is no article collection
MAX_MEMBERS = 10_000
MAX_RATIO = 200  # typical Office XML compresses 5-30x; a bomb, 1000x
RATIO_CHECKED_ABOVE = 10 * 1024 * 1024  # small parts may compress as well as they like

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_office_zip(path: Path, kind: str) -> None:
    """Raise `ImportProblem` unless `path` is a plausible, harmless `kind` (e.g. "Word") file."""
    try:
        with path.open("rb") as f:
            magic = f.read(8)
        if magic == _OLE_MAGIC:
            raise ImportProblem(f"this is an old-format or password-protected {kind} file; "
                                f"open it in {kind} and save it as {path.suffix} without a "
                                "password", path=path)
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
            _check_sizes(path, members)
            for info in members:
                if info.filename.endswith((".xml", ".rels")):
                    _check_no_dtd(path, zf, info)
    except zipfile.BadZipFile as exc:
        raise ImportProblem(f"this is not a valid {path.suffix} file (a broken or non-zip "
                            f"file: {exc})", path=path) from exc
    except (RuntimeError, NotImplementedError) as exc:  # encrypted or exotic compression
        raise ImportProblem(f"cannot unpack this {path.suffix} file ({exc})", path=path) from exc
    except OSError as exc:
        raise ImportProblem(f"cannot read the file ({exc.strerror or exc})", path=path) from exc


def _check_sizes(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise ImportProblem(f"refused: the file holds {len(members)} parts (a zip bomb?)",
                            path=path)
    total = sum(i.file_size for i in members)
    if total > MAX_UNCOMPRESSED:
        raise ImportProblem(f"refused: the file unpacks to {total / 2**20:.0f} MB (over "
                            f"{MAX_UNCOMPRESSED // 2**20} MB; a zip bomb?)", path=path)
    for info in members:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_CHECKED_ABOVE and ratio > MAX_RATIO:
            raise ImportProblem(f"refused: part {info.filename} unpacks {ratio:.0f} times larger "
                                f"({info.file_size / 2**20:.0f} MB; a zip bomb?)", path=path)


def _check_no_dtd(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Parse `info` only up to its root element, which is where a DTD would have to be."""
    try:
        with zf.open(info) as part:
            for _event in iterparse(part, events=("start",), forbid_dtd=True):
                return
    except DefusedXmlException as exc:
        raise ImportProblem(f"refused: part {info.filename} declares a DTD or entities "
                            f"(hostile XML: {type(exc).__name__})", path=path) from exc
    except ParseError as exc:
        raise ImportProblem(f"part {info.filename} is not well-formed XML ({exc})",
                            path=path) from exc
