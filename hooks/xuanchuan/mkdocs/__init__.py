"""The only package that knows MkDocs: it turns MkDocs's events into calls of the engine.

``events.py`` holds the thin hook functions; each event's work is in a module of its own:
the project and its settings (``project.py``), each language's configuration
(``languages.py``) and the other languages' child build (``other_languages.py``), the
files of a language's site (``files.py``, ``file_kinds.py``, ``campaign_files.py``), the
navigation (``nav.py``), the page cache's key (``cache_key.py``), one page
(``pages.py``), the end of a build (``finish.py``), logging (``log_handlers.py``) and a
preview's files (``preview_files.py``).

May import: core, campaigns, site, printing, and MkDocs.
"""
