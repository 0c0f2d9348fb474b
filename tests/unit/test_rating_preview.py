"""The editor's preview renders the participants' own rating template, whose escaping stays on:
HTML typed into a field's title or description shows as text, never as markup."""

from tests.service.test_own_fieldsets import kaiserslautern
from werkstatt import fieldset_drafts as drafts
from werkstatt import fieldsets
from werkstatt.web.preview import rating_preview


def test_html_typed_into_a_field_is_escaped_in_the_preview():
    draft = kaiserslautern()
    draft["fields"][0]["title"] = "<script>alert(1)</script> Bildung"
    draft["fields"][0]["description"] = "<b>fett</b> & mehr"
    fieldset = fieldsets.check_data(drafts.to_data(draft, "vorschau"), drafts.draft_place, stem="vorschau")
    page = rating_preview(fieldset, fieldset.fields[0].id, "de")
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; Bildung" in page
    assert "<b>fett</b>" not in page and "&lt;b&gt;fett&lt;/b&gt; &amp; mehr" in page
