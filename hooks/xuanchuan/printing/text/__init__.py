"""Text as print sets it: fonts found and made embeddable, Pango typesetting, where lines must not
break, characters no font has, and a body's flowing text in columns.
"""
