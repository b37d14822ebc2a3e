"""Campaigns: the model (declared once, field by field, with its schema), reading and
checking campaign folders, merging translations, choosing body sections, and the starter
templates for a new campaign.

May import: ``core``. Imported by ``site``, ``printing`` and the top level.
"""
