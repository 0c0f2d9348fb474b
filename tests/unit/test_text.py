"""Escaping typed text for Streamlit's markdown elements."""

import pytest

from werkstatt.ui.text import literal


@pytest.mark.parametrize("text", ["**fett**", "<script>x</script>", "[a](b)", "# H", ":red[x]", "$x$", "a\\b",
                                  "Zusammenhalt – 😀 مرحبا", "1. Punkt", "- Liste", "&lt;b&gt; &amp;"])
def test_escaping_keeps_the_text_and_removes_every_markup_character(text):
    escaped = literal(text)
    assert escaped.replace("\\", "") == text.replace("\\", "")
    for char in "*<[]#:$&":
        assert f"{char}" not in escaped.replace(f"\\{char}", "")
