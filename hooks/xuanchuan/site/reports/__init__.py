"""Report pages, the news pages and feeds, the calendar feed and the year-end summary pages.
"""
