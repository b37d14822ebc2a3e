"""Xuanchuan: the engine behind a bilingual publicity site, its posters and leaflets.

The data flows one way: source files -> validated model -> outputs. Only
``mkdocs`` (the package) knows MkDocs; everything else is plain Python.
"""
