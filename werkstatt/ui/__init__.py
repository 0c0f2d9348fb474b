"""The only part of werkstatt that imports Streamlit: shared widgets for the pages."""
