"""A programme's report: every session of it in one document, in Markdown, HTML or Word."""
