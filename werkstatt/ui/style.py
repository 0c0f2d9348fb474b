"""Static CSS for touch and projector screens (no user text ever goes in here)."""

import streamlit as st

from werkstatt.i18n import DEFAULT_LANGUAGE, RTL_LANGUAGES

TABLET_CSS = """
<style>
/* big touch targets for the rating scale on tablets and phones */
div[role="radiogroup"] { align-items: stretch; width: 100%; }
div[role="radiogroup"] > div { width: 100%; }
div[role="radiogroup"] label {
  font-size: 1.1rem; padding: 0.65rem 0.9rem; margin: 0 0 0.45rem 0;
  border: 2px solid #c9ced6; border-radius: 0.6rem; width: 100%; min-height: 3rem;
}
div[role="radiogroup"] label:has(input:checked) { border-color: #0b5cad; background: #e8f1fb; }
div[data-testid="stMarkdownContainer"] p, li { font-size: 1.08rem; }
button[kind="primary"], button[kind="secondary"] { min-height: 3rem; font-size: 1.05rem; }
/* the dot-vote control: three big buttons */
div[data-testid="stButtonGroup"] button { min-height: 3rem; min-width: 5rem; font-size: 1.2rem; }
</style>
"""

# Arabic: the participant's content reads from the right, the app's own frame (header, menu) stays.
# ``direction`` mirrors flex rows too, so radio circles, pills and alerts move to the right edge;
# headings and captions carry their own left alignment, and a progress bar fills from the right.
RTL_CSS = """
<style>
[data-testid="stMainBlockContainer"] { direction: rtl; text-align: right; }
[data-testid="stMainBlockContainer"] :is(h1, h2, h3, h4, [data-testid="stCaptionContainer"]) { text-align: right; }
[data-testid="stMainBlockContainer"] [data-testid="stProgressBarTrack"] { transform: scaleX(-1); }
</style>
"""

PROJECTOR_CSS = """
<style>
.block-container { padding-top: 1.2rem; max-width: 100%; }
header[data-testid="stHeader"] { display: none; }
.ws-big-code { font-size: 7rem; font-weight: 800; letter-spacing: 0.6rem;
  font-family: "DejaVu Sans Mono", monospace; line-height: 1; color: #111; }
.ws-big-number { font-size: 5rem; font-weight: 800; line-height: 1; color: #111; }
.ws-label { font-size: 1.6rem; color: #333; }
.ws-step { font-size: 2rem; font-weight: 700; color: #0b5cad; }
.ws-progress { font-size: 1.5rem; width: 100%; border-collapse: collapse; }
.ws-progress td { padding: 0.3rem 0.6rem; border-bottom: 1px solid #ddd; }
.ws-progress td.n { text-align: right; font-weight: 700; white-space: nowrap; }
.ws-url { font-size: 1.4rem; color: #222; word-break: break-all; }
.ws-cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.6rem; }
.ws-card { border: 2px solid #999; border-radius: 0.6rem; padding: 0.5rem 0.8rem; font-size: 1.3rem;
  color: #111; line-height: 1.3; }
.ws-card b { font-size: 1.35rem; }
.ws-chart-title { font-size: 2.1rem; font-weight: 700; color: #111; margin: 0.8rem 0 0 0; padding: 0; }
.ws-key { font-size: 1.35rem; color: #111; display: flex; flex-wrap: wrap; gap: 0.3rem 1.4rem; margin-top: 0.6rem; }
.ws-key i { display: inline-block; width: 1.1rem; height: 1.1rem; margin-right: 0.4rem; vertical-align: -0.1rem;
  border: 1px solid #555; }
.ws-verdict { font-size: 1.5rem; font-weight: 800; }
</style>
"""


def tablet(language: str = DEFAULT_LANGUAGE) -> None:
    """Touch-sized controls; mirrored for a right-to-left participant language."""
    st.html(TABLET_CSS + (RTL_CSS if language in RTL_LANGUAGES else ""))


def projector() -> None:
    st.html(PROJECTOR_CSS)
