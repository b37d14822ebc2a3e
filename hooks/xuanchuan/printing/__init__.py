"""Print files: layouts as data, fonts, the content a poster or leaflet prints, the
characters print sets and those no font has, line breaking, the drawing surface, posters,
flowing leaflet text, planning and rendering the files with their cache, and print packs.

May import: ``core`` and ``campaigns``; never ``site`` and never MkDocs.
"""
