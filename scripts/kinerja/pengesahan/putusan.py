"""The approval verdict: Kasubbag Perencanaan, then Sekcam, then the Camat (SOP steps 6–8).

Pure: normalised review events in, a verdict out. Every forge (and plain Git) is turned into the
same ``Peristiwa`` by its own module; the rules live only here:

* each of the three roles approved, by an account that holds the role in ``kinerja.yml`` *as it
  stands on the base branch* (a change cannot appoint its own reviewers);
* on the current head (an approval of an older version does not count);
* in order — the order of the events in history (plain Git: the commit graph) or on the forge's
  server, never the clocks of the PCs that made them: the Kasubbag's approval before the
  Sekcam's, the Sekcam's before the Camat's;
* by three different people, none of them an author of the last change;
* no approver's latest decision is "changes requested" (anyone else's is shown, not obeyed);
* and, on a forge, the pull request changes its period's folder and nothing else.

The verdict is data: ``Putusan`` carries typed reasons (``Alasan``), and the words people read are
rendered from them by ``uraikan``; nothing decides by reading its own message text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import field
from datetime import datetime, tzinfo
from enum import Enum
from typing import Literal

from kinerja.inti import tata
from kinerja.inti.angka import format_waktu
from kinerja.inti.beku import beku
from kinerja.inti.model import Kantor, Pegawai
from kinerja.inti.sop import NAMA_PERAN, URUTAN, PeranPenyetuju

__all__ = ["URUTAN", "Alasan", "Kode", "Peristiwa", "Persetujuan", "Putusan", "putuskan"]

Aksi = Literal["setuju", "minta-perubahan", "komentar", "dibatalkan"]
SETUJU: Aksi = "setuju"
MINTA_PERUBAHAN: Aksi = "minta-perubahan"
KOMENTAR: Aksi = "komentar"
DIBATALKAN: Aksi = "dibatalkan"


@beku
class Peristiwa:
    """One review event, whatever the forge: who, what, on which version, and where in the order.

    ``urutan`` is the event's place in history (plain Git: topological order of the commits) or
    in the forge server's own order; ``waktu`` is only shown to people, never compared."""

    akun: str  # forge login, or the Git author's e-mail in plain-Git mode
    aksi: Aksi
    commit: str | None  # the reviewed version; None when the forge cannot say (treated as stale)
    waktu: datetime
    alasan: str = ""
    urutan: int = 0
    bukti: str | None = None  # what shows the decision (plain Git: the decision commit)


@beku
class Penulis:
    """Who made the change under review: forge logins (plain Git: e-mails) and commit e-mails."""

    akun: frozenset[str] = frozenset()
    surel: frozenset[str] = frozenset()


class Kode(Enum):
    """Why the verdict is what it is. ``MEMBLOKIR`` says which of them stop a ratification."""

    MENUNGGU = "menunggu"  # the role has no approval yet
    BASI = "basi"  # approved an older version
    URUTAN = "urutan"  # approved before the role that comes first
    SENDIRI = "setujui-sendiri"  # approved their own change
    GANDA = "satu-orang-dua-peran"  # one person for two roles
    MINTA_PERUBAHAN = "minta-perubahan"  # an approver asked for changes
    CATATAN_LUAR = "catatan-bukan-penyetuju"  # someone else asked for changes: shown only
    TIDAK_TERDAFTAR = "akun-tidak-terdaftar"  # approval by an account not in kinerja.yml
    TANPA_PERAN = "tanpa-peran"  # approval by a listed person who approves nothing
    DI_LUAR_FOLDER = "di-luar-folder-periode"  # the pull request changes other paths
    RIWAYAT = "riwayat-diubah"  # the pull request writes the ratification record
    TIDAK_DIHITUNG = "keputusan-tidak-dihitung"  # a decision commit that does not count
    BUKAN_PERIODE = "bukan-periode"  # a pull request that changes no period (not judged here)
    ATURAN_BERUBAH = "aturan-berubah"  # targets or rules changed on the base after the branch
    DASAR_LAIN = "cabang-dasar-lain"  # the pull request is not into the protected branch
    TERLALU_BANYAK = "berkas-terlalu-banyak"  # more changed files than the forge lists
    BERUBAH = "berubah-sesudah-pengesahan"  # the sealed content changed after ratification
    TERTUNDA = "pengesahan-tertunda"  # the Camat's decision committed, its tag not made


MEMBLOKIR = frozenset({Kode.MINTA_PERUBAHAN, Kode.DI_LUAR_FOLDER, Kode.RIWAYAT,
                       Kode.ATURAN_BERUBAH, Kode.DASAR_LAIN, Kode.TERLALU_BANYAK, Kode.BERUBAH,
                       Kode.TERTUNDA})
# Shown while the role they concern is still missing; once it is approved they no longer apply.
_SELAMA_KURANG = frozenset({Kode.BASI, Kode.URUTAN, Kode.SENDIRI, Kode.GANDA})


@beku
class Alasan:
    kode: Kode
    peran: PeranPenyetuju | None = None
    orang: Pegawai | None = None
    akun: str = ""
    waktu: datetime | None = None
    rujukan: str | None = None  # a commit (or content fingerprint) the reason refers to
    teks: str = ""  # what a person wrote (a review's reason) or what the tool found (paths)
    sebelum: PeranPenyetuju | None = None  # URUTAN: the role that must come first
    jalur: tuple[str, ...] = ()

    @property
    def memblokir(self) -> bool:
        return self.kode in MEMBLOKIR


@beku
class Persetujuan:
    peran: PeranPenyetuju
    pegawai: Pegawai
    peristiwa: Peristiwa


@beku
class Putusan:
    lulus: bool
    disetujui: tuple[Persetujuan, ...]  # the valid approvals, in SOP order
    alasan: tuple[Alasan, ...] = ()
    sumber: str = "git"
    periode: str | None = None  # the period under review, where the changed paths say it
    zona: tzinfo | None = None  # the office's clock, on which its moments are told

    @property
    def dikembalikan(self) -> bool:
        return any(a.kode is Kode.MINTA_PERUBAHAN for a in self.alasan)

    @property
    def bukan_periode(self) -> bool:
        return any(a.kode is Kode.BUKAN_PERIODE for a in self.alasan)

    @property
    def pesan(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(uraikan(a, self.sumber, self.zona) for a in self.alasan))

    @property
    def tahap(self) -> str:
        if any(a.kode in (Kode.DASAR_LAIN, Kode.TERLALU_BANYAK) for a in self.alasan):
            return "ditolak: pull request ini tidak dapat dinilai"
        if any(a.kode in (Kode.DI_LUAR_FOLDER, Kode.RIWAYAT) for a in self.alasan):
            return "ditolak: pull request periode hanya boleh mengubah folder periodenya"
        if self.bukan_periode:
            return ("bukan pull request periode: ditinjau menurut CODEOWNERS, tanpa persetujuan "
                    "berjenjang")
        if any(a.kode is Kode.BERUBAH for a in self.alasan):
            return "disahkan, tetapi isinya berubah sesudah pengesahan: perlu revisi"
        if any(a.kode is Kode.TERTUNDA for a in self.alasan):
            return "pengesahan belum selesai: tag pengesahan belum dibuat"
        if self.lulus:
            return "disahkan: Kasubbag Perencanaan, Sekcam, dan Camat telah menyetujui versi terbaru"
        if self.dikembalikan:
            if all(a.rujukan == "diubah" for a in self.alasan if a.kode is Kode.MINTA_PERUBAHAN):
                return "diperbaiki sesudah dikembalikan: menunggu peninjauan ulang"
            return "dikembalikan untuk perbaikan"
        return f"{len(self.disetujui)} dari 3 persetujuan"


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


def _orang_penulis(kantor: Kantor, penulis: Penulis, sumber: str) -> set[str]:
    """The employees (ids) behind the last change: by account, or by a commit's e-mail when the
    forge could not link the commit to an account."""
    surel = {s.lower() for s in penulis.surel}
    ids = {p.id for p in kantor.pegawai if p.email and p.email.lower() in surel}
    for a in penulis.akun:
        p = pemilik_akun(kantor, a, sumber)
        if p is not None:
            ids.add(p.id)
    return ids


def putuskan(peristiwa: Iterable[Peristiwa], *, kantor_dasar: Kantor, head: str,
             penulis: Penulis, sumber: str, tambahan: Iterable[Alasan] = (),
             mendahului: Callable[[Peristiwa, Peristiwa], bool] | None = None,
             setara: Callable[[str | None], bool] | None = None) -> Putusan:
    """``mendahului(a, b)``: whether decision ``a`` came before ``b``. On a forge, the server's
    order; in plain Git it must be ancestry — two decisions on parallel branches are not in
    order, however the log lays them out. ``setara(x)``: whether a decision's reference ``x``,
    written by an earlier kinerja in another form, names the same content as ``head``."""
    sebelum_ = mendahului or (lambda a, b: a.urutan < b.urutan)
    urut = sorted(peristiwa, key=lambda e: e.urutan)
    alasan: list[Alasan] = list(tambahan)
    akun_penulis = {a.lower() for a in penulis.akun}
    id_penulis = _orang_penulis(kantor_dasar, penulis, sumber)

    # The latest decision of each reviewer; a plain comment decides nothing.
    terakhir: dict[str, Peristiwa] = {}
    for e in urut:
        if e.aksi != KOMENTAR:
            terakhir[e.akun.lower()] = e
    for e in terakhir.values():
        if e.aksi == MINTA_PERUBAHAN:
            p = pemilik_akun(kantor_dasar, e.akun, sumber)
            penyetuju = p is not None and bool(set(p.peran) & set(URUTAN))
            # The request stands until its maker decides again; a changed head since then
            # is the correction, waiting to be looked at (rujukan: what was asked about).
            diubah = e.commit is not None and e.commit != head and not (
                setara is not None and setara(e.commit))
            alasan.append(Alasan(Kode.MINTA_PERUBAHAN if penyetuju else Kode.CATATAN_LUAR,
                                 orang=p, akun=e.akun, waktu=e.waktu, teks=e.alasan,
                                 rujukan="diubah" if diubah else None))

    # Approvals that still stand: the reviewer's latest decision is an approval.
    berlaku = [e for e in urut if e.aksi == SETUJU and terakhir[e.akun.lower()].aksi == SETUJU]
    disetujui: list[Persetujuan] = []
    dipakai: set[str] = set()
    for peran in URUTAN:
        calon: list[tuple[Peristiwa, Pegawai]] = []
        ditolak: list[Alasan] = []
        for e in berlaku:
            p = pemilik_akun(kantor_dasar, e.akun, sumber)
            if p is None or peran not in p.peran:
                continue
            if e.commit != head and not (setara is not None and setara(e.commit)):
                ditolak.append(Alasan(Kode.BASI, peran, p, e.akun, e.waktu, e.bukti or e.commit))
            elif e.akun.lower() in akun_penulis or p.id in id_penulis:
                ditolak.append(Alasan(Kode.SENDIRI, peran, p, e.akun, e.waktu))
            elif p.id in dipakai:
                ditolak.append(Alasan(Kode.GANDA, peran, p, e.akun, e.waktu))
            elif disetujui and not sebelum_(disetujui[-1].peristiwa, e):
                ditolak.append(Alasan(Kode.URUTAN, peran, p, e.akun, e.waktu,
                                      sebelum=disetujui[-1].peran))
            else:
                calon.append((e, p))
        if not calon:
            # Only the latest reason per person: an old stale approval followed by one out of
            # order says only the latter.
            per_orang = {a.orang.id if a.orang else a.akun: a for a in ditolak}
            alasan += per_orang.values()
            pemegang = ", ".join(x.nama for x in kantor_dasar.pemegang(peran))
            alasan.append(Alasan(Kode.MENUNGGU, peran, teks=pemegang))
            break
        e, p = calon[0]
        disetujui.append(Persetujuan(peran, p, e))
        dipakai.add(p.id)

    for e in berlaku:
        p = pemilik_akun(kantor_dasar, e.akun, sumber)
        if p is None:
            alasan.append(Alasan(Kode.TIDAK_TERDAFTAR, akun=e.akun, waktu=e.waktu))
        elif not set(p.peran) & set(URUTAN):
            alasan.append(Alasan(Kode.TANPA_PERAN, orang=p, akun=e.akun, waktu=e.waktu))

    lulus = len(disetujui) == len(URUTAN) and not any(a.memblokir for a in alasan)
    if lulus:
        alasan = [a for a in alasan if a.kode not in _SELAMA_KURANG]
    unik = {(a.kode, a.peran, a.orang.id if a.orang else a.akun, a.teks, a.jalur): a
            for a in alasan}
    return Putusan(lulus, tuple(disetujui), tuple(unik.values()), sumber,
                   zona=kantor_dasar.zona)


# --- which paths a period's pull request may change -----------------------------------------------



@beku
class Jalur:
    """What a pull request's changed paths say: its period, and what lies outside it."""

    periode: str | None
    alasan: tuple[Alasan, ...] = field(default=())


def periksa_jalur(berubah: Iterable[str]) -> Jalur:
    """A period's pull request changes that period's folder and nothing else: no tooling, no
    workflow, no ``kinerja.yml``, no Perjanjian Kinerja, no other period, and no ratification
    record (which only kinerja's own ratification writes)."""
    semua = sorted(set(berubah))
    folder: dict[str, list[str]] = {}
    lain: list[str] = []
    for j in semua:
        letak = tata.letak(j)
        if letak.id is not None and letak.jenis != "folder":
            folder.setdefault(letak.id, []).append(j)
        else:
            lain.append(j)
    # A period's content is what its ratification seals; its schedule, cover-letter metadata and
    # signed scan (steps 9–10) are administration, changed after ratification without undoing it.
    isi = {k: js for k, js in folder.items()
           if any(tata.tersegel(tata.letak(j).sisa) for j in js)}
    if not isi:
        catatan = tuple(j for js in folder.values() for j in js
                        if tata.letak(j).jenis == "riwayat")
        alasan = [Alasan(Kode.BUKAN_PERIODE, jalur=tuple(semua))]
        if catatan:
            alasan.append(Alasan(Kode.RIWAYAT, teks="-".join(catatan[0].split("/")[1:3]),
                                 jalur=catatan))
        return Jalur(None, tuple(alasan))
    # The period is the one with the most changed files; every other path is foreign.
    periode = max(isi, key=lambda k: (len(isi[k]), k))
    asing = [j for k, js in folder.items() if k != periode for j in js] + lain
    riwayat = [j for j in folder[periode] if tata.letak(j).jenis == "riwayat"]
    alasan = []
    if asing:
        alasan.append(Alasan(Kode.DI_LUAR_FOLDER, teks=periode, jalur=tuple(sorted(asing))))
    if riwayat:
        alasan.append(Alasan(Kode.RIWAYAT, teks=periode, jalur=tuple(riwayat)))
    return Jalur(periode, tuple(alasan))


# --- the words people read ------------------------------------------------------------------------

def _siapa(a: Alasan, sumber: str) -> str:
    """A person by name (and role where one is meant); an account only when nobody is behind it."""
    peran = NAMA_PERAN[a.peran] + " " if a.peran else ""
    if a.orang is not None:
        return f"{peran}{a.orang.nama}"
    return f"{peran}{a.akun if sumber == 'git' else '@' + a.akun}"


def _pada(a: Alasan, zona: tzinfo | None) -> str:
    return f" pada {format_waktu(a.waktu, zona)}" if a.waktu else ""


def _daftar_jalur(jalur: tuple[str, ...]) -> str:
    tampil = ", ".join(jalur[:8])
    return tampil + (f", dan {len(jalur) - 8} berkas lain" if len(jalur) > 8 else "")


def uraikan(a: Alasan, sumber: str, zona: tzinfo | None = None) -> str:
    """One reason in plain Indonesian: who, what, and what to do about it."""
    siapa = _siapa(a, sumber)
    match a.kode:
        case Kode.MENUNGGU:
            assert a.peran is not None
            if not a.teks:
                return (f"menunggu persetujuan {NAMA_PERAN[a.peran]}, tetapi belum ada pegawai "
                        f"berperan {a.peran} di kinerja.yml pada cabang dasar; tambahkan perannya")
            return f"menunggu persetujuan {NAMA_PERAN[a.peran]} ({a.teks})"
        case Kode.BASI:
            rujukan = f" (commit {a.rujukan[:7]})" if a.rujukan else ""
            return (f"disetujui {siapa}{_pada(a, zona)} untuk versi sebelum perubahan terakhir"
                    f"{rujukan}; minta {NAMA_PERAN[a.peran or 'camat']} menyetujui ulang versi "
                    "terbaru")
        case Kode.URUTAN:
            sebelum = NAMA_PERAN[a.sebelum or "kasubbag-perencanaan"]
            return (f"disetujui {siapa}{_pada(a, zona)}, sebelum persetujuan {sebelum}; urutan SOP: "
                    f"Kasubbag Perencanaan, Sekcam, lalu Camat — minta "
                    f"{NAMA_PERAN[a.peran or 'camat']} menyetujui ulang")
        case Kode.SENDIRI:
            return (f"{siapa} menyetujui perubahannya sendiri; persetujuan "
                    f"{NAMA_PERAN[a.peran or 'camat']} harus dari orang lain. Bila ia juga "
                    "mengisi formulir seksinya, minta staf seksi itu yang meng-commit isiannya")
        case Kode.GANDA:
            return (f"{siapa} sudah menyetujui untuk peran lain; tiga persetujuan harus dari tiga "
                    "orang")
        case Kode.MINTA_PERUBAHAN:
            isi = f": «{' '.join(a.teks.split())}»" if a.teks.strip() else ""
            if a.rujukan == "diubah":
                return (f"{siapa} meminta perubahan{_pada(a, zona)}{isi}; isinya sudah diubah "
                        f"sesudahnya: menunggu {siapa} meninjau ulang")
            return f"{siapa} meminta perubahan{_pada(a, zona)}{isi}; perbaiki lalu minta ditinjau ulang"
        case Kode.CATATAN_LUAR:
            isi = f": «{' '.join(a.teks.split())}»" if a.teks.strip() else ""
            return (f"catatan dari {siapa}{_pada(a, zona)}{isi} (bukan penyetuju menurut kinerja.yml "
                    "pada cabang dasar; tidak menahan persetujuan)")
        case Kode.TIDAK_TERDAFTAR:
            return (f"{siapa} menyetujui, tetapi akun ini tidak terdaftar di kinerja.yml pada "
                    "cabang dasar; persetujuannya tidak dihitung")
        case Kode.TANPA_PERAN:
            return (f"{siapa} menyetujui, tetapi tidak memegang peran Kasubbag Perencanaan, "
                    "Sekcam, atau Camat di kinerja.yml pada cabang dasar")
        case Kode.DI_LUAR_FOLDER:
            return (f"pull request periode {a.teks} juga mengubah berkas di luar folder periodenya: "
                    f"{_daftar_jalur(a.jalur)}. Pindahkan perubahan itu ke pull request "
                    "tersendiri (ditinjau menurut CODEOWNERS)")
        case Kode.RIWAYAT:
            return (f"pull request periode {a.teks} mengubah catatan pengesahan "
                    f"{_daftar_jalur(a.jalur)}; catatan itu hanya ditulis oleh pengesahan kinerja. "
                    "Kembalikan berkas itu seperti semula")
        case Kode.TIDAK_DIHITUNG:
            return a.teks
        case Kode.ATURAN_BERUBAH:
            return (f"Perjanjian Kinerja atau aturan capaian berubah di cabang dasar (commit "
                    f"{(a.rujukan or '')[:7]}) sesudah cabang periode {a.teks} dibuat, jadi "
                    "persetujuan yang ada diberikan untuk angka yang dihitung dengan target lama. "
                    "Perbarui cabang dari main («Update branch»), lalu minta ketiga penyetuju "
                    "menyetujui ulang")
        case Kode.DASAR_LAIN:
            dasar, harus = a.teks.split("\x00")
            return (f"pull request ini ditujukan ke cabang «{dasar}», bukan «{harus}»; putusan "
                    f"persetujuan hanya diberikan untuk pull request ke {harus}")
        case Kode.TERLALU_BANYAK:
            return (f"pull request ini mengubah {a.teks} berkas, lebih dari yang dapat diperiksa "
                    "lewat API Git host; bagi menjadi pull request yang lebih kecil")
        case Kode.BERUBAH:
            return (f"isi periode {a.teks} yang disegel berubah sesudah pengesahan "
                    f"({_daftar_jalur(a.jalur)}); angka yang disahkan tetap berlaku. Perubahan "
                    f"harus melalui revisi: kinerja revisi {a.teks} --alasan \"…\" (di Git host: "
                    "pull request revisi yang disetujui ulang ketiga penyetuju), atau kembalikan "
                    "berkasnya seperti saat disahkan")
        case Kode.TERTUNDA:
            return (f"keputusan Camat sudah di-commit ({(a.rujukan or '')[:8]}) tetapi tag "
                    f"pengesahan {a.teks} belum dibuat; selesaikan dengan «kinerja sahkan "
                    f"{a.teks}», atau ambil tag dengan «git fetch --tags»")
        case Kode.BUKAN_PERIODE:
            return ("pull request ini tidak mengubah folder periode mana pun; persetujuan "
                    "berjenjang tidak berlaku, tinjauan mengikuti CODEOWNERS")
