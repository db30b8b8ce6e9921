"""The one writer for every file doorbraak makes on a workstation: exports, backups, copies, databases.

What must hold (other local users, a planted symlink, a typo in `-o`):
- a new file is created under a random name in the target folder with O_CREAT | O_EXCL | O_NOFOLLOW and
  mode 0600, written, fsynced, and only then renamed to its name (a reader never sees half a file, and
  nothing is written through a link someone placed at a predictable name);
- an existing file is replaced only when asked (`--overschrijf`); a directory, a device or other special
  file, a symlink and the open database (with its -wal/-shm) are never written over;
- a folder doorbraak creates is 0700, a file 0600.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from domain.errors import DomainError

PRIVATE_DIRECTORY = 0o700
PRIVATE_FILE = 0o600

_protected: set[Path] = set()


class FileRefused(DomainError):
    """A file doorbraak will not write (the message says why, in Dutch, and never holds personal data)."""


def make_private_directory(directory: Path, *, tighten: bool = False) -> Path:
    """Create `directory` (and parents) if missing; a folder doorbraak creates is 0700.

    `tighten`: the folder is doorbraak's own (its default data, config or cache folder): an existing one that
    others may read or enter (e.g. 0755, made by an older version or by hand) is set to 0700 as well, or
    refused with a Dutch message when that is not allowed. Never used on a folder the user chose (a shared
    folder such as /tmp must keep its mode)."""
    directory = Path(directory)
    if not directory.is_dir():
        directory.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIRECTORY)
        os.chmod(directory, PRIVATE_DIRECTORY)  # mkdir's mode is filtered by the umask
    elif tighten:
        make_private(directory, PRIVATE_DIRECTORY)
    return directory


def make_private(path: Path, mode: int = PRIVATE_FILE) -> bool:
    """Take the group and other bits off an existing file or folder of doorbraak's; True when it changed.
    FileRefused (Dutch) when the mode cannot be changed (another owner): better not to start than to keep
    personal data readable for other users of the machine."""
    try:
        current = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return False
    if not current & 0o077:
        return False
    try:
        os.chmod(path, current & 0o700)  # the owner keeps what they had, group and others lose all
    except OSError:
        what = "De map" if Path(path).is_dir() else "Het bestand"
        raise FileRefused(f"{what} {path} is te lezen door andere gebruikers van deze computer (rechten "
                          f"{current:o}) en doorbraak mag dat niet aanpassen. Zet de rechten op {mode:o} "
                          f"(chmod {mode:o} '{path}') of vraag de beheerder; tot dan start doorbraak niet.") from None
    return True


def readable_by_others(path: Path) -> bool:
    try:
        return bool(stat.S_IMODE(os.stat(path).st_mode) & 0o077)
    except OSError:
        return False


def create_private_file(path: Path) -> bool:
    """Create an empty file with mode 0600 if there is none (a new database); True when it was created."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, PRIVATE_FILE)
    except FileExistsError:
        return False
    os.close(descriptor)
    return True


def protect(path: Path) -> None:
    """Never write an export or copy over this file (the database this process has open)."""
    _protected.add(Path(os.path.abspath(Path(path).expanduser())))


def _is_protected(path: Path) -> bool:
    for database in _protected:
        for candidate in (database, Path(f"{database}-wal"), Path(f"{database}-shm"), Path(f"{database}-journal")):
            try:
                if candidate.exists() and os.path.samefile(candidate, path):
                    return True
            except OSError:
                continue
            if os.path.abspath(candidate) == os.path.abspath(path):
                return True
    return False


def check_target(path: Path, *, overwrite: bool = False) -> Path:
    """The target as it will be written, or FileRefused with a Dutch reason."""
    path = Path(path).expanduser()
    directory = path.parent if str(path.parent) else Path(".")
    if _is_protected(path):
        raise FileRefused(f"{path} is de geopende database; kies een ander bestand.")
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise FileRefused(f"{path} is een koppeling (symlink); doorbraak schrijft daar niet doorheen.")
        if stat.S_ISDIR(info.st_mode):
            raise FileRefused(f"{path} is een map; geef een bestandsnaam op.")
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(f"{path} is geen gewoon bestand (bijvoorbeeld een apparaat); kies een ander bestand.")
        if not overwrite:
            raise FileRefused(f"{path} bestaat al; kies een andere naam of gebruik --overschrijf.")
    if not directory.is_dir():
        raise FileRefused(f"De map {directory} bestaat niet.")
    return path


def _fsync_directory(directory: Path) -> None:
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory handles
        return
    try:
        os.fsync(descriptor)
    except OSError:  # pragma: no cover - some file systems refuse it; the rename itself is still atomic
        pass
    finally:
        os.close(descriptor)


def _temporary(target: Path) -> tuple[int, Path]:
    """A new 0600 file with a random name beside the target (never an existing file or a link)."""
    for _ in range(20):
        candidate = target.with_name(f".{target.name}.{secrets.token_hex(8)}.tmp")
        try:
            flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
            return os.open(candidate, flags, PRIVATE_FILE), candidate
        except FileExistsError:  # pragma: no cover - 64 random bits
            continue
    raise FileRefused(f"In de map {target.parent} kon geen tijdelijk bestand worden gemaakt.")  # pragma: no cover


def _publish(temporary: Path, target: Path, overwrite: bool) -> None:
    """Give the finished file its name: atomically, and without replacing anything unless asked."""
    if overwrite:
        check_target(target, overwrite=True)  # still not a link, directory, device or the database
        os.replace(temporary, target)
        return
    try:
        os.link(temporary, target)  # fails if the name exists, however it came there meanwhile
    except FileExistsError:
        raise FileRefused(f"{target} bestaat al; kies een andere naam of gebruik --overschrijf.") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        check_target(target)  # a file system without hard links: check, then rename
        os.replace(temporary, target)
        return
    temporary.unlink()


def write_file(path: Path, data: bytes | Callable[[BinaryIO], None], *, overwrite: bool = False) -> Path:
    """Write `data` (or what the callable writes into the binary handle) to `path` as described above."""
    target = check_target(path, overwrite=overwrite)
    descriptor, temporary = _temporary(target)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                data(handle)
            handle.flush()
            os.fsync(handle.fileno())
        _publish(temporary, target, overwrite)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_directory(target.parent if str(target.parent) else Path("."))
    return target


@contextmanager
def new_file(path: Path, *, overwrite: bool = False) -> Iterator[Path]:
    """For writers that need a path (SQLite's backup API): an empty private temp file to fill; on leaving
    the block it is fsynced and renamed to `path` (or removed when the block failed)."""
    target = check_target(path, overwrite=overwrite)
    descriptor, temporary = _temporary(target)
    os.close(descriptor)
    try:
        yield temporary
        with temporary.open("rb") as handle:
            os.fsync(handle.fileno())
        _publish(temporary, target, overwrite)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_directory(target.parent if str(target.parent) else Path("."))
