"""Shared by the Data/ generators (gen-holidays.py, gen-municipalities.py)."""
import os


def write_atomically(path, body):
    """Writes `body` to `path` through a fsynced temp file, so a crash never leaves half a table."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(body)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
