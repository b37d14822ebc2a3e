"""Publishing: making the site the team's own (``init``), sending the built site to its
static hosting (``deploy``) and proving every link and printed QR code answers (``check``).

May import: core. Works on mkdocs.yml as text and on the built site's folder, so it needs
neither MkDocs nor the campaign model.
"""
