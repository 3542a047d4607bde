"""The approval verdict: Kasubbag Perencanaan, then Sekcam, then the Camat (SOP steps 6–8).

Pure: normalised review events in, a verdict out. Every forge (and plain Git) is turned into the
same ``Peristiwa`` by its own module; the rules live only here:

* each of the three roles approved, by an account that holds the role in ``kinerja.yml`` *as it
  stands on the base branch* (a change cannot appoint its own reviewers);
* on the current head (an approval of an older commit does not count);
* in order: the Kasubbag's approval before the Sekcam's, the Sekcam's before the Camat's;
* by three different people, none of them the author of the last change;
* and no reviewer's latest decision is "changes requested".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kinerja.angka import format_tanggal
from kinerja.model import Kantor, Pegawai
from kinerja.sop import NAMA_PERAN

URUTAN = ("kasubbag-perencanaan", "sekcam", "camat")
SETUJU, MINTA_PERUBAHAN, KOMENTAR, DIBATALKAN = "setuju", "minta-perubahan", "komentar", "dibatalkan"


@dataclass(frozen=True)
class Peristiwa:
    """One review event, whatever the forge: who, what, on which commit, when."""

    akun: str  # forge login, or the Git author's e-mail in plain-Git mode
    aksi: str  # setuju | minta-perubahan | komentar | dibatalkan
    commit: str | None  # the reviewed commit; None when the forge cannot say (treated as stale)
    waktu: datetime
    alasan: str = ""


@dataclass(frozen=True)
class Persetujuan:
    peran: str
    pegawai: Pegawai
    peristiwa: Peristiwa


@dataclass(frozen=True)
class Putusan:
    lulus: bool
    disetujui: tuple[Persetujuan, ...]  # the valid approvals, in SOP order
    pesan: tuple[str, ...]  # what is missing or wrong, in Indonesian
    tahap: str  # one line: where the review stands

    @property
    def disahkan(self) -> bool:
        return self.lulus


def pemilik_akun(kantor: Kantor, akun: str, sumber: str) -> Pegawai | None:
    """The employee behind a forge account (or, for plain Git, an e-mail address)."""
    akun_l = akun.lower()
    for p in kantor.pegawai:
        if sumber == "git":
            if p.email and p.email.lower() == akun_l:
                return p
        elif p.akun.get(sumber, "").lower() == akun_l:
            return p
    return None


def _siapa(p: Pegawai | None, akun: str, sumber: str) -> str:
    tanda = akun if sumber == "git" else f"@{akun}"
    return f"{p.nama} ({tanda})" if p else tanda


def _waktu(t: datetime) -> str:
    return f"{format_tanggal(t.date())} {t:%H.%M}"


def putuskan(peristiwa: list[Peristiwa], *, kantor_dasar: Kantor, head: str,
             penulis_terakhir: frozenset[str], sumber: str) -> Putusan:
    pesan: list[str] = []
    urut = sorted(peristiwa, key=lambda e: e.waktu)
    penulis = {a.lower() for a in penulis_terakhir}

    # The latest decision of each reviewer; a plain comment decides nothing.
    terakhir: dict[str, Peristiwa] = {}
    for e in urut:
        if e.aksi != KOMENTAR:
            terakhir[e.akun.lower()] = e
    for e in terakhir.values():
        if e.aksi == MINTA_PERUBAHAN:
            p = pemilik_akun(kantor_dasar, e.akun, sumber)
            alasan = f": «{e.alasan.strip()}»" if e.alasan.strip() else ""
            pesan.append(f"{_siapa(p, e.akun, sumber)} meminta perubahan pada {_waktu(e.waktu)}"
                         f"{alasan}; perbaiki lalu minta ditinjau ulang")

    # Approvals that still stand: the reviewer's latest decision is an approval.
    berlaku = [e for e in urut if e.aksi == SETUJU and terakhir.get(e.akun.lower()) is not None
               and terakhir[e.akun.lower()].aksi == SETUJU]
    disetujui: list[Persetujuan] = []
    sejak: datetime | None = None
    dipakai: set[str] = set()
    for peran in URUTAN:
        nama_peran = NAMA_PERAN[peran]
        pemegang = kantor_dasar.pemegang(peran)
        calon = []
        for e in berlaku:
            p = pemilik_akun(kantor_dasar, e.akun, sumber)
            if p is None or peran not in p.peran:
                continue
            if e.commit != head:
                pesan.append(f"persetujuan {nama_peran} {_siapa(p, e.akun, sumber)} diberikan untuk "
                             f"commit lama {(e.commit or '?')[:7]}, bukan {head[:7]}; minta "
                             f"{nama_peran} menyetujui ulang versi terbaru")
                continue
            if e.akun.lower() in penulis:
                pesan.append(f"{_siapa(p, e.akun, sumber)} menyetujui perubahannya sendiri; "
                             f"persetujuan {nama_peran} harus dari orang lain")
                continue
            if e.akun.lower() in dipakai:
                pesan.append(f"{_siapa(p, e.akun, sumber)} sudah menyetujui untuk peran lain; "
                             "tiga persetujuan harus dari tiga orang")
                continue
            calon.append((e, p))
        sah = [(e, p) for e, p in calon if sejak is None or e.waktu > sejak]
        if not sah:
            if calon and sejak is not None:
                e, p = calon[-1]
                sebelum = NAMA_PERAN[disetujui[-1].peran]
                pesan.append(f"{nama_peran} {_siapa(p, e.akun, sumber)} menyetujui pada "
                             f"{_waktu(e.waktu)}, sebelum persetujuan {sebelum}; "
                             f"urutan SOP: Kasubbag Perencanaan, Sekcam, lalu Camat — minta "
                             f"{nama_peran} menyetujui ulang")
            elif not calon:
                siapa = ", ".join(_siapa(p, p.akun.get(sumber, p.email or "?"), sumber)
                                  for p in pemegang) or f"belum ada pegawai berperan {peran}"
                pesan.append(f"menunggu persetujuan {nama_peran} ({siapa})")
            break
        e, p = sah[0]
        disetujui.append(Persetujuan(peran, p, e))
        dipakai.add(e.akun.lower())
        sejak = e.waktu

    for e in berlaku:
        p = pemilik_akun(kantor_dasar, e.akun, sumber)
        if p is None:
            pesan.append(f"{_siapa(None, e.akun, sumber)} menyetujui, tetapi akun ini tidak "
                         "terdaftar di kinerja.yml pada cabang dasar; persetujuannya tidak dihitung")
        elif not set(p.peran) & set(URUTAN):
            pesan.append(f"{_siapa(p, e.akun, sumber)} menyetujui, tetapi tidak memegang peran "
                         "Kasubbag Perencanaan, Sekcam, atau Camat di kinerja.yml pada cabang dasar")

    lulus = len(disetujui) == len(URUTAN) and not any("meminta perubahan" in x for x in pesan)
    if lulus:
        tahap = "disahkan: Kasubbag Perencanaan, Sekcam, dan Camat telah menyetujui versi terbaru"
    elif any("meminta perubahan" in x for x in pesan):
        tahap = "dikembalikan untuk perbaikan"
    else:
        tahap = f"{len(disetujui)} dari 3 persetujuan"
    return Putusan(lulus, tuple(disetujui), tuple(dict.fromkeys(pesan)), tahap)

