"""Data files shipped with the package, loaded on first use and cached.

Nothing here is read at import time. Each table is a UTF-8 TSV with ``#`` comments; where
every file came from, its columns and how to add a row are in ``README.md`` beside it.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources as _resources

__all__ = ["read_text", "table"]


def read_text(name: str) -> str:
    """Text of the resource file ``name`` (a path relative to this package, "/"-separated)."""
    ref = _resources.files(__name__)
    for part in name.split("/"):
        ref = ref.joinpath(part)
    return ref.read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV resource: comment (``#``) and blank lines skipped, cells stripped.

    The result is cached and immutable, so it may be shared between threads.
    """
    rows = []
    for line in read_text(name).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)
