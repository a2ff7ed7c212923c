"""Why the operating system refused a file operation, in the interface language.

`OSError.strerror` comes from the C library in English whatever the interface language is, so
the reasons reviewers meet most are written here as catalog templates; any other falls back to
the system's text.
"""

from __future__ import annotations

import errno

from store.i18n import N_, _

REASONS = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("operation not permitted"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ENOSPC: N_("no space left on the device"),
    errno.EROFS: N_("the file system is read-only"),
    errno.ENAMETOOLONG: N_("the file name is too long"),
}
"""The OS errors a reviewer can cause or meet, by errno."""


def os_reason(error: OSError) -> str:
    """Return the reason of an OS error in the active language (the system's text otherwise)."""
    template = REASONS.get(error.errno) if error.errno is not None else None
    if template is not None:
        return _(template)
    return error.strerror or str(error)
