"""Saved web pages (.html, .htm): one article per file.

The text is the headings and paragraphs of the page's <article> (else <main>, else <body>),
without scripts, styles, navigation, footers and asides, one paragraph per block separated by
a blank line. Metadata comes from <title>, OpenGraph and meta tags: og:site_name is the outlet,
article:published_time the date, the canonical link the url, <html lang> the language.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import ImportProblem
from annotator.core.model import ArticleRecord
from annotator.core.text import looks_binary, normalise_newlines
from annotator.io.import_common import file_record, read_limited
from annotator.io.import_dates import normalise_date
from annotator.io.import_encoding import decode_text

MAX_HTML_BYTES = 50 * 1024 * 1024
DROPPED_TAGS = ("script", "style", "nav", "footer", "aside", "noscript", "template", "form",
                "iframe", "svg", "button")
BLOCK_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p")
DATE_META = ("article:published_time", "datepublished", "date", "pubdate", "publishdate",
             "dc.date", "dcterms.date", "publication_date")

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_LINE_BREAK = "\ue000"  # stands for <br> while whitespace is collapsed
# WHATWG: pages labelled Latin-1 or ASCII are read as windows-1252, as browsers do.
_LABEL_ALIASES = {"iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252"}


def read_html(path: Path, **options: Any) -> Iterator[ArticleRecord | ImportProblem]:
    try:
        html, encoding = decode_html(read_limited(path, MAX_HTML_BYTES, "web page"), path)
    except ImportProblem as problem:
        yield problem
        return
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    del html
    meta = _meta(soup)
    for tag in soup.find_all(("head", *DROPPED_TAGS)):
        tag.decompose()
    text = "\n\n".join(_paragraphs(soup))
    if not text.strip():
        yield ImportProblem("the page has no article text", path=path)
        return
    yield file_record(path, text, encoding, options, **meta)


def decode_html(data: bytes, path: Path) -> tuple[str, str]:
    """Text of the page: UTF-8 if it is valid UTF-8 (whatever the page claims), else in its
    declared charset when that decodes cleanly, else in the detected one."""
    declared = _declared_charset(data)
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        if looks_binary(data):
            raise ImportProblem("this is a binary file, not a web page", path=path)
        with contextlib.suppress(UnicodeDecodeError):
            return normalise_newlines(data.decode("utf-8")), "utf-8"
        try:
            return normalise_newlines(data.decode(declared)), declared
        except UnicodeDecodeError:
            pass  # the page lies about its charset: detect instead
    return decode_text(data, path)


def _declared_charset(data: bytes) -> str | None:
    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        name = codecs.lookup(m[1].decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return _LABEL_ALIASES.get(name, name)


def _content(soup: Any, *names: str) -> str:
    """The first non-empty content of <meta property|name=...> among `names`."""
    for name in names:
        for attr in ("property", "name", "itemprop"):
            tag = soup.find("meta", attrs={attr: re.compile(f"^{re.escape(name)}$", re.I)})
            if tag and str(tag.get("content", "")).strip():
                return " ".join(str(tag["content"]).split())
    return ""


def _meta(soup: Any) -> dict[str, Any]:
    title = soup.title.get_text() if soup.title else ""
    title = " ".join(title.split()) or _content(soup, "og:title")
    canonical = soup.find("link", rel="canonical")
    url = str(canonical.get("href", "")).strip() if canonical else ""
    html_tag = soup.find("html")
    time_tag = soup.find("time", datetime=True)
    date = _content(soup, *DATE_META) or (str(time_tag["datetime"]) if time_tag else "")
    metadata = {key: value for key, value in (
        ("author", _content(soup, "author", "article:author")),
        ("description", _content(soup, "description", "og:description")),
        ("section", _content(soup, "article:section")),
    ) if value}
    return {"title": title, "outlet": _content(soup, "og:site_name"),
            "date": normalise_date(date), "url": url or _content(soup, "og:url"),
            "language": str(html_tag.get("lang", "")) if html_tag else "",
            "metadata": metadata}


def _paragraphs(soup: Any) -> Iterator[str]:
    container = soup.find("article") or soup.find("main") or soup.body or soup
    for br in container.find_all("br"):
        br.replace_with(_LINE_BREAK)
    blocks = container.find_all(BLOCK_TAGS)
    if not blocks:  # no paragraph markup: every line of text is a paragraph
        yield from (line for line in (_clean(t) for t in container.get_text("\n").split("\n"))
                    if line)
        return
    for block in blocks:
        if block.find_parent(BLOCK_TAGS) is None and (text := _clean(block.get_text())):
            yield text


def _clean(text: str) -> str:
    """Collapse whitespace as a browser does, keeping <br> as a line break."""
    lines = (" ".join(part.split()) for part in text.split(_LINE_BREAK))
    return "\n".join(line for line in lines if line)

