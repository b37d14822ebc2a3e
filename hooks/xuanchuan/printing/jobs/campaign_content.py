"""What a campaign's print files show, in one language: its texts set as print sets them,
its photo, the leaflet's inside and the names a line never breaks in."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from ...campaigns.model import Campaign
from ...campaigns.sections import select_sections
from ...core.formatting import format_day, format_range, type_label
from ...core.strings import Translator
from ..content import LISTS, TEXTS, Photo, PosterContent
from ..formats.on_request import more_content
from ..text.characters import printable_text


def campaign_content(
    campaign: Campaign, t: Translator, url: str | None, cache_dir: Path | None = None
) -> PosterContent:
    """What the campaign's posters, leaflets and share images show, in ``t``'s language."""
    poster = campaign.poster
    photo = Photo(poster.image.read_bytes(), poster.focus) if poster and poster.image else None
    content = PosterContent(
        title=campaign.title,
        body=tuple(leaflet_blocks(campaign, t, cache_dir)),
        points_heading=t("leaflet.points_heading"),
        contact_heading=t("leaflet.contact_heading"),
        fold_guides=campaign.leaflet.fold_guides,
        kind=campaign.type,
        language=campaign.language,
        headline=campaign.headline,
        subheadline=campaign.subheadline,
        points=poster.points if poster and poster.points else (),
        organization=campaign.organizer or "",
        organizer="",
        dates=format_range(campaign.start, campaign.end, t),
        hotline=t("poster.hotline", hotline=campaign.contact.hotline)
        if campaign.contact.hotline
        else "",
        address=campaign.contact.address or "",
        qr_caption=t("poster.qr_caption") if url else "",
        type_label=type_label(campaign.type, t),
        summary=campaign.summary,
        url=url or "",
        photo=photo,
        phrases=_names(campaign, t),
        **more_content(campaign, t),
    )
    return _as_printed(content)


def _names(campaign: Campaign, t: Translator) -> tuple[str, ...]:
    """The campaign's own names, the name of its type (安全生产月 is one term, though jieba
    cuts it in three) and the phrases it keeps: a line never breaks inside them."""
    kept = campaign.poster.keep if campaign.poster else ()
    names = [*campaign.places, campaign.organizer or "", type_label(campaign.type, t), *kept]
    names += [activity.place or "" for activity in campaign.activities]
    return tuple(sorted({printable_text(name) for name in names if name}))


def _as_printed(content: PosterContent) -> PosterContent:
    """Every text of ``content`` as print sets it (characters.printable_text); the leaflet's
    body is set so when it is read (body_blocks.py)."""
    texts = {name: printable_text(content.text_of(name)) for name in TEXTS}
    lists = {name: tuple(printable_text(item) for item in getattr(content, name)) for name in LISTS}
    return replace(content, **texts, **lists)


def leaflet_blocks(campaign: Campaign, t: Translator, cache_dir: Path | None = None) -> list[dict]:
    """The leaflet's inside: the chosen sections of the body, then the schedule."""
    from ..text.body_blocks import body_blocks

    body = campaign.body
    if campaign.leaflet.sections:
        body = select_sections(body, campaign.leaflet.sections)
    blocks = body_blocks(body, campaign.folder, cache_dir and cache_dir / "bodies")
    for block in blocks:
        if block["kind"] == "img":
            # The picture's bytes shape the leaflet: their hash joins the cache key.
            block["sha256"] = hashlib.sha256(Path(block["src"]).read_bytes()).hexdigest()
    if campaign.activities:
        blocks.append({"kind": "h2", "text": t("label.schedule")})
        for activity in campaign.activities:
            text = printable_text(activity.schedule_line(format_day(activity.date, t)))
            blocks.append({"kind": "li", "text": text, "marker": "•"})
    return blocks
