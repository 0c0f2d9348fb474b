"""Text that people typed, shown literally in Streamlit's markdown elements."""

import re

# Everything CommonMark, GitHub's extensions and Streamlit's own syntax (:red[…], $math$) may read as markup.
_MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=])")


def literal(text: str) -> str:
    """Escape ``text`` for st.markdown, st.title, st.caption …: ``**x**`` stays ``**x**`` on screen."""
    return _MARKUP.sub(r"\\\1", str(text))
