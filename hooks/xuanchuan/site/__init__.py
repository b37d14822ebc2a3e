"""The website: pages and their languages, links naming a page's language, the pages
campaigns add and what their templates show, the lists of folders too big for the
navigation, the calendar feed, page QR codes and the templates that print them, the short
pages printed codes open, the search index, staging a build, the run of one build across
languages and the translation report.

May import: ``core`` and ``campaigns``; never ``printing`` (print files reach the site as
plain data, through the adapter) and never MkDocs.
"""
