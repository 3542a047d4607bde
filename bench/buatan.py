"""Synthetic offices for benchmarks and tests: many years, or one period with many indicators."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
CONTOH = AKAR / "contoh"  # the sample office, kept apart from an office's own data


def bytecode() -> None:
    """Compile kinerja's modules as an installed package has them: pip compiles a package when it
    installs it, but this checkout is installed editable, and with PYTHONDONTWRITEBYTECODE (set
    on some machines and runners) every run would compile every module again — a cost no user
    pays and check-jsonschema, installed normally, does not pay either."""
    import compileall

    compileall.compile_dir(AKAR / "scripts" / "kinerja", quiet=1)


def salin_situs(tujuan: Path) -> None:
    """What the site needs besides the data: mkdocs.yml, the hand-written pages of content/
    (the generated content/arsip/ is left behind), and the npm lock of the form page's Pyodide."""
    for nama in ("mkdocs.yml", "package.json", "package-lock.json"):
        shutil.copy2(AKAR / nama, tujuan / nama)
    shutil.copytree(AKAR / "content", tujuan / "content", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("arsip"))


def salin_templat(tujuan: Path) -> Path:
    """A fresh copy of this repository as an office gets it («Use this template»): the site's
    pages, mkdocs.yml and the sample office in contoh/ — and no office data at the root yet."""
    tujuan.mkdir(parents=True, exist_ok=True)
    shutil.copytree(CONTOH, tujuan / "contoh")
    salin_situs(tujuan)
    return tujuan


_SEJARAH: dict[str, Path] = {}  # the sample's history, made once per process


def salin_contoh(tujuan: Path, *, situs: bool = False,
                 ubah: Callable[[Path], None] | None = None) -> Path:
    """The sample office shipped in the repository, as a Git repository whose history ratifies
    its first three quarters (``sejarah``); with ``situs``, ready for the site build. ``ubah``
    changes the sample's files before that history is made (so what it changes is ratified)."""
    import tempfile

    from sejarah import bangun

    if ubah is not None:
        sumber = Path(tempfile.mkdtemp(prefix="kinerja-contoh-ubah-"))
        shutil.copytree(CONTOH, sumber, dirs_exist_ok=True)
        ubah(sumber)
        bangun(sumber, tujuan)
    else:
        if "contoh" not in _SEJARAH:
            _SEJARAH["contoh"] = bangun(CONTOH, Path(tempfile.mkdtemp(prefix="kinerja-contoh-"))
                                        / "r")
        shutil.copytree(_SEJARAH["contoh"], tujuan, dirs_exist_ok=True, symlinks=True)
    shutil.copytree(AKAR / "content", tujuan / "content", ignore=shutil.ignore_patterns("arsip"),
                    dirs_exist_ok=True)
    if situs:
        salin_situs(tujuan)
    return tujuan


def arsip(tujuan: Path, tahun: int = 10, *, disahkan: bool = False) -> Path:
    """The sample office with its 2026 year copied back over ``tahun`` years: 4 periods each.

    Without ``disahkan``, files only (no Git): the year's quarters as the sample has them. With
    ``disahkan``, as the public archive would show it: TW IV filled from TW III's forms, and a
    Git history in which every period is approved and ratified by its office's people
    (``sejarah.arsip``)."""
    import tempfile

    from sejarah import arsip as jadwal_arsip
    from sejarah import bangun

    akhir = max(2026, 1999 + tahun)  # the PK's year must lie in 2000–2100
    rentang = range(akhir - tahun + 1, akhir + 1)
    if not disahkan:
        _berkas_arsip(tujuan, rentang, tw4_terisi=False)
    else:
        # Every decision of every period made by kinerja itself takes a while (about a second
        # a period): kept under build/bench/, by what makes it (the sample, kinerja's code).
        simpan = AKAR / "build" / "bench" / f"arsip-{tahun}-{_sidik_pembuat()}"
        if simpan.is_dir() and not _masih_sah(simpan, len(rentang) * 4):
            shutil.rmtree(simpan)  # made by a kinerja whose records this one does not prove
        if not simpan.is_dir():
            data = Path(tempfile.mkdtemp(prefix="kinerja-arsip-"))
            _berkas_arsip(data, rentang, tw4_terisi=True)
            sementara = Path(tempfile.mkdtemp(prefix="kinerja-arsip-git-")) / "r"
            bangun(data, sementara, jadwal_arsip(rentang))
            shutil.rmtree(data)
            simpan.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(sementara, simpan)
        shutil.copytree(simpan, tujuan, dirs_exist_ok=True, symlinks=True)
    shutil.copytree(AKAR / "content" / "skema", tujuan / "content" / "skema",
                    dirs_exist_ok=True)
    return tujuan


def _sidik_pembuat() -> str:
    """A digest of what a generated history is made from: the sample office and the replay."""
    import hashlib

    h = hashlib.sha256()
    for f in sorted(CONTOH.rglob("*")):
        if f.is_file():
            h.update(f.relative_to(AKAR).as_posix().encode() + b"\0" + f.read_bytes())
    for f in ("sejarah.py", "buatan.py"):
        h.update((AKAR / "bench" / f).read_bytes())
    return h.hexdigest()[:16]


def _masih_sah(akar: Path, periode: int) -> bool:
    """Whether this kinerja still proves every ratification of a kept history."""
    from kinerja.layanan import potret

    semua = potret(akar).semua_periode()
    return len(semua) == periode and all(p.disahkan for p in semua)


def _berkas_arsip(tujuan: Path, rentang: range, *, tw4_terisi: bool) -> None:
    tujuan.mkdir(parents=True, exist_ok=True)
    shutil.copy2(CONTOH / "kinerja.yml", tujuan / "kinerja.yml")
    sumber = CONTOH / "periods" / "2026"
    for t in rentang:
        folder = tujuan / "periods" / str(t)
        folder.mkdir(parents=True)
        pk = (sumber / "perjanjian-kinerja.yml").read_text(encoding="utf-8")
        (folder / "perjanjian-kinerja.yml").write_text(
            pk.replace("tahun: 2026", f"tahun: {t}").replace("tanggal: 2026-", f"tanggal: {t}-"),
            encoding="utf-8")
        for tw in ("tw1", "tw2", "tw3", "tw4"):
            (folder / tw / "formulir").mkdir(parents=True)
            asal = "tw3" if tw4_terisi and tw == "tw4" else tw
            if (sumber / asal / "bukti").is_dir():
                shutil.copytree(sumber / asal / "bukti", folder / tw / "bukti")
            periode = (sumber / tw / "periode.yml").read_text(encoding="utf-8")
            (folder / tw / "periode.yml").write_text(
                periode.replace("tahun: 2026", f"tahun: {t}"), encoding="utf-8")
            for f in (sumber / asal / "formulir").glob("*.yml"):
                teks = re.sub(r"periode: 2026-tw.", f"periode: {t}-{tw}",
                              f.read_text(encoding="utf-8"))
                (folder / tw / "formulir" / f.name).write_text(teks, encoding="utf-8")


def kantor_besar(tujuan: Path, indikator: int = 60) -> Path:
    """The sample office with a 2026 PK of ``indikator`` indicators and a filled TW I."""
    shutil.copy2(CONTOH / "kinerja.yml", tujuan / "kinerja.yml")
    seksi = ["sekretariat", "pemerintahan", "trantib", "pmd", "kesos", "pelayanan-umum"]
    baris = ["tahun: 2026", "tanggal: 2026-02-02",
             "pihak_pertama: {nama: Camat Contoh, jabatan: Camat Pejawaran}",
             "pihak_kedua: {nama: Bupati Contoh, jabatan: Bupati Banjarnegara}", "sasaran:"]
    for s in range(indikator // 10):
        baris += [f"  - kode: SS-{s + 1}",
                  f"    uraian: Sasaran strategis nomor {s + 1} yang rumusannya cukup panjang "
                  "untuk diuji pemenggalan barisnya", "    indikator:"]
        for i in range(10):
            n = s * 10 + i
            turun = n % 3 == 0
            baris += [
                f"      - kode: IK-{s + 1}.{i + 1}",
                f"        uraian: Indikator kinerja nomor {n + 1} dengan uraian panjang yang "
                "menjelaskan apa yang diukur, bagaimana, dan dari sumber data mana",
                "        satuan: persen",
                f"        polaritas: {'turun' if turun else 'naik'}",
                "        agregasi: rata-rata",
                "        target: 80",
                "        target_triwulan: [80, 80, 80, 80]",
                f"        seksi: {seksi[n % len(seksi)]}",
            ]
    (tujuan / "periods/2026/tw1/formulir").mkdir(parents=True)
    (tujuan / "periods/2026/perjanjian-kinerja.yml").write_text("\n".join(baris) + "\n")
    import subprocess
    import sys

    kinerja = str(Path(sys.executable).parent / "kinerja")
    subprocess.run([kinerja, "periode", "baru", "2026", "tw1", "--mulai", "2026-04-06"],
                   cwd=tujuan, check=True, capture_output=True)
    for f in (tujuan / "periods/2026/tw1/formulir").glob("*.yml"):
        teks = f.read_text(encoding="utf-8")
        n = 0

        def isi(m: re.Match[str]) -> str:
            nonlocal n
            n += 1
            return (f"{m[1]}realisasi: {60 + (n * 7) % 45},5\n"
                    f"{m[1]}penjelasan: Penjelasan capaian indikator ini beserta faktor "
                    f"pendukung dan penghambatnya nomor {n}.\n"
                    f"{m[1]}hambatan: Hambatan yang dihadapi.\n"
                    f"{m[1]}tindak_lanjut: Tindak lanjut yang direncanakan.\n"
                    f"{m[1]}bukti_dukung: https://contoh.go.id/bukti/{n}.pdf\n")

        teks = re.sub(r"( +)realisasi:\n +penjelasan:\n +hambatan:\n +tindak_lanjut:\n"
                      r" +bukti_dukung:\n", isi, teks)
        teks = re.sub(r"(  - program: .*\n    realisasi:)\n", r"\1 Rp 1.000.000\n", teks)
        f.write_text(teks, encoding="utf-8")
    return tujuan


if __name__ == "__main__":  # `make demo`: the sample office, ready to run, in the folder given
    import sys

    salin_contoh(Path(sys.argv[1]), situs=True)
