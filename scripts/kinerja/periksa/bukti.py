"""Checks of each piece of evidence: a valid web link without a password, or a file that is in
the repository — bounded, and free of invisible characters that would disguise it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from kinerja.baca import bukti as bk
from kinerja.inti.angka import format_angka
from kinerja.inti.temuan import Lok, Temuan, temuan

_TAK_TERLIHAT = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def periksa_bukti(akar: Path, folder: Path, folder_rel: str, bukti: str,
                  tempat: Lok) -> Iterator[Temuan]:
    if len(bukti) > bk.BUKTI_MAKS:
        yield temuan(tempat, "bukti-tak-valid",
                     f"bukti dukung terlalu panjang ({format_angka(len(bukti))} karakter; paling "
                     f"panjang {format_angka(bk.BUKTI_MAKS)}); tulis tautan singkat ke berkasnya")
        return
    if _TAK_TERLIHAT.search(bukti):
        # A right-to-left override shows «…\u202egpj.exe» as «…exe.jpg» on the public page.
        yield temuan(tempat, "bukti-tak-valid",
                     "bukti dukung memuat karakter kendali atau pembalik arah teks yang tidak "
                     "terlihat; ketik ulang tautannya")
        return
    if bk.bertautan(bukti):
        if bk.berkredensial(bukti):
            yield temuan(tempat, "bukti-tak-valid",
                         "bukti dukung memuat nama pengguna atau kata sandi (…://nama:sandi@…); "
                         "hapus bagian itu sebelum tautannya terbit di arsip publik")
        elif not bk.tautan_valid(bukti):
            yield temuan(tempat, "bukti-tak-valid", _tautan_salah(bukti))
        return
    sebab = bk.tolak(akar, folder, bukti)
    if sebab == "tidak-ada":
        yield temuan(tempat, "bukti-tak-ada",
                     f"bukti dukung «{bukti}» bukan tautan https:// dan bukan berkas di repo; "
                     f"unggah berkasnya ke {folder_rel}/bukti/ lalu tulis bukti/namaberkas, atau "
                     "tulis tautan lengkap")
    elif sebab == "di-luar-bukti":
        yield temuan(tempat, "bukti-tak-ada",
                     f"berkas «{bukti}» ada, tetapi di luar folder {folder_rel}/bukti/: hanya "
                     "berkas di folder itu yang tersegel bersama periode dan terbit di arsip; "
                     "salin berkasnya ke sana lalu tulis bukti/namaberkas")
    elif sebab == "tautan-simbolik":
        yield temuan(tempat, "bukti-tak-ada",
                     f"«{bukti}» adalah tautan simbolik, bukan berkas; unggah berkasnya sendiri ke "
                     f"{folder_rel}/bukti/")


def _tautan_salah(bukti: str) -> str:
    """Why a link that starts like one is not one, and what to write instead."""
    awal = f"bukti dukung «{bukti}» bukan tautan http(s) yang valid; "
    kata = bukti.split()
    if len(kata) > 1 and sum(bk.bertautan(k) for k in kata) > 1:
        return awal + "tampaknya dua tautan dalam satu baris; tulis setiap tautan di barisnya sendiri"
    if len(kata) > 1:
        return awal + "tautan tidak boleh berisi spasi; salin ulang tautannya dari peramban " \
                      "(spasi di dalamnya tertulis %20)"
    return awal + "tulis tautan lengkap yang diawali https://"
