"""``kinerja status``: the SOP's ten steps for one period — done or not, by whom, how long in
working time against the standard time — read from Git history."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

from kinerja.alur.keputusan import muat
from kinerja.alur.persetujuan import putusan_jujur
from kinerja.inti import tata
from kinerja.inti.angka import format_waktu
from kinerja.inti.beku import beku
from kinerja.inti.model import (
    BELUM_DISAHKAN,
    NAMA_PERIODE,
    Keadaan,
    Pegawai,
    Pengesahan,
    Periode,
)
from kinerja.inti.sop import sop
from kinerja.layanan import Potret, potret
from kinerja.pengesahan import git
from kinerja.pengesahan.putusan import MINTA_PERUBAHAN, Putusan, pemilik_akun
from kinerja.pengesahan.sejarah import AKSI, Konteks
from kinerja.pengesahan.trailer import Jenis
from kinerja.ukur.jadwal import lama_langkah, libur_indonesia, menit_kerja


@beku
class StatusLangkah:
    nomor: int
    uraian: str
    pelaksana: str
    selesai: datetime | None
    oleh: str | None
    menit: int | None  # working minutes since the previous step finished
    baku: int  # the SOP's standard time, in working minutes
    catatan: str = ""

    @property
    def tepat_waktu(self) -> bool | None:
        return None if self.menit is None else self.menit <= self.baku


@beku
class StatusPeriode:
    periode: str
    langkah: tuple[StatusLangkah, ...]
    putusan: Putusan
    pengesahan: Pengesahan = BELUM_DISAHKAN
    urutan: tuple[str, ...] = ()  # the year's order, where this period runs ahead of it


def status(mulai: Path, tunjuk: str | None, putusan_forge: Putusan | None = None) -> StatusPeriode:
    pt, p, k = muat(mulai, tunjuk, lengkap=False)
    sj, g = pt.riwayat().sj, pt.riwayat().g
    semua = sj.sejak_revisi(k)
    put = putusan_forge or putusan_jujur(pt, p, k)

    def orang(c: git.Commit) -> Pegawai | None:
        return next((x for x in k.kantor.pegawai
                     if x.email and x.email.lower() == c.email.lower()), None)

    def siapa(c: git.Commit) -> str:
        # People as kinerja.yml names them: Git strips a trailing dot from author names
        # ("S.Sos" for "S.Sos."), and an account name is not a person's name.
        o = orang(c)
        return o.nama if o is not None else c.nama

    kepala = {s.kepala for s in k.kantor.seksi}

    def berperan(c: git.Commit, *peran: str) -> bool:
        o = orang(c)
        return o is not None and (bool(set(peran) & set(o.peran)) or
                                  ("kasi" in peran and o.id in kepala))

    kapan: dict[int, tuple[datetime, str | None, str]] = {}
    # The orders (steps 1–2) stand for every version: a revision reopens the approvals, not
    # the Camat's order; the other steps are done again for the new version.
    leluhur_ref = g.leluhur(k.ref)
    for x in sj.keputusan.get(p.id, []):
        if x.jenis is Jenis.LANGKAH and x.langkah in (1, 2) and x.commit.sha in leluhur_ref:
            kapan.setdefault(x.langkah, (x.commit.waktu, siapa(x.commit), x.alasan))
    for x in semua:
        if x.jenis is Jenis.LANGKAH and x.langkah is not None:
            kapan.setdefault(x.langkah, (x.commit.waktu, siapa(x.commit), x.alasan))
    kapan[3] = (k.dibuat.waktu, siapa(k.dibuat), "periode di-commit")
    pertama = next((x for x in semua if x.jenis in AKSI), None)
    leluhur = g.leluhur(k.ref)
    formulir = f"{k.folder}/{tata.FOLDER_FORMULIR}/"
    isi = [c for sha, c in g.commit.items() if sha in leluhur and "Kinerja-Keputusan" not in
           c.trailer and any(path.startswith(formulir) for _, path in g.berubah.get(sha, ()))]
    # Each step is credited to someone whose role it is: step 4 to a section head (their last
    # fill), step 5 to a pelaksana (a change after it); otherwise the moment is inferred and
    # nobody is named.
    kasi = [c for c in isi if berperan(c, "kasi")]
    if pertama is not None:
        kasi = [c for c in kasi if g.mendahului(c.sha, pertama.commit.sha)]
        if 4 not in kapan and kasi:
            kapan[4] = (kasi[-1].waktu, siapa(kasi[-1]), "isian terakhir sebelum pemeriksaan")
        staf = [c for c in isi if berperan(c, "pelaksana") and g.mendahului(
            c.sha, pertama.commit.sha) and (not kasi or g.mendahului(kasi[-1].sha, c.sha))]
        if 5 not in kapan and staf:
            kapan[5] = (staf[-1].waktu, siapa(staf[-1]), "draf disusun")
        elif 5 not in kapan and kasi:
            kapan[5] = (pertama.commit.waktu, None, "disimpulkan: draf diserahkan untuk "
                        "diperiksa; penyusunnya tidak tercatat")
    elif 4 not in kapan and kasi and _lengkap(pt.akar, p.id):
        kapan[4] = (kasi[-1].waktu, siapa(kasi[-1]), "semua formulir lengkap")
    for s, nomor in zip(put.disetujui, (6, 7, 8), strict=False):
        if nomor == 8 and p.pengesahan.keadaan is not Keadaan.DISAHKAN and putusan_forge is None:
            break  # the Camat's decision counts once its ratification is proven (its tag)
        kapan[nomor] = (s.peristiwa.waktu, s.pegawai.nama, "disetujui" if nomor < 8 else "disahkan")
    # A return is noted on the step of the one who returned it (Kasubbag: 6, Sekcam: 7).
    kembali: dict[int, list[datetime]] = {}
    for e in sj.peristiwa(k)[0]:
        o = pemilik_akun(k.kantor, e.akun, "git") if e.aksi == MINTA_PERUBAHAN else None
        for peran, nomor in (("kasubbag-perencanaan", 6), ("sekcam", 7)):
            if o is not None and peran in o.peran:
                kembali.setdefault(nomor, []).append(e.waktu)
    return StatusPeriode(p.id, _langkah(k, p.mulai, kapan, kembali), put, p.pengesahan,
                         _urutan(pt, p))


def _urutan(pt: Potret, p: Periode) -> tuple[str, ...]:
    """The year's order (PK, Rencana Aksi, the quarters, the year), said where this period is
    ahead of it — once ratified, a quarter is not evaluated against a plan written later."""
    if p.pengesahan.keadaan is Keadaan.DISAHKAN:
        return ()
    if p.kode != "tahunan":
        if pt.renaksi(p.tahun) is not None:
            return ()
        return (f"Rencana Aksi {p.tahun} belum ada: tulis sebelum {p.nama} disahkan («kinerja "
                f"renaksi baru {p.tahun}», lalu «kinerja periode baru {p.tahun} {p.kode}» "
                "menambahkan aksinya ke formulir); triwulan yang disahkan tanpa Rencana Aksi "
                "tidak dievaluasi terhadapnya",)
    belum = [NAMA_PERIODE[kode] for kode in ("tw1", "tw2", "tw3", "tw4")
             if (q := pt.periode(p.tahun, kode)) is None
             or q.pengesahan.keadaan is not Keadaan.DISAHKAN]
    return (f"{', '.join(belum)} belum disahkan: angka tahunan dan LKjIP hanya memuat triwulan "
            "yang sudah diukur; sahkan triwulannya lebih dulu bila memungkinkan",) if belum else ()


def _langkah(k: Konteks, mulai: object, kapan: dict[int, tuple[datetime, str | None, str]],
             kembali: dict[int, list[datetime]]) -> tuple[StatusLangkah, ...]:
    tahun = {k.dibuat.waktu.year, datetime.now().year}
    libur = libur_indonesia(tahun | {t + 1 for t in tahun})
    jam = k.kantor.jam_kerja
    zona = k.kantor.zona  # every moment read on the office's clock, whatever the commit's
    sebelumnya: datetime | None = (datetime.combine(mulai, time(*jam.mulai))  # type: ignore[arg-type]
                                   .replace(tzinfo=zona) if mulai else None)
    hasil = []
    for ls in sop().langkah:
        selesai, oleh, cat = kapan.get(ls.nomor, (None, None, ""))
        if selesai is None and kembali.get(ls.nomor):
            cat = (f"dikembalikan {len(kembali[ls.nomor])} kali, terakhir "
                   f"{format_waktu(kembali[ls.nomor][-1], zona)}")
        menit = None
        if selesai is not None:
            selesai = selesai.astimezone(zona)
        if selesai is not None and sebelumnya is not None:
            menit = menit_kerja(sebelumnya.replace(tzinfo=None), selesai.replace(tzinfo=None),
                                jam, libur)
        hasil.append(StatusLangkah(ls.nomor, ls.uraian, ls.nama_pelaksana, selesai, oleh, menit,
                                   lama_langkah(ls, jam), cat))
        if selesai is not None:
            sebelumnya = selesai
    return tuple(hasil)


def _lengkap(akar: Path, pid: str) -> bool:
    """Whether the period passes the checks for approval (all forms complete and valid)."""
    pt = potret(akar, tahun={int(pid[:4])}, lengkap=True, hanya={pid})
    p = pt.cari(pid)
    return not pt.penghalang(p)
