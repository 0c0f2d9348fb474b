"""Static CSS for the projector screen (no user text ever goes in here)."""

import streamlit as st

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


def projector() -> None:
    st.html(PROJECTOR_CSS)
