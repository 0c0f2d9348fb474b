"""Static files a browser keeps for good: the participants' pages and the projector serve their
stylesheets and scripts under URLs that carry a hash of the files, so a browser caches them once
and fetches them anew only after an update."""

from __future__ import annotations

import hashlib
from pathlib import Path

from starlette.responses import Response
from starlette.staticfiles import StaticFiles


def asset_version(folder: Path, *also: str) -> str:
    """A short hash of every file in ``folder`` (and of the strings ``also``, e.g. the version of
    a library whose file is served too)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.read_bytes())
    for text in also:
        digest.update(text.encode())
    return digest.hexdigest()[:10]


class CachedStatic(StaticFiles):
    """Files whose URLs carry ``asset_version``: cached for a year, as they never go stale."""

    def file_response(self, *args, **kwargs) -> Response:
        response = super().file_response(*args, **kwargs)
        response.headers["cache-control"] = "public, max-age=31536000, immutable"
        return response
