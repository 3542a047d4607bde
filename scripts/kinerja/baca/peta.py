"""The schema engine's structures — lists, mappings, free-keyed mappings — and the walk of one
document. Every problem is a finding on its line; the rest of the document is still read."""

from __future__ import annotations

from functools import cached_property
from typing import Any

import yaml

from kinerja.baca import sintaks
from kinerja.baca.jenis import (
    _TAG_BOLEH,
    Jenis,
    Konteks,
    Lst,
    Obj,
    _komentar_terpotong,
    _mentah,
    _Salah,
    _teks_skalar,
)
from kinerja.baca.teks import TAG_DASAR as _TAG_DASAR
from kinerja.baca.teks import lok
from kinerja.inti.beku import beku
from kinerja.inti.saran import saran
from kinerja.inti.temuan import Lok, Pengumpul, Temuan


@beku
class Daftar(Jenis):
    isi: Jenis
    tunggal_boleh: bool = False  # a lone value where a list is expected is read as a list of one
    min_isi: int = 0
    maks_isi: int | None = None
    nama_jenis = "daftar"

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        hasil = Lst(lok(node, k.berkas))
        if isinstance(node, yaml.ScalarNode):
            if _teks_skalar(node, "teks") is None:
                return hasil if self.tunggal_boleh else None
            if self.tunggal_boleh:
                hasil.append(self.isi.periksa(node, k))
                hasil.lok_isi.append(hasil.lok)
                return hasil
        if not isinstance(node, yaml.SequenceNode):
            raise _Salah("harus berupa daftar (setiap butir diawali «- »)")
        for anak in node.value:
            # An alias item carries its anchor's position; the list's own is the honest place.
            if not _node_aman(anak, k, hasil.lok):
                continue
            try:
                nilai = self.isi.periksa(anak, k)
            except _Salah as e:
                k.temuan.tambah(lok(anak, k.berkas), "tipe-salah", f"butir daftar {e}")
                continue
            if nilai is None:
                # A lone «-» line: reported on its line and left out, so nothing downstream
                # meets an item that is not there.
                k.temuan.tambah(lok(anak, k.berkas), "butir-kosong",
                                "butir daftar kosong (baris «-» tanpa isi); hapus baris ini atau "
                                "isi butirnya")
                continue
            hasil.append(nilai)
            hasil.lok_isi.append(lok(anak, k.berkas))
        n = len(node.value)
        if self.maks_isi is not None and self.maks_isi == self.min_isi and n != self.min_isi:
            tulis = sintaks.koma_desimal(_mentah(node, k))
            if tulis is not None:
                raise _Salah(f"harus berisi tepat {self.min_isi} butir, bukan {n}: di dalam "
                             "[ ] koma memisahkan butir, jadi koma desimal membelah angka; apit "
                             f"angka desimal dengan tanda kutip — tulis {tulis}")
            raise _Salah(f"harus berisi tepat {self.min_isi} butir, bukan {n}")
        if n < self.min_isi:
            raise _Salah(f"harus berisi sedikitnya {self.min_isi} butir")
        if self.maks_isi is not None and n > self.maks_isi:
            raise _Salah(f"paling banyak {self.maks_isi} butir")
        return hasil

    def json(self) -> dict[str, Any]:
        j: dict[str, Any] = {"type": "array", "items": self.isi.json()}
        if self.min_isi:
            j["minItems"] = self.min_isi
        if self.maks_isi is not None:
            j["maxItems"] = self.maks_isi
        if self.tunggal_boleh:
            return {"anyOf": [j, self.isi.json(), {"type": "null"}]}
        return j


@beku
class Bidang:
    nama: str
    jenis: Jenis
    ket: str
    wajib: bool = False  # the key must be there with a value
    isian: bool = False  # filled by people; may stay empty until the review stage (--lengkap)


@beku
class Peta(Jenis):
    bidang: tuple[Bidang, ...]
    # Keys people plausibly add by mistake, with a specific message instead of "unknown key".
    terlarang: tuple[tuple[str, str], ...] = ()
    # The list a bare text in this mapping's place most likely belongs to (a link typed at the
    # entries' depth instead of under «bukti_dukung:»).
    lepas: str | None = None
    nama_jenis = "pasangan kunci: nilai"

    # Looked up for every key of every mapping the walk meets: made once per schema.
    @cached_property
    def _menurut_nama(self) -> dict[str, Bidang]:
        return {b.nama: b for b in self.bidang}

    @cached_property
    def _terlarang(self) -> dict[str, str]:
        return dict(self.terlarang)

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        if not isinstance(node, yaml.MappingNode):
            if isinstance(node, yaml.ScalarNode) and _teks_skalar(node, "teks") is None:
                return None
            if self.lepas and isinstance(node, yaml.ScalarNode):
                raise _Salah(f"berisi teks saja, padahal butir di sini harus berupa kumpulan "
                             f"«kunci: nilai»; bila ini isi «{self.lepas}:» butir di atasnya, "
                             f"ketik {node.start_mark.column + 2} spasi sebelum «-» agar masuk "
                             f"ke daftar {self.lepas}")
            raise _Salah("harus berupa kumpulan «kunci: nilai» (berindentasi di bawahnya)")
        hasil = Obj(lok(node, k.berkas))
        menurut_nama = self._menurut_nama
        terlarang = self._terlarang
        for kunci_node, nilai_node in node.value:
            lok_k = lok(kunci_node, k.berkas)
            if not isinstance(kunci_node, yaml.ScalarNode) or kunci_node.tag == _TAG_DASAR + "null":
                k.temuan.tambah(lok_k, "kunci-tak-valid", "kunci harus berupa teks sederhana")
                continue
            kunci = str(kunci_node.value)
            if kunci in hasil.lok_kunci:
                awal = hasil.lok_kunci[kunci]
                k.temuan.tambah(lok_k, "kunci-ganda",
                                f"kunci «{kunci}» sudah ada di baris {awal.baris}; hapus salah satu")
                continue
            hasil.lok_kunci[kunci] = lok_k
            if kunci in terlarang:
                k.temuan.tambah(lok_k, "kunci-terlarang", terlarang[kunci])
                continue
            bidang = menurut_nama.get(kunci)
            if bidang is None and node.flow_style and isinstance(nilai_node, yaml.ScalarNode) \
                    and nilai_node.tag == _TAG_DASAR + "null":
                # «{nama: Drs. A, M.Si., jabatan: Camat}»: the comma in the name split it.
                k.temuan.tambah(
                    lok_k, "kunci-tak-dikenal",
                    f"«{kunci}» terbaca sebagai kunci: di dalam {{ }} koma memisahkan pasangan "
                    "«kunci: nilai», jadi koma di dalam sebuah nilai (misalnya gelar «, M.Si.») "
                    "membelahnya; apit nilai yang memuat koma dengan tanda kutip, misalnya "
                    '{nama: "Drs. A, M.Si.", jabatan: Camat}')
                continue
            if bidang is None:
                k.temuan.tambah(
                    lok_k, "kunci-tak-dikenal",
                    f"kunci «{kunci}» tidak dikenal{saran(kunci, list(menurut_nama))}; "
                    f"kunci yang boleh: {', '.join(menurut_nama)}",
                )
                continue
            lok_v = lok(nilai_node, k.berkas)
            if not _node_aman(nilai_node, k, lok_k):
                hasil.salah.add(kunci)
                continue
            hasil.lok_nilai[kunci] = lok_v
            try:
                nilai = bidang.jenis.periksa(nilai_node, k)
            except _Salah as e:
                k.temuan.tambah(lok_v, "tipe-salah", f"«{kunci}» {e}")
                hasil.salah.add(kunci)
                continue
            _komentar_terpotong(kunci, nilai_node, k)
            if nilai is None and bidang.wajib:
                k.temuan.tambah(lok_v, "wajib-diisi", f"«{kunci}» tidak boleh kosong: {bidang.ket}")
                hasil.salah.add(kunci)
                continue
            hasil[kunci] = nilai
        for bidang in self.bidang:
            if bidang.wajib and bidang.nama not in hasil.lok_kunci:
                k.temuan.tambah(hasil.lok, "kunci-wajib",
                                f"kunci «{bidang.nama}» wajib ada: {bidang.ket}")
        return hasil

    def json(self) -> dict[str, Any]:
        sifat: dict[str, Any] = {}
        for b in self.bidang:
            j = dict(b.jenis.json())
            if not b.wajib:
                j = _boleh_kosong(j)
            j["description"] = b.ket
            sifat[b.nama] = j
        return {
            "type": "object",
            "properties": sifat,
            "required": [b.nama for b in self.bidang if b.wajib],
            "additionalProperties": False,
        }


def _boleh_kosong(j: dict[str, Any]) -> dict[str, Any]:
    if "anyOf" in j:
        return j if {"type": "null"} in j["anyOf"] else {**j, "anyOf": [*j["anyOf"], {"type": "null"}]}
    jenis = j.get("type")
    if isinstance(jenis, list):
        return {**j, "type": [*jenis, "null"]} if "null" not in jenis else j
    if isinstance(jenis, str):
        if "enum" in j:
            return {"anyOf": [j, {"type": "null"}]}
        return {**j, "type": [jenis, "null"]}
    return j


@beku
class PetaBebas(Jenis):
    """A mapping whose keys are the person's own (a grade scale, account names)."""

    nilai: Jenis
    kunci: tuple[str, ...] | None = None
    nama_jenis = "pasangan kunci: nilai"

    def periksa(self, node: yaml.Node, k: Konteks) -> Any:
        if not isinstance(node, yaml.MappingNode):
            if isinstance(node, yaml.ScalarNode) and _teks_skalar(node, "teks") is None:
                return None
            raise _Salah("harus berupa kumpulan «kunci: nilai»")
        hasil = Obj(lok(node, k.berkas))
        for kunci_node, nilai_node in node.value:
            lok_k = lok(kunci_node, k.berkas)
            kunci = str(kunci_node.value) if isinstance(kunci_node, yaml.ScalarNode) else ""
            if not kunci:
                k.temuan.tambah(lok_k, "kunci-tak-valid", "kunci harus berupa teks sederhana")
                continue
            if kunci in hasil.lok_kunci:
                k.temuan.tambah(lok_k, "kunci-ganda", f"kunci «{kunci}» sudah ada di baris "
                                f"{hasil.lok_kunci[kunci].baris}; hapus salah satu")
                continue
            hasil.lok_kunci[kunci] = lok_k
            if self.kunci is not None and kunci not in self.kunci:
                k.temuan.tambah(lok_k, "kunci-tak-dikenal",
                                f"kunci «{kunci}» tidak dikenal{saran(kunci, self.kunci)}; "
                                f"kunci yang boleh: {', '.join(self.kunci)}")
                continue
            if not _node_aman(nilai_node, k, lok_k):
                continue
            try:
                hasil[kunci] = self.nilai.periksa(nilai_node, k)
                hasil.lok_nilai[kunci] = lok(nilai_node, k.berkas)
            except _Salah as e:
                k.temuan.tambah(lok(nilai_node, k.berkas), "tipe-salah", f"«{kunci}» {e}")
        return hasil

    def json(self) -> dict[str, Any]:
        j: dict[str, Any] = {"type": "object", "additionalProperties": _boleh_kosong(self.nilai.json())}
        if self.kunci is not None:
            j["propertyNames"] = {"enum": list(self.kunci)}
        return j


def _node_aman(node: yaml.Node, k: Konteks, tempat: Lok) -> bool:
    """Refuse aliases (a node met twice) and custom tags before looking inside a value."""
    if id(node) in k.terlihat:
        k.temuan.tambah(tempat, "yaml-alias",
                        "alias YAML (*nama) tidak didukung; tulis nilainya langsung")
        return False
    k.terlihat.add(id(node))
    if node.tag not in _TAG_BOLEH:
        tag = str(node.tag).replace(_TAG_DASAR, "!!")
        k.temuan.tambah(lok(node, k.berkas), "yaml-tag",
                        f"tag YAML «{tag}» tidak didukung; hapus tag tersebut")
        return False
    return True


def periksa_dokumen(node: yaml.Node, jenis: Peta, berkas: str,
                    teks: str = "") -> tuple[Obj | None, tuple[Temuan, ...]]:
    """Walk one document against its schema: what is usable of it, and every problem."""
    temuan = Pengumpul()
    k = Konteks(berkas, temuan, baris=tuple(teks.split("\n")))
    tempat = lok(node, berkas)
    if not _node_aman(node, k, tempat):
        return None, temuan.hasil
    try:
        hasil = jenis.periksa(node, k)
    except _Salah as e:
        temuan.tambah(tempat, "tipe-salah", f"isi berkas {e}")
        return None, temuan.hasil
    return (hasil if isinstance(hasil, Obj) else None), temuan.hasil
