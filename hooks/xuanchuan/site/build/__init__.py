"""One build of the site: the run across languages, one language's build, staging, the caches of
pages and templates, and the preview server after a failed rebuild.
"""
