"""Ratification: proven from Git history (``verifikasi``), never from a record on its own.

This front holds what every command needs even outside a Git repository, without loading the
Git side (``gudang``, ``sejarah``, ``verifikasi``: start-up measured by bench/periksa.py)."""

from __future__ import annotations

from datetime import tzinfo

from kinerja.inti import tata
from kinerja.inti.angka import format_waktu
from kinerja.inti.model import Periode, TempatPeriode
from kinerja.inti.temuan import Lok, Temuan, temuan


def luar_git(p: TempatPeriode) -> tuple[Temuan, ...]:
    """Outside a Git repository nothing can be proven: a record there is only a finding."""
    if not (p.folder / tata.BERKAS_RIWAYAT).is_file():
        return ()
    return (temuan(Lok(tata.berkas_riwayat(p.tahun, p.kode)), "riwayat-tangan",
                   "catatan pengesahan di luar repositori Git tidak dapat dibuktikan, jadi "
                   f"periode {p.id} tidak dianggap disahkan di sini; pengesahan hanya sah "
                   "bila riwayat Git membuktikannya (kinerja sahkan di dalam klon repo "
                   "kantor)"),)


def pesan_rusak(p: Periode, zona: tzinfo | None = None) -> str:
    """The one message for a sealed period whose files changed (checker, report, site)."""
    kapan = ""
    if p.segel is not None and p.segel.disahkan is not None:
        kapan = f" pada {format_waktu(p.segel.disahkan, zona)}"
    return (f"periode {p.id} telah disahkan{kapan}; perubahan sesudah pengesahan harus melalui "
            f"revisi: kinerja revisi {p.id} --alasan \"…\" (di Git host: pull request revisi yang "
            "disetujui ulang ketiga penyetuju), atau kembalikan berkas ini seperti saat disahkan")
