"""What the build hears from logging: warnings counted and kept, MkDocs's English noise."""

from __future__ import annotations

import logging

from xuanchuan.mkdocs.log_handlers import WarningCounter, _ConfigProblems, _WriteErrorEcho


def record(message: str, level: int = logging.WARNING) -> logging.LogRecord:
    return logging.LogRecord("mkdocs", level, __file__, 1, message, None, None)


def test_warnings_are_counted_and_their_words_kept_with_the_other_languages():
    counter = WarningCounter()
    logger = logging.getLogger("xuanchuan-test-counter")
    logger.addHandler(counter)
    try:
        logger.warning("campaigns/a/index.zh.md:3: date: 日期不对")
        logger.info("not a warning")
    finally:
        logger.removeHandler(counter)
    counter.add(2, ["en: one", "en: two"])
    assert counter.count == 3
    assert counter.lines == ["campaigns/a/index.zh.md:3: date: 日期不对", "en: one", "en: two"]


def test_mkdocs_english_write_error_is_left_to_the_team_message():
    echo = _WriteErrorEcho()
    assert not echo.filter(record("Error building page 'a.md': [Errno 28] No space left"))
    assert echo.filter(record("Error building page 'a.md': something else"))


def test_only_mkdocs_config_complaints_are_told_again():
    problems = _ConfigProblems()
    problems.emit(record("Config value 'theme': Unrecognised theme name: 'materal'."))
    problems.emit(record("A plugin says something"))
    assert problems.lines == ["Config value 'theme': Unrecognised theme name: 'materal'."]
