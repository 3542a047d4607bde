"""Every file kinerja writes is written here, atomically.

The new bytes go to a temporary file in the same folder, are flushed to disk, and then renamed
over the target (keeping the original's permissions). A crash, a signal or a full disk therefore
leaves either the old bytes or the new ones — never a cut file. Failures a person can fix (a
full disk, a read-only file or folder) are a ``KinerjaError`` naming the file and what to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from pathlib import Path

from kinerja.inti.errors import KinerjaError


def sebab_os(e: OSError, path: Path | str) -> KinerjaError:
    """An operating-system failure, as a person reads it: what failed, where, what to do."""
    nama = str(path)
    if e.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        pesan = f"disk penuh saat menulis {nama}; kosongkan ruang disk lalu ulangi"
    elif e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        pesan = (f"{nama} tidak dapat ditulis (hanya-baca atau tanpa izin); periksa izin berkas "
                 "dan foldernya lalu ulangi")
    elif e.errno == errno.ENOTDIR:
        pesan = (f"{nama} tidak dapat ditulis: salah satu bagian jalurnya adalah berkas, bukan "
                 "folder; pindahkan berkas itu lalu ulangi")
    elif e.errno == errno.EISDIR:
        pesan = f"{nama} adalah folder, bukan berkas; pindahkan folder itu lalu ulangi"
    else:
        pesan = f"{nama} tidak dapat ditulis ({e.strerror or e}); periksa disk dan izinnya lalu ulangi"
    return KinerjaError(pesan)


def tulis(path: Path, isi: bytes | str) -> None:
    """Replace ``path``'s bytes with ``isi`` (text is written as UTF-8, exactly as given)."""
    data = isi.encode("utf-8") if isinstance(isi, str) else isi
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o7777 if path.exists() else None
        fd, sementara = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".kinerja",
                                         dir=path.parent)
    except OSError as e:
        raise sebab_os(e, path) from e
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        Path(sementara).chmod(mode if mode is not None else 0o644)
        Path(sementara).replace(path)
    except OSError as e:
        with contextlib.suppress(OSError):
            Path(sementara).unlink()
        raise sebab_os(e, path) from e
    except BaseException:
        with contextlib.suppress(OSError):
            Path(sementara).unlink()
        raise


def salin(sumber: Path, tujuan: Path) -> None:
    """Copy a file into place atomically (a PDF, an evidence file)."""
    try:
        tujuan.parent.mkdir(parents=True, exist_ok=True)
        fd, sementara = tempfile.mkstemp(prefix=f".{tujuan.name}.", suffix=".kinerja",
                                         dir=tujuan.parent)
    except OSError as e:
        raise sebab_os(e, tujuan) from e
    try:
        with os.fdopen(fd, "wb") as f, sumber.open("rb") as asal:
            shutil.copyfileobj(asal, f, 1024 * 1024)
            f.flush()
            os.fsync(f.fileno())
        shutil.copystat(sumber, sementara)
        Path(sementara).replace(tujuan)
    except OSError as e:
        with contextlib.suppress(OSError):
            Path(sementara).unlink()
        raise sebab_os(e, tujuan) from e
    except BaseException:
        with contextlib.suppress(OSError):
            Path(sementara).unlink()
        raise


def buat_folder(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError as e:
        raise sebab_os(OSError(errno.ENOTDIR, "bukan folder"), path) from e
    except OSError as e:
        raise sebab_os(e, path) from e
