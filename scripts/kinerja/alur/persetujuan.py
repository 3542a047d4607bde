"""`kinerja persetujuan` in plain Git: where a period's approvals stand, honestly — a ratified
period by the decisions its tag proves, and said plainly when its sealed content changed since or
its ratification is unfinished; never «versi terbaru» of content that is not the ratified one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kinerja.alur.keputusan import muat
from kinerja.inti.model import Keadaan, Periode
from kinerja.layanan import Potret
from kinerja.pengesahan.putusan import Alasan, Kode, Putusan
from kinerja.pengesahan.sejarah import Konteks


def putusan_lokal(mulai: Path, tunjuk: str | None) -> Putusan:
    pt, p, k = muat(mulai, tunjuk, lengkap=False)
    return putusan_jujur(pt, p, k)


def putusan_jujur(pt: Potret, p: Periode, k: Konteks) -> Putusan:
    sj = pt.riwayat().sj
    sah = p.pengesahan
    if sah.keadaan is Keadaan.DISAHKAN and sah.commit is not None:
        hasil = sj.putusan(sj.konteks(p.tahun, p.kode, sah.commit))
        if sah.rusak:
            jalur = tuple(dict.fromkeys(x.berkas for x in sah.rusak))
            hasil = replace(hasil, lulus=False, alasan=(
                *hasil.alasan, Alasan(Kode.BERUBAH, teks=p.id, jalur=jalur)))
        return replace(hasil, periode=p.id)
    hasil = sj.putusan(k)
    if sah.keadaan is Keadaan.TERTUNDA:
        hasil = replace(hasil, lulus=False, alasan=(
            *hasil.alasan, Alasan(Kode.TERTUNDA, teks=p.id, rujukan=sah.commit)))
    return replace(hasil, periode=p.id)
