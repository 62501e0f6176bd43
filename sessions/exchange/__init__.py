"""Moving a programme between databases as one self-contained JSON file.

The file names people by name and items by position, never by database id, so
it imports into any database; exporting what was imported gives the same file.
"""
