"""Privacy: no network at run time; no resume content in logs or warnings."""

from __future__ import annotations

import logging
import socket
import warnings

import pytest

from tests.conftest import SEEDS


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("resume_nlp tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_privacy_parse_works_with_sockets_disabled(no_network):
    from resume_nlp import Parser

    parser = Parser()
    for path in SEEDS:
        assert parser.parse(path).schema_version == "1"


def test_privacy_no_personal_data_in_logs_or_warnings(caplog):
    from resume_nlp import Parser

    parser = Parser()
    secrets: set[str] = set()
    caplog.set_level(logging.DEBUG)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        profiles = [parser.parse(path) for path in SEEDS]
    for p in profiles:
        secrets |= set(p.basics.emails) | set(p.basics.phones)
        if p.basics.name:
            secrets |= {v for v in (p.basics.name.en, p.basics.name.zh) if v}
        secrets |= {d for d in (p.basics.phones or [])}
    assert secrets, "the seeds should yield some personal data to look for"
    emitted = [r.getMessage() for r in caplog.records] + [str(w.message) for w in caught]
    emitted += [w for p in profiles for w in p.meta.warnings]
    for text in emitted:
        for secret in secrets:
            assert secret not in text
            assert secret.lstrip("+") not in text
