"""Persistence of parsed documents and every reviewer action, behind one repository class."""
