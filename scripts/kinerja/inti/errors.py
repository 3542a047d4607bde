"""Expected failures and their exit codes.

Every failure a user can cause is a ``KinerjaError``; the CLI's single handler turns it into an
Indonesian message and exit code 1. Anything else escaping the library is a bug (exit 3).
"""

from __future__ import annotations

from typing import Any

from kinerja.inti.temuan import Temuan

KELUAR_OK = 0
KELUAR_TEMUAN = 1
KELUAR_PEMAKAIAN = 2
KELUAR_BUG = 3
KELUAR_DISELA = 130


class KinerjaError(Exception):
    """A failure the user can fix; the message says what to do, in Indonesian."""

    def __init__(self, pesan: str, *, berkas: str | None = None, baris: int | None = None) -> None:
        super().__init__(pesan)
        self.pesan = pesan
        self.berkas = berkas
        self.baris = baris

    def __reduce__(self) -> tuple[Any, ...]:
        # Crosses process boundaries (the site renders years in worker processes).
        return (_pulihkan, (type(self), self.__dict__))

    def __str__(self) -> str:
        if self.berkas is None:
            return self.pesan
        if self.baris is None:
            return f"{self.berkas}: {self.pesan}"
        return f"{self.berkas}:{self.baris}: {self.pesan}"


class RepoTidakDitemukan(KinerjaError):
    pass


class BerkasTidakValid(KinerjaError):
    """A file that cannot be read as data at all (syntax, encoding, size); carries its findings."""

    def __init__(self, temuan: tuple[Temuan, ...], *, saran: str | None = None) -> None:
        pertama = temuan[0]
        super().__init__(pertama.pesan, berkas=pertama.berkas, baris=pertama.baris)
        self.temuan = temuan
        self.saran = saran  # what to do about all of them, said once after the list


def _pulihkan(jenis: type[KinerjaError], keadaan: dict[str, Any]) -> KinerjaError:
    galat = jenis.__new__(jenis)
    Exception.__init__(galat, keadaan["pesan"])
    galat.__dict__.update(keadaan)
    return galat
