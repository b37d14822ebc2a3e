"""The site's pages across languages: which file serves each page, links that name a language,
untranslated pages and the translation report, big sections, plain-text titles and the print
footer.
"""
