"""Checks of the office (``kinerja.yml``) as a whole: unique ids, heads and roles that exist,
three different approvers, keys where signatures are required, one account per person."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from kinerja.inti.jenis import FORGE
from kinerja.inti.model import Kantor
from kinerja.inti.saran import saran
from kinerja.inti.sop import URUTAN
from kinerja.inti.temuan import Lok, Temuan, temuan
from kinerja.periksa.umum import ganda


def periksa_kantor(k: Kantor) -> Iterator[Temuan]:
    yield from ganda([(p.id, p.lok) for p in k.pegawai], "id pegawai")
    yield from ganda([(s.id, s.lok) for s in k.seksi], "id seksi")
    ids = [p.id for p in k.pegawai]
    for s in k.seksi:
        if k.pegawai_id(s.kepala) is None:
            yield temuan(s.lok, "kepala-tak-dikenal",
                         f"kepala seksi «{s.kepala}» tidak ada di daftar pegawai"
                         f"{saran(s.kepala, ids)}")
    for peran in URUTAN:
        if not k.pemegang(peran):
            yield temuan(Lok(k.berkas), "peran-kosong",
                         f"tidak ada pegawai berperan «{peran}»; persetujuan laporan memerlukannya")
    for p in k.pegawai:
        dua = [x for x in URUTAN if x in p.peran]
        if len(dua) > 1:
            # Three approvals must come from three people: one person in two approving roles
            # could never complete the chain.
            yield temuan(p.lok, "peran-rangkap",
                         f"{p.nama} memegang dua peran penyetuju ({', '.join(dua)}); ketiga "
                         "persetujuan harus dari tiga orang berbeda — tunjuk pejabat lain untuk "
                         "salah satunya")
    for p in k.pegawai:
        if set(p.peran) & set(URUTAN) and not p.email:
            yield temuan(p.lok, "penyetuju-tanpa-surel",
                         f"{p.nama} menyetujui laporan tetapi tidak punya «email»; tanpa Git host "
                         "keputusannya dikenali dari surel Git-nya, jadi isi surel yang ia pakai "
                         "di «git config user.email»")
    yield from _kunci(k)
    yield from _akun(k)


def _kunci(k: Kantor) -> Iterator[Temuan]:
    if not k.tanda_tangan_wajib:
        return
    for p in k.pegawai:
        if set(p.peran) & set(URUTAN) and not (p.email and (p.kunci_ssh or p.kunci_gpg)):
            yield temuan(p.lok, "kunci-kosong",
                         f"persetujuan.tanda_tangan: wajib, tetapi {p.nama} tidak punya email dan "
                         "kunci_ssh atau kunci_gpg; keputusannya tidak akan dapat diperiksa — "
                         "tambahkan email dan isi berkas .pub kuncinya")


def _akun(k: Kantor) -> Iterator[Temuan]:
    for forge in FORGE:
        akun = Counter(p.akun[forge].lower() for p in k.pegawai if forge in p.akun)
        for p in k.pegawai:
            if forge in p.akun and akun[p.akun[forge].lower()] > 1:
                yield temuan(p.lok, "akun-ganda",
                             f"akun {forge} «{p.akun[forge]}» dipakai lebih dari satu pegawai; "
                             "setiap akun hanya boleh milik satu orang")
        if akun:
            # The office works on this forge: an approver without an account there could never
            # approve, and the chain would wait forever.
            for p in k.pegawai:
                if set(p.peran) & set(URUTAN) and forge not in p.akun:
                    yield temuan(p.lok, "akun-kosong",
                                 f"{p.nama} adalah penyetuju tetapi tidak punya akun {forge} di "
                                 f"«akun»; tambahkan, misalnya akun: {{{forge}: namaakun}}")
    surel = Counter(p.email.lower() for p in k.pegawai if p.email)
    for p in k.pegawai:
        if p.email and surel[p.email.lower()] > 1:
            yield temuan(p.lok, "akun-ganda",
                         f"surel «{p.email}» dipakai lebih dari satu pegawai; keputusan Git "
                         "dikenali dari surel penulisnya, jadi setiap surel hanya milik satu orang")
