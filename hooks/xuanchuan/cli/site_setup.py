"""``xuanchuan init``: the organisation's own settings written into mkdocs.yml, given as
options or asked one by one."""

from __future__ import annotations

import sys
from pathlib import Path

from ..core.messages import msg


def init_command(config_file: Path, args) -> int:
    from ..core.messages import use_language
    from ..core.settings import messages_language_in, read_config_text
    from ..publish.init_site import LABELS, Answers, apply_answers, check_answers
    from ..publish.init_site import current_answers as now

    text = read_config_text(config_file)
    project_dir = config_file.resolve().parent
    # Messages in the site's language, read leniently: mkdocs.yml may be half written.
    use_language(messages_language_in(text))
    if args.check:
        return _check_address(config_file.name, text)
    answers = Answers(
        name=args.name,
        short_name=args.short_name,
        site_url=args.site_url,
        hotline=args.hotline,
        logo=args.logo,
        languages=args.languages,
    )
    if not answers.given():
        if not sys.stdin.isatty():
            print(
                msg(
                    "nothing to change: give what to set, such as --site-url https://…/ "
                    "(xuanchuan init --help lists them all), or run it in a terminal to be asked"
                ),
                file=sys.stderr,
            )
            return 2
        answers = ask(now(text), project_dir)
    check_answers(answers, project_dir, config_file.name)
    changes = apply_answers(config_file, answers)
    if not changes:
        print(msg("{file}: nothing changed, it already says so", file=config_file.name))
    for field, before, after in changes:
        print(
            msg(
                "{file}: {setting}: {before} → {after}",
                file=config_file.name,
                setting=LABELS[field],
                before=before if before is not None else "—",
                after=after,
            )
        )
    print(msg("next: preview with .venv/bin/mkdocs serve, or build with bash scripts/build.sh"))
    return 0


def _check_address(config_name: str, text: str) -> int:
    from ..core.site_address import site_url_problem, written_site_url

    url = written_site_url(text)
    found = site_url_problem(url, config_name, text)
    if found is None:
        print(msg("site address: {url}", url=url))
        return 0
    problem, wrong = found
    print(problem, file=sys.stderr)
    # 1: not set yet (drafts can be built); 2: written wrongly (nothing can be built).
    return 2 if wrong else 1


def ask(current, project_dir: Path):
    """Each setting in turn, showing what mkdocs.yml says now; Enter keeps it."""
    from ..publish.init_site import LABELS, Answers, answer_problem

    answers = Answers()
    print(msg("Press Enter to keep the value shown in [brackets]."))
    for field, label in LABELS.items():
        shown = getattr(current, field)
        while True:
            try:
                typed = input(f"{label} [{shown or ''}]: ").strip()
            except EOFError:
                typed = ""
            if not typed:
                break
            typed = getattr(Answers(**{field: typed}), field)  # as an option is read
            problem = answer_problem(field, typed, project_dir)
            if problem is None:
                setattr(answers, field, typed)
                break
            print(f"  {problem}")
    return answers
