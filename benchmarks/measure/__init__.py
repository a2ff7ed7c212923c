"""One module per benchmark figure; each returns its value or raises `Unavailable` with a reason."""


class Unavailable(Exception):
    """A figure cannot be measured (a piece is missing or failed); the message says why."""
