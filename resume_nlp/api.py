"""Public API: :class:`Parser` and :func:`parse`.

The pipeline is one straight line of named steps, each taking the previous step's value::

    read -> analyse (normalize, lines, sections) -> document extractors -> section parsers
         -> merge -> assemble -> Profile
"""

from __future__ import annotations

import threading
from typing import Any, Iterable, Iterator

from .errors import InputTooLargeError, ResumeNLPError, Warnings
from .ingest import RawDoc, Source, read
from .models import Profile
from .settings import Settings
from .spans import Draft, Mention

__all__ = ["Parser", "parse"]


class Parser:
    """A reusable, thread-safe resume parser.

    Resources (extractors, gazetteers, tokenizers) load once, on first use, and are
    shared read-only by every parse; ``parse`` keeps no state between calls, so one
    ``Parser`` may serve many threads.

    >>> parser = Parser()
    >>> parser.parse("Jane Doe\\njane@example.com").basics.emails
    ['jane@example.com']
    """

    def __init__(self, settings: Settings | None = None, **options: Any) -> None:
        if settings is not None and options:
            raise TypeError("pass either settings=Settings(...) or keyword options, not both")
        if options.get("extractors") is not None:
            options["extractors"] = tuple(options["extractors"])
        self.settings = settings or Settings(**options)
        self._lock = threading.Lock()
        self._extractors: tuple[list[Any], list[Any]] | None = None

    def __repr__(self) -> str:
        return f"Parser({self.settings!r})"

    def __getstate__(self) -> dict[str, Any]:  # picklable for process pools: resources reload there
        return {"settings": self.settings}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["settings"])

    # -- resources ---------------------------------------------------------------------
    def _load(self) -> tuple[list[Any], list[Any]]:
        if self._extractors is None:
            with self._lock:
                if self._extractors is None:
                    from .extract import DEFAULT_EXTRACTORS, load_extractors

                    names = DEFAULT_EXTRACTORS if self.settings.extractors is None else self.settings.extractors
                    loaded = load_extractors(names)
                    if not self.settings.ner:  # the Chinese NER model and its prose rules
                        loaded = [e for e in loaded if getattr(e, "name", None) != "ner"]
                    doc_ex = [e for e in loaded if hasattr(e, "fields")]
                    sec_ex = [e for e in loaded if hasattr(e, "kinds")]
                    self._extractors = (doc_ex, sec_ex)
        return self._extractors

    # -- parsing -----------------------------------------------------------------------
    def parse(self, source: Source) -> Profile:
        """Parse one resume: ``str`` text, a ``pathlib.Path`` or ``bytes``."""
        raw = read(source, max_bytes=self.settings.max_bytes, max_pages=self.settings.max_pages)
        return self.parse_raw(raw)

    def parse_raw(self, raw: RawDoc) -> Profile:
        from .assemble import assemble
        from .document import analyse
        from .merge import merge

        settings = self.settings
        if len(raw.text) > settings.max_chars:
            raise InputTooLargeError("max_chars", len(raw.text), settings.max_chars)
        lines = raw.text.count("\n") + 1
        if lines > settings.max_lines:
            raise InputTooLargeError("max_lines", lines, settings.max_lines)

        doc_extractors, section_parsers = self._load()
        text = raw.text
        if raw.media_type == "text/plain":
            from .columns import unzip_columns

            text = unzip_columns(text)  # PDF/DOCX readers order their columns themselves
        doc = analyse(text, raw.name, raw.pages)
        if len(doc.sections) > settings.max_sections:
            raise InputTooLargeError("max_sections", len(doc.sections), settings.max_sections)
        if doc.region_hint is None:
            doc.region_hint = settings.default_region
        mentions: list[Mention] = []
        for extractor in doc_extractors:
            mentions.extend(extractor(doc))
        if any(m.source == "contact/phone-noregion" for m in mentions):
            doc.warnings.append(Warnings.W001)
        drafts: list[Draft] = []
        for section in doc.sections:
            view = doc.view(section)
            for section_parser in section_parsers:
                if section.kind in section_parser.kinds:
                    drafts.extend(section_parser(view))
        drafts, conflicts = merge(doc, drafts, settings)
        warnings = list(raw.warnings) + list(doc.warnings)
        return assemble(doc, mentions, drafts, conflicts, warnings)

    def pipe(self, sources: Iterable[Any], *, as_tuples: bool = False, n_process: int = 1,
             batch_size: int = 8, start_method: str | None = None) -> Iterator[Any]:
        """Parse many resumes, in order.

        With ``as_tuples=True`` the items are ``(source, context)`` pairs and the results
        ``(profile, context)``. ``n_process > 1`` parses in worker processes, started with
        ``start_method`` (``"fork"``, ``"spawn"``, ``"forkserver"``; default: the platform's);
        a source that fails yields its :class:`ResumeNLPError` in place of a profile.
        """
        items = ((s, None) for s in sources) if not as_tuples else iter(sources)
        if n_process <= 1:
            for source, context in items:
                result = self._parse_or_error(source)
                yield (result, context) if as_tuples else result
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context(start_method)
        with ProcessPoolExecutor(max_workers=n_process, mp_context=context, initializer=_init_worker,
                                 initargs=(self.settings,)) as pool:
            pending = list(items)
            results = pool.map(_parse_in_worker, [s for s, _ in pending], chunksize=batch_size)
            for (_, context), result in zip(pending, results):
                yield (result, context) if as_tuples else result

    def _parse_or_error(self, source: Source) -> Profile | ResumeNLPError:
        try:
            return self.parse(source)
        except ResumeNLPError as exc:
            return exc


_WORKER_PARSER: Parser | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER_PARSER
    _WORKER_PARSER = Parser(settings)


def _parse_in_worker(source: Source) -> Profile | ResumeNLPError:
    assert _WORKER_PARSER is not None
    return _WORKER_PARSER._parse_or_error(source)


_DEFAULT: Parser | None = None
_DEFAULT_LOCK = threading.Lock()


def parse(source: Source, **options: Any) -> Profile:
    """Parse one resume with a shared default :class:`Parser` (or a new one for ``options``).

    >>> profile = parse("Jane Doe\\njane@example.com")
    >>> profile.basics.emails
    ['jane@example.com']
    """
    global _DEFAULT
    if options:
        return Parser(**options).parse(source)
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = Parser()
    return _DEFAULT.parse(source)
