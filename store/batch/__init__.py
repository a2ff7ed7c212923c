"""Clients of the repository that work through many items: replaying a file, importing files."""
