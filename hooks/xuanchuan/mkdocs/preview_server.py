"""The preview's server: MkDocs's own, made to keep serving after a failed rebuild, to
answer for files from where they are, to hear of saves at once and to show saved pages
before the whole site is rebuilt."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer, _timestamp

from ..site.build.preview import Preview, watch_promptly
from .preview_files import PREVIEW_FILES
from .quick_render import QuickRender


def preview_server(
    server: LiveReloadServer, config: MkDocsConfig, problems: list[str], quick: QuickRender
):
    """``server`` set up for the preview; ``problems``: those of the build it starts with."""
    # MkDocs' own server stops answering after a failed rebuild (it waits for a good
    # one); guarded, it goes on serving the last good site with a notice of the problem.
    preview = Preview()
    preview.started_with(problems)
    show, reload = _epochs(server)
    server.builder = preview.guarded(quick.around(server.builder, show, reload))
    server.set_app(preview.with_notice(PREVIEW_FILES.wrap(server.get_app())))
    # MkDocs watches the extra folders (campaigns/) only after this event; watched now,
    # they are told of too (MkDocs then counts them watched twice, which changes nothing).
    for path in config.watch:
        server.watch(path)
    watch_promptly(server, quick.saw)
    return server


def _epochs(server: LiveReloadServer):
    """``show()``: answer requests now, with what is in place, though the rebuild goes on
    (MkDocs holds them until it ends); ``reload()``: have browsers load the page again
    when the rebuild ends. MkDocs 1.6 offers neither but through its epochs."""

    def show() -> None:
        with server._epoch_cond:
            server._visible_epoch = server._wanted_epoch
            server._epoch_cond.notify_all()

    def reload() -> None:
        with server._epoch_cond:
            server._wanted_epoch = _timestamp()

    return show, reload
