"""The search index, prepared at build time and split so a search loads little.
"""
