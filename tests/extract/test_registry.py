"""The extractor registry: a golden list, so adding or reordering extractors shows in review."""

from __future__ import annotations

from resume_nlp.extract import DEFAULT_EXTRACTORS, load_extractors

GOLDEN = (
    "resume_nlp.extract.contact:ContactExtractor",
    "resume_nlp.extract.basics:BasicsExtractor",
    "resume_nlp.extract.ner:ChineseNERExtractor",
    "resume_nlp.extract.summary:SummaryParser",
    "resume_nlp.extract.education:EducationParser",
    "resume_nlp.extract.work:ExperienceParser",
    "resume_nlp.extract.publications:PublicationParser",
    "resume_nlp.extract.skills:SkillParser",
    "resume_nlp.extract.awards:AwardParser",
    "resume_nlp.extract.languages:LanguageParser",
    "resume_nlp.extract.misc:CertificateParser",
    "resume_nlp.extract.misc:ReferenceParser",
    "resume_nlp.extract.misc:InterestParser",
    "resume_nlp.extract.misc:JobIntentionParser",
    "resume_nlp.extract.ner:ChineseProseParser",
)


def test_registry_matches_golden_list():
    assert DEFAULT_EXTRACTORS == GOLDEN


def test_registry_every_extractor_follows_a_protocol():
    for extractor in load_extractors(DEFAULT_EXTRACTORS):
        assert isinstance(extractor.name, str) and callable(extractor)
        assert hasattr(extractor, "fields") or hasattr(extractor, "kinds")


def test_registry_ner_off_removes_the_model_extractors():
    from resume_nlp import Parser

    doc_ex, sec_ex = Parser(ner=False)._load()
    assert all(e.name != "ner" for e in [*doc_ex, *sec_ex])
