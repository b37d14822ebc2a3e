"""The last words of a failed build: a count of the problems in the team's language, then
each problem again, so the ones that scrolled off the screen are where the eye lands."""

from __future__ import annotations

from .messages import msg
from .site_address import INIT_COMMAND


def failure_summary(problems: list[str], *, strict: bool) -> str:
    """What a failed build says last. ``problems``: each problem as the build logged it
    (file, line, field and what to do), in order; repeats are told once."""
    seen: list[str] = []
    for problem in problems:
        text = problem.strip()
        if text and text not in seen:
            seen.append(text)
    if not seen:
        return str(msg("The build failed: the site was not changed. See the messages above."))
    head = (
        msg(
            "The build stopped: {count} problem (with --strict a warning stops the build "
            "too); the site was not changed. Fix it and build again:",
            "The build stopped: {count} problems (with --strict a warning stops the build "
            "too); the site was not changed. Fix each one and build again:",
            count=len(seen),
        )
        if strict
        else msg(
            "The build stopped: {count} problem; the site was not changed. Fix it and build "
            "again:",
            "The build stopped: {count} problems; the site was not changed. Fix each one and "
            "build again:",
            count=len(seen),
        )
    )
    lines = [str(head)]
    for number, text in enumerate(seen, start=1):
        first, *rest = text.splitlines()
        lines.append(f"  {number}. {first}")
        lines += [f"     {line}" for line in rest]
    # Some problems are MkDocs's own, in English: the very last words are the team's.
    lines.append(
        str(
            msg(
                "{count} problem above: the site was not changed.",
                "{count} problems above: the site was not changed.",
                count=len(seen),
            )
        )
    )
    return "\n".join(lines)


def config_failure_summary(problems: list[str]) -> str:
    """The last words when MkDocs refused mkdocs.yml itself, before any page was read:
    its own lines are in English ("Config value 'site_url': ..."), so each is named again
    with what to do in the team's language."""
    lines = [
        str(
            msg(
                "The build did not start: mkdocs.yml has {count} problem (MkDocs's own "
                "words above); the site was not changed:",
                "The build did not start: mkdocs.yml has {count} problems (MkDocs's own "
                "words above); the site was not changed:",
                count=len(problems),
            )
        )
    ]
    for number, text in enumerate(problems, start=1):
        lines.append(f"  {number}. {text}")
        if text.startswith("Config value 'site_url'"):
            lines.append(
                "     "
                + str(
                    msg(
                        "site_url is the address the site is published at, such as "
                        "https://www.example.gov.cn/xuanchuan/: set it with {command}",
                        command=INIT_COMMAND,
                    )
                )
            )
    lines.append(str(msg("Fix mkdocs.yml as described above, then build again.")))
    return "\n".join(lines)
