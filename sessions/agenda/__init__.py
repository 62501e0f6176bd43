"""Agenda files: the Markdown format, its parser and where agendas are found."""
