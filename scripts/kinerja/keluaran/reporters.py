"""Findings to text for people, JSON for tools, and GitHub annotations plus a job summary."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict

from kinerja.inti import lolos
from kinerja.keluaran.baris import baris_teks
from kinerja.layanan.pemeriksaan import HasilPeriksa
from kinerja.periksa.kelengkapan import Kelengkapan


def ringkasan(hasil: HasilPeriksa) -> str:
    n = Counter(t.tingkat for t in hasil.temuan)
    berkas = len({t.berkas for t in hasil.temuan})
    if not hasil.temuan:
        return f"Semua valid: {hasil.berkas_diperiksa} berkas diperiksa, tidak ada masalah."
    bagian = []
    if n["galat"]:
        bagian.append(f"{n['galat']} galat")
    if n["peringatan"]:
        bagian.append(f"{n['peringatan']} peringatan")
    return f"{' dan '.join(bagian)} di {berkas} berkas ({hasil.berkas_diperiksa} berkas diperiksa)."


def _kelengkapan_teks(k: Kelengkapan) -> str:
    return f"  {k.ringkasan}"


def teks(hasil: HasilPeriksa) -> str:
    baris = [baris_teks(t) for t in hasil.temuan]
    periode = ""
    for k in hasil.kelengkapan:
        if k.periode != periode:
            periode = k.periode
            if baris:
                baris.append("")
            baris.append(f"Kelengkapan {periode}:")
        baris.append(_kelengkapan_teks(k))
    if baris:
        baris.append("")
    baris.append(ringkasan(hasil))
    return lolos.terminal("\n".join(baris) + "\n")


def sebagai_json(hasil: HasilPeriksa) -> str:
    n = Counter(t.tingkat for t in hasil.temuan)
    data = {
        "temuan": [asdict(t) for t in hasil.temuan],
        "kelengkapan": [{**asdict(k), "lengkap": k.lengkap, "keterangan": k.keterangan}
                        for k in hasil.kelengkapan],
        "ringkasan": {"galat": n["galat"], "peringatan": n["peringatan"],
                      "berkas_diperiksa": hasil.berkas_diperiksa, "valid": not hasil.ada_galat},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def github(hasil: HasilPeriksa) -> str:
    """Workflow commands: one annotation per finding, on the exact line of the form."""
    baris = []
    for t in hasil.temuan:
        perintah = "error" if t.galat else "warning"
        baris.append(
            f"::{perintah} file={lolos.github_sifat(t.berkas)},line={t.baris},col={t.kolom},"
            f"title={lolos.github_sifat('kinerja: ' + t.aturan)}::"
            f"{lolos.github_data(lolos.terminal(t.pesan))}"
        )
    baris.append(ringkasan(hasil))
    return "\n".join(baris) + "\n"


def ringkasan_langkah(hasil: HasilPeriksa) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: completeness per section, then the findings."""
    baris = ["## Pemeriksaan formulir kinerja", "", ringkasan(hasil), ""]
    if hasil.kelengkapan:
        baris += ["| Periode | Seksi | Terisi | Status |", "|---|---|---:|---|"]
        for k in hasil.kelengkapan:
            status = "✅ lengkap" if k.lengkap else f"⏳ belum lengkap: {lolos.gfm(k.keterangan)}"
            terisi = "—" if k.rusak or k.pk_galat or not k.ada else f"{k.berisi} dari {k.jumlah}"
            baris.append(f"| {k.periode} | {lolos.gfm(k.nama)} | {terisi} | {status} |")
        baris.append("")
    if hasil.temuan:
        baris += ["| Berkas | Baris | Tingkat | Pesan |", "|---|---:|---|---|"]
        for t in hasil.temuan[:200]:
            baris.append(f"| {lolos.gfm(t.berkas)} | {t.baris} | {t.tingkat} | {lolos.gfm(t.pesan)} |")
        if len(hasil.temuan) > 200:
            baris.append(f"| … | | | {len(hasil.temuan) - 200} temuan lain |")
    return "\n".join(baris) + "\n"

