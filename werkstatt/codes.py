"""Codes people type and tokens that travel in URLs: the join code of a workshop, the code of a
process, and the one-way hash under which sign-in tokens are stored."""

from __future__ import annotations

import hashlib
import secrets

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L look-alikes
CODE_LENGTH = 6


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(code: str) -> str:
    """Upper-case and drop spaces and dashes, so "k7q 2xy" finds K7Q2XY."""
    return "".join(ch for ch in str(code or "").upper() if ch.isalnum())


def hash_token(token: str) -> str:
    """Tokens are stored hashed: a copy of the database opens no console."""
    return hashlib.sha256(token.encode()).hexdigest()
