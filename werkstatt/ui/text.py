"""Text that people typed, shown literally in Streamlit's markdown elements."""

import re

# Everything CommonMark, GitHub's extensions and Streamlit's own syntax (:red[…], $math$) may read as
# markup, and "&" so that "&lt;" stays "&lt;" instead of becoming "<".
_MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=&])")


def literal(text: str) -> str:
    """Escape ``text`` for st.markdown, st.title, st.caption …: ``**x**`` stays ``**x**`` on screen."""
    return _MARKUP.sub(r"\\\1", str(text))


def literal_lines(text: str) -> str:
    """``literal`` for text with line breaks (cards): each break stays a break on screen."""
    return "  \n".join(literal(line) for line in str(text).split("\n"))
