"""What a complete entry needs, and how complete each section's form is."""

from __future__ import annotations

from kinerja.inti import tata
from kinerja.inti.beku import beku
from kinerja.inti.model import Formulir, Kantor, Periode, PerjanjianKinerja
from kinerja.periksa.umum import seksi_berformulir
from kinerja.ukur import capaian as cp


@beku
class Kelengkapan:
    periode: str  # 2026-tw3
    seksi: str
    nama: str
    berkas: str
    terisi: int  # complete: every field a complete entry needs
    jumlah: int
    # Why the rest is not yet complete: per indicator code, the fields still empty (none listed:
    # nothing of it is filled yet, or the form has no entry for it).
    kurang: tuple[tuple[str, tuple[str, ...]], ...] = ()
    salah: tuple[tuple[str, tuple[str, ...]], ...] = ()  # per code, fields filled but invalid
    rusak: bool = False  # the form exists but could not be read at all (its error is reported)
    ada: bool = True  # the form file exists
    pk_galat: bool = False  # the year's PK has errors: what the section must fill is not known
    diisi: int | None = None  # begun: something of it filled (None: as many as complete)

    @property
    def berisi(self) -> int:
        return self.terisi if self.diisi is None else self.diisi

    @property
    def lengkap(self) -> bool:
        return self.terisi == self.jumlah and not self.rusak and self.ada and not self.pk_galat

    @property
    def ringkasan(self) -> str:
        """The section's line as «kinerja periksa» prints it (and the form page shows it)."""
        if self.rusak or self.pk_galat or not self.ada:
            return f"{self.nama}: {self.keterangan}"
        tanda = "lengkap" if self.lengkap else f"belum lengkap — {self.keterangan}"
        # «terisi»: begun (a realisation filled, say); complete only when nothing is missing
        return f"{self.nama}: {self.berisi} dari {self.jumlah} indikator terisi ({tanda})"

    @property
    def keterangan(self) -> str:
        """Why it is not complete, in one sentence (empty when it is)."""
        if self.pk_galat:
            return ("belum dapat dihitung: Perjanjian Kinerja masih bergalat, sehingga indikator "
                    "yang harus diisi belum pasti; perbaiki PK lebih dulu")
        if self.rusak:
            return "formulir tidak dapat dibaca; perbaiki galatnya lebih dulu"
        if not self.ada:
            return f"formulir belum ada ({self.berkas})"
        salah = dict(self.salah)
        kosong = [kode for kode, k in self.kurang if not k and not salah.get(kode)]
        bagian = [f"{', '.join(kosong)} belum diisi"] if kosong else []
        for kode, k in self.kurang:
            sebab = ([f"{', '.join(salah[kode])} tidak valid"] if salah.get(kode) else []) + \
                ([f"{', '.join(k)} kosong"] if k else [])
            if sebab:
                bagian.append(f"{kode}: {' dan '.join(sebab)}")
        return "; ".join(bagian)


def perlu_isi(kantor: Kantor, pk: PerjanjianKinerja, p: Periode, f: Formulir,
              isian_kode: str) -> list[str]:
    """Fields a complete entry needs: always realisasi (quarters), penjelasan and evidence;
    obstacles and follow-up only where the target was missed."""
    perlu = ["penjelasan", "bukti_dukung"]
    if p.kode != "tahunan":
        perlu.insert(0, "realisasi")
    isian = f.isian_kode(isian_kode)
    ind = pk.indikator_kode(isian_kode)
    if isian is not None and ind is not None:
        hasil = cp.hitung(ind.target_periode(p.kode), isian.realisasi, polaritas=ind.polaritas,
                          rumus_turun=ind.rumus_turun or kantor.capaian.rumus_turun,
                          skala=ind.skala, batas_atas=kantor.capaian.batas_atas)
        if hasil.nilai is not None and hasil.nilai < 100:
            perlu += ["hambatan", "tindak_lanjut"]
    return perlu


def kosong(isian: object, kunci: str) -> bool:
    nilai = getattr(isian, kunci)
    return nilai is None or nilai == ()


def hitung_kelengkapan(kantor: Kantor, pk: PerjanjianKinerja, p: Periode, *,
                       pk_galat: bool) -> list[Kelengkapan]:
    hasil = []
    for sid in seksi_berformulir(kantor, pk):
        seksi = kantor.seksi_id(sid)
        milik = [i.kode for i in pk.indikator if i.seksi == sid]
        f = p.formulir.get(sid)
        terisi = diisi = 0
        kurang: list[tuple[str, tuple[str, ...]]] = []
        salah: list[tuple[str, tuple[str, ...]]] = []
        if f is not None:
            for kode in milik:
                isian = f.isian_kode(kode)
                perlu = perlu_isi(kantor, pk, p, f, kode)
                if isian is None:
                    kurang.append((kode, ()))
                    continue
                keliru = tuple(x for x in perlu if x in isian.tidak_valid)
                belum = tuple(x for x in perlu if kosong(isian, x) and x not in keliru)
                if len(belum) < len(perlu):
                    diisi += 1
                if not belum and not keliru:
                    terisi += 1
                    continue
                # Nothing of it filled yet: said as «belum diisi», not as a list of every field.
                kurang.append((kode, () if len(belum) == len(perlu) else belum))
                if keliru:
                    salah.append((kode, keliru))
        berkas = f.berkas if f else tata.berkas_formulir(p.tahun, p.kode, sid)
        hasil.append(Kelengkapan(p.id, sid, seksi.nama if seksi else sid, berkas, terisi,
                                 len(milik), tuple(kurang), tuple(salah),
                                 sid in p.formulir_rusak,
                                 f is not None or sid in p.formulir_rusak, pk_galat, diisi))
    return hasil
