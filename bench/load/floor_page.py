"""The floor's Streamlit page: nothing; the floor is its routes (``floor_app.py``)."""

import streamlit as st

st.write("Floor")
