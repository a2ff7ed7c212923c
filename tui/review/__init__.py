"""The review screen's commands: each key's handler declared once, beside its key and words."""
