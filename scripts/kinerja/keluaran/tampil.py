"""How the approval verdict and the SOP status read: text, JSON, GitHub annotations, Markdown."""

from __future__ import annotations

import json
from datetime import tzinfo
from typing import TYPE_CHECKING, Any

from kinerja.inti import lolos
from kinerja.inti.angka import format_waktu
from kinerja.inti.sop import NAMA_PERAN

if TYPE_CHECKING:  # verdicts and status are only formatted here; loading them loads Git's side
    from kinerja.alur.status import StatusPeriode
    from kinerja.pengesahan.putusan import Persetujuan, Putusan


def _data_putusan(p: Putusan) -> dict[str, Any]:
    return {
        "lulus": p.lulus, "tahap": p.tahap, "pesan": list(p.pesan),
        "persetujuan": [{"peran": s.peran, "nama": s.pegawai.nama, "akun": s.peristiwa.akun,
                         "commit": s.peristiwa.commit, "waktu": s.peristiwa.waktu.isoformat()}
                        for s in p.disetujui],
    }


def _disetujui(s: Persetujuan, zona: tzinfo | None) -> str:
    return f"{NAMA_PERAN[s.peran]}: {s.pegawai.nama}, {format_waktu(s.peristiwa.waktu, zona)}"


def putusan(p: Putusan, format_: str) -> str:
    """The verdict for people (text, Markdown job summary), tools (JSON) and GitHub's runner.
    Every piece of people's or a forge's text goes through the escaper of its target."""
    if format_ == "json":
        return json.dumps(_data_putusan(p), ensure_ascii=False, indent=2) + "\n"
    if format_ == "markdown":
        isi = ["## Persetujuan berjenjang", "", f"**{lolos.gfm(p.tahap)}**", ""]
        isi += [f"- ✅ {lolos.gfm(_disetujui(s, p.zona))}" for s in p.disetujui]
        isi += [f"- ⏳ {lolos.gfm(x)}" for x in p.pesan]
        return "\n".join(isi) + "\n"
    if format_ == "github":
        # Each line the runner reads may be a workflow command: only ours are, and every
        # message is escaped so a newline in a review cannot start one of its own.
        perintah = "notice" if p.lulus else "error"
        judul = lolos.github_sifat("kinerja persetujuan")
        baris = [f"::notice title={judul}::"
                 f"{lolos.github_data(lolos.terminal('disetujui ' + _disetujui(s, p.zona)))}"
                 for s in p.disetujui]
        baris += [f"::{perintah} title={judul}::{lolos.github_data(lolos.terminal(x))}"
                  for x in p.pesan]
        baris.append(f"::{perintah} title={judul}::{lolos.github_data('Persetujuan: ' + p.tahap)}")
        return "\n".join(baris) + "\n"
    baris = [f"Persetujuan: {p.tahap}"]
    baris += [f"  ✓ {_disetujui(s, p.zona)}" for s in p.disetujui]
    baris += [f"  - {x}" for x in p.pesan]
    return lolos.terminal("\n".join(baris) + "\n")


def status(s: StatusPeriode, format_: str) -> str:
    if format_ == "json":
        return json.dumps({
            "periode": s.periode,
            "langkah": [{"nomor": x.nomor, "uraian": x.uraian, "pelaksana": x.pelaksana,
                         "selesai": x.selesai.isoformat() if x.selesai else None, "oleh": x.oleh,
                         "menit_kerja": x.menit, "mutu_baku_menit": x.baku,
                         "tepat_waktu": x.tepat_waktu, "catatan": x.catatan} for x in s.langkah],
            "persetujuan": _data_putusan(s.putusan),
            "urutan": list(s.urutan),
        }, ensure_ascii=False, indent=2) + "\n"
    versi = f" (versi {s.pengesahan.versi})" if s.pengesahan.versi > 1 else ""
    baris = [f"Status SOP pengukuran kinerja {s.periode}{versi}: "
             f"{sum(1 for x in s.langkah if x.selesai)} dari 10 langkah selesai", ""]
    for x in s.langkah:
        if x.selesai is None:
            keadaan = "belum" + (f" ({x.catatan})" if x.catatan else "")
        else:
            lama = "" if x.menit is None else f", {_durasi(x.menit)} dari mutu baku {_durasi(x.baku)}"
            tanda = "" if x.tepat_waktu is None else (" — tepat waktu" if x.tepat_waktu
                                                       else " — TERLAMBAT")
            oleh = f" oleh {x.oleh}" if x.oleh else ""
            keadaan = f"selesai {format_waktu(x.selesai)}{oleh}{lama}{tanda}"
            if x.catatan and not x.oleh:
                keadaan += f" ({x.catatan})"
        baris.append(f"{x.nomor:>2}. {x.pelaksana}: {keadaan}")
    baris += ["", f"Persetujuan: {s.putusan.tahap}"]
    baris += [f"  - {x}" for x in s.putusan.pesan]  # what is missing, or what to do now
    if s.urutan:
        baris += ["", "Urutan tahun:", *(f"  - {x}" for x in s.urutan)]
    return lolos.terminal("\n".join(baris) + "\n")


def _durasi(menit: int) -> str:
    jam, m = divmod(menit, 60)
    if jam and m:
        return f"{jam} jam {m} menit"
    return f"{jam} jam" if jam else f"{m} menit"
