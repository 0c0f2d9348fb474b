"""Werkstatt: run a live evaluation workshop (see DESIGN.md)."""
