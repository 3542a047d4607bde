"""How the approval verdict and the SOP status read: text, JSON, GitHub annotations, Markdown."""

from __future__ import annotations

import json
from typing import Any

from kinerja.alur import StatusPeriode
from kinerja.angka import format_tanggal
from kinerja.persetujuan import Putusan
from kinerja.sop import NAMA_PERAN


def _data_putusan(p: Putusan) -> dict[str, Any]:
    return {
        "lulus": p.lulus, "tahap": p.tahap, "pesan": list(p.pesan),
        "persetujuan": [{"peran": s.peran, "nama": s.pegawai.nama, "akun": s.peristiwa.akun,
                         "commit": s.peristiwa.commit, "waktu": s.peristiwa.waktu.isoformat()}
                        for s in p.disetujui],
    }


def putusan(p: Putusan, format_: str) -> str:
    if format_ == "json":
        return json.dumps(_data_putusan(p), ensure_ascii=False, indent=2) + "\n"
    baris = [f"Persetujuan: {p.tahap}"]
    for s in p.disetujui:
        baris.append(f"  ✓ {NAMA_PERAN[s.peran]}: {s.pegawai.nama}, "
                     f"{format_tanggal(s.peristiwa.waktu.date())} {s.peristiwa.waktu:%H.%M}")
    if format_ == "markdown":
        isi = ["## Persetujuan berjenjang", "", f"**{p.tahap}**", ""]
        isi += [f"- ✅ {b.strip()[2:]}" for b in baris[1:]]
        isi += [f"- ⏳ {x}" for x in p.pesan]
        return "\n".join(isi) + "\n"
    if format_ == "github":
        perintah = "notice" if p.lulus else "error"
        teks = "; ".join(p.pesan) or p.tahap
        return "\n".join(baris) + f"\n::{perintah} title=kinerja persetujuan::{teks}\n"
    baris += [f"  - {x}" for x in p.pesan]
    return "\n".join(baris) + "\n"


def status(s: StatusPeriode, format_: str) -> str:
    if format_ == "json":
        return json.dumps({
            "periode": s.periode,
            "langkah": [{"nomor": x.nomor, "uraian": x.uraian, "pelaksana": x.pelaksana,
                         "selesai": x.selesai.isoformat() if x.selesai else None, "oleh": x.oleh,
                         "menit_kerja": x.menit, "mutu_baku_menit": x.baku,
                         "tepat_waktu": x.tepat_waktu, "catatan": x.catatan} for x in s.langkah],
            "persetujuan": _data_putusan(s.putusan),
        }, ensure_ascii=False, indent=2) + "\n"
    baris = [f"Status SOP pengukuran kinerja {s.periode}: "
             f"{sum(1 for x in s.langkah if x.selesai)} dari 10 langkah selesai", ""]
    for x in s.langkah:
        if x.selesai is None:
            keadaan = "belum" + (f" ({x.catatan})" if x.catatan else "")
        else:
            lama = "" if x.menit is None else f", {_durasi(x.menit)} dari mutu baku {_durasi(x.baku)}"
            tanda = "" if x.tepat_waktu is None else (" — tepat waktu" if x.tepat_waktu
                                                       else " — TERLAMBAT")
            keadaan = (f"selesai {format_tanggal(x.selesai.date())} {x.selesai:%H.%M} oleh "
                       f"{x.oleh}{lama}{tanda}")
        baris.append(f"{x.nomor:>2}. {x.pelaksana}: {keadaan}")
    baris += ["", f"Persetujuan: {s.putusan.tahap}"]
    return "\n".join(baris) + "\n"


def _durasi(menit: int) -> str:
    jam, m = divmod(menit, 60)
    if jam and m:
        return f"{jam} jam {m} menit"
    return f"{jam} jam" if jam else f"{m} menit"
