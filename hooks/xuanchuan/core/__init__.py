"""What every part of the engine shares: problems and their messages, the schema that checks
YAML, front matter, the settings, the translation table, the disk cache, images, links, the
short codes of printed addresses and the formatting of dates and campaign types.

May import: nothing else of the engine. Everything else may import it.
"""
