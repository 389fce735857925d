"""resume_nlp: one validated, structured profile from an English, Chinese or bilingual resume.

>>> import resume_nlp
>>> profile = resume_nlp.parse("Jane Doe\\njane@example.com")   # or a Path, or bytes
>>> profile.basics.emails
['jane@example.com']

Importing this package is cheap: spaCy, jieba and dateparser load on first use (PEP 562).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["parse", "Parser", "Profile", "Settings", "evaluate", "errors", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from . import errors
    from .api import Parser, parse
    from .scoring import evaluate
    from .models import Profile
    from .settings import Settings

_LAZY = {
    "parse": ("api", "parse"),
    "Parser": ("api", "Parser"),
    "Profile": ("models", "Profile"),
    "Settings": ("settings", "Settings"),
    "evaluate": ("scoring", "evaluate"),
    "errors": ("errors", None),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module_name, attr = _LAZY[name]
        module = importlib.import_module(f".{module_name}", __name__)
        value = module if attr is None else getattr(module, attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'resume_nlp' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
