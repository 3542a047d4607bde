"""Who is filling a form through ``kinerja layani``: each person's own link.

A link carries a token derived from a secret kept in the repository's ``.git`` (never committed)
and the person's id in kinerja.yml: HMAC-SHA256, so a token names one person and cannot be
guessed from another's, and stays the same when the server restarts. A person fills the forms
of the sections they head; the Kasubbag Perencanaan and the executing staff (peran
``kasubbag-perencanaan``, ``pelaksana``), who help every section compile its figures, may fill
any section's form. Whoever it is, the commit's author is that person: their entries count as
their own changes in every later check (an approver who typed figures cannot approve them).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from kinerja.inti.errors import KinerjaError
from kinerja.inti.model import Kantor, Pegawai

BERKAS_RAHASIA = "kinerja-layani.rahasia"  # under .git: the repository's, never committed
PERAN_SEMUA_SEKSI = frozenset({"kasubbag-perencanaan", "pelaksana"})


def rahasia(folder_git: Path) -> bytes:
    """The server's secret, made once (32 random bytes, readable only by its owner)."""
    path = folder_git / BERKAS_RAHASIA
    try:
        isi = path.read_bytes()
        if len(isi) >= 32:
            return isi
    except FileNotFoundError:
        pass
    isi = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(isi)
    return isi


def token(kunci: bytes, pegawai_id: str) -> str:
    return hmac.new(kunci, b"kinerja-layani:" + pegawai_id.encode("utf-8"),
                    hashlib.sha256).hexdigest()[:32]


_TIDAK_DIKENAL = ("tautan ini tidak dikenal; minta tautan pribadi Anda kepada Kasubbag "
                  "Perencanaan")


def periksa_bentuk(isi: str) -> None:
    """Thirty-two lower-case hex digits, as ``token`` makes them: anything else is refused
    before any work is done for it."""
    if len(isi) != 32 or any(c not in "0123456789abcdef" for c in isi):
        raise KinerjaError(_TIDAK_DIKENAL)


def orang(kunci: bytes, kantor: Kantor, isi: str) -> Pegawai:
    """The person a token belongs to; refused (as not found) for any other text."""
    for p in kantor.pegawai:
        if hmac.compare_digest(token(kunci, p.id).encode("ascii"), isi.encode("utf-8")):
            return p
    raise KinerjaError(_TIDAK_DIKENAL)


def seksi_boleh(kantor: Kantor, p: Pegawai) -> tuple[str, ...]:
    """The sections whose forms ``p`` may fill."""
    if PERAN_SEMUA_SEKSI & set(p.peran):
        return tuple(s.id for s in kantor.seksi)
    return tuple(s.id for s in kantor.seksi if s.kepala == p.id)
