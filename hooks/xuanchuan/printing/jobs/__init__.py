"""Which print files each campaign gets, planned, rendered in parallel and cached; the year-end
summaries of a build; the print pack for the print shop; draft marks.
"""
