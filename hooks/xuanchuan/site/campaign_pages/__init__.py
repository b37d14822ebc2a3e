"""The pages campaigns add to a language's site, and what the campaign pages and the home page
show.
"""
