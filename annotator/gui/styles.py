"""How each kind of mark looks. Shapes carry the meaning, colour only adds to it:

- a source is a filled background, one colour per type;
- a claim is underlined (solid line), a cue is bold with a wavy underline;
- a suggestion is paler, with dotted or dashed lines, where the coder's own marks are solid.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextCharFormat

Style = tuple  # ("source", type, suggested) | ("cue", suggested) | ("claim", suggested)

# Okabe-Ito hues, lightened so that black text stays readable on them.
SOURCE_COLOURS = {
    "person": "#F5C26B",
    "institution": "#8EC5EE",
    "news_media": "#8FD8B4",
    "social_media": "#E7A6D2",
    "anonymous": "#B4B4B4",
    "document": "#F0E27A",
}
OTHER_SOURCE = "#DDD3C0"
CLAIM_COLOUR = "#1D3F8F"
SUGGESTED_CLAIM_COLOUR = "#5F7BB8"
CUE_COLOUR = "#B5341F"
SUGGESTED_CUE_COLOUR = "#C67B6E"
FOCUS_FILL = "#FFF4B8"
FOCUS_FRAME = "#1D3F8F"
LINK_FRAME = "#6A4C93"

U = QTextCharFormat.UnderlineStyle
PRIORITY = {"source": 0, "cue": 1, "claim": 2}


def source_colour(type_: str | None, suggested: bool = False) -> QColor:
    colour = QColor(SOURCE_COLOURS.get(type_ or "", OTHER_SOURCE))
    if suggested:  # paler (40% towards white), still telling the type at a glance
        colour = QColor(*(int(c * 0.6 + 255 * 0.4)
                          for c in (colour.red(), colour.green(), colour.blue())))
    return colour


def char_format(style: Style) -> QTextCharFormat:
    f = QTextCharFormat()
    kind, suggested = style[0], style[-1]
    if kind == "source":
        f.setBackground(source_colour(style[1], suggested))
        if suggested:
            f.setUnderlineStyle(U.DotLine)
            f.setUnderlineColor(source_colour(style[1]).darker(160))
    elif kind == "cue":
        f.setFontWeight(QFont.Weight.Bold)
        f.setUnderlineStyle(U.DotLine if suggested else U.WaveUnderline)
        f.setUnderlineColor(QColor(SUGGESTED_CUE_COLOUR if suggested else CUE_COLOUR))
        if not suggested:
            f.setForeground(QColor(CUE_COLOUR))
    else:
        f.setUnderlineStyle(U.DashUnderline if suggested else U.SingleUnderline)
        f.setUnderlineColor(QColor(SUGGESTED_CLAIM_COLOUR if suggested else CLAIM_COLOUR))
        if not suggested:
            f.setForeground(QColor(CLAIM_COLOUR))
    return f


def style_of(kind: str, suggested: bool, type_: str | None = None) -> Style:
    return ("source", type_, suggested) if kind == "source" else (kind, suggested)
