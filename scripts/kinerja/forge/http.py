"""Talking to a Git host's API: a small JSON client with token auth and paging, and checked reads
of its answers — each accessor says what it expected, so a malformed answer is refused plainly,
never a crash. The client is injected, so tests replay answers in each forge's documented shape
and no test touches the network."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from datetime import datetime
from typing import Any

from kinerja.inti.errors import KinerjaError

Ambil = Callable[[str], Any]  # GET a path (with query) → decoded JSON
Kirim = Callable[[str, dict[str, Any]], Any]  # POST a JSON body to a path


class JawabanRusak(KinerjaError):
    """A forge answer that is not of its documented shape: refused plainly, never a crash."""

    def __init__(self, path: str, apa: str) -> None:
        super().__init__(f"jawaban Git host untuk {path} tidak berbentuk seperti yang "
                         f"didokumentasikan ({apa}); ulangi nanti, atau periksa alamat --api")


class Jawaban:
    """Checked reads from one decoded JSON answer: each accessor says what it expected."""

    def __init__(self, path: str, data: Any) -> None:
        self.path = path
        self.data = data

    def objek(self, *kunci: str | int) -> dict[str, Any]:
        nilai = self._turun(kunci)
        if not isinstance(nilai, dict):
            raise JawabanRusak(self.path, f"{self._nama(kunci)} bukan objek")
        return nilai

    def daftar(self, *kunci: str | int) -> list[Any]:
        nilai = self._turun(kunci)
        if not isinstance(nilai, list):
            raise JawabanRusak(self.path, f"{self._nama(kunci)} bukan daftar")
        return nilai

    def teks(self, *kunci: str | int) -> str:
        nilai = self._turun(kunci)
        if not isinstance(nilai, str) or not nilai or len(nilai) > 10_000:
            raise JawabanRusak(self.path, f"{self._nama(kunci)} bukan teks")
        return nilai

    def teks_atau(self, *kunci: str | int) -> str:
        """Optional text: missing, null or not text reads as empty."""
        try:
            nilai = self._turun(kunci)
        except JawabanRusak:
            return ""
        return nilai if isinstance(nilai, str) else ""

    def waktu(self, *kunci: str | int) -> datetime:
        teks = self.teks(*kunci)
        try:
            return waktu(teks)
        except ValueError:
            raise JawabanRusak(self.path, f"{self._nama(kunci)} bukan waktu ISO 8601") from None

    def bilangan(self, *kunci: str | int) -> int:
        nilai = self._turun(kunci)
        if isinstance(nilai, bool) or not isinstance(nilai, int) or not 0 < nilai < 2**53:
            raise JawabanRusak(self.path, f"{self._nama(kunci)} bukan bilangan bulat positif")
        return nilai

    def _turun(self, kunci: tuple[str | int, ...]) -> Any:
        nilai = self.data
        for i, k in enumerate(kunci):
            if isinstance(k, int) and isinstance(nilai, list) and -len(nilai) <= k < len(nilai):
                nilai = nilai[int(k)]
            elif isinstance(k, str) and isinstance(nilai, dict) and k in nilai:
                nilai = nilai[k]
            else:
                raise JawabanRusak(self.path, f"{self._nama(kunci[: i + 1])} tidak ada")
        return nilai

    @staticmethod
    def _nama(kunci: tuple[str | int, ...]) -> str:
        return ".".join(str(k) for k in kunci) or "isinya"


def jawab(ambil: Ambil, path: str) -> Jawaban:
    return Jawaban(path, ambil(path))


def butir(induk: Jawaban, *kunci: str | int) -> list[Jawaban]:
    """The items of a list in an answer, each as its own checked answer."""
    return [Jawaban(induk.path, x) for x in induk.daftar(*kunci)]


def jalur_berubah(daftar: Jawaban, baru: str, lama: str) -> tuple[str, ...]:
    """The paths a pull request changes, under both names of a renamed file."""
    return tuple(sorted({j for f in butir(daftar) for j in (f.teks(baru), f.teks_atau(lama))
                         if j}))


def waktu(teks: str) -> datetime:
    hasil = datetime.fromisoformat(teks.replace("Z", "+00:00"))
    if hasil.tzinfo is None:
        raise ValueError("tanpa zona waktu")
    return hasil


class GagalHttp(KinerjaError):
    """An answer with an error status the caller did not expect."""

    def __init__(self, pesan: str, status: int, isi: Any) -> None:
        super().__init__(pesan)
        self.status = status
        self.isi = isi


class KlienHttp:
    """A small JSON client with token auth and ``Link: rel=next`` / ``X-Next-Page`` paging."""

    def __init__(self, dasar: str, token: str | None, skema_token: str = "Bearer") -> None:
        self.dasar = dasar.rstrip("/")
        self.token = token
        self.skema_token = skema_token

    def _host_sah(self, url: str) -> bool:
        """The token goes only to the API it was given for — and to that API's own upload host
        (GitHub: uploads.github.com beside api.github.com; on a server, /api/uploads)."""
        a, b = urllib.parse.urlsplit(self.dasar), urllib.parse.urlsplit(url)
        if (a.scheme, a.netloc) == (b.scheme, b.netloc):
            return True
        return a.netloc.startswith("api.") and b.scheme == a.scheme and \
            b.netloc == "uploads." + a.netloc.removeprefix("api.")

    def minta(self, metode: str, path: str, isi: Any = None, *, mentah: bytes | None = None,
              jenis: str = "application/json", boleh: tuple[int, ...] = ()
              ) -> tuple[int, Any, str]:
        """One request: (status, decoded JSON or None, Link header). ``path`` is under the API,
        or a full URL the API gave (an upload URL); a status in ``boleh`` is returned, any other
        error status refused with the host's own message."""
        url = path if "://" in path else self.dasar + path
        if not self._host_sah(url):
            raise JawabanRusak(path, "alamat menunjuk ke host lain")
        data = mentah if mentah is not None else (json.dumps(isi).encode() if isi is not None
                                                  else None)
        permintaan = urllib.request.Request(url, data=data, method=metode, headers={
            "Accept": "application/vnd.github+json, application/json", "User-Agent": "kinerja",
            **({"Content-Type": jenis} if data is not None else {})})
        if self.token:
            permintaan.add_header("Authorization", f"{self.skema_token} {self.token}")
        tempat = urllib.parse.urlsplit(url).path
        try:
            with urllib.request.urlopen(permintaan, timeout=60) as jawab_:
                status, isi_, link = jawab_.status, jawab_.read(50_000_000), \
                    jawab_.headers.get("Link", "")
        except urllib.error.HTTPError as e:
            status, isi_, link = e.code, e.read(1_000_000), ""
            if status not in boleh:
                raise GagalHttp(_pesan_galat(tempat, status, isi_), status, _json(isi_)) from e
        except (urllib.error.URLError, TimeoutError, OSError) as e:
            sebab = "waktu habis" if isinstance(e, TimeoutError) or "timed out" in str(e) else \
                "koneksi gagal"
            raise KinerjaError(f"Git host {urllib.parse.urlsplit(url).netloc} tidak dapat "
                               f"dihubungi ({sebab}); periksa alamat --api dan jaringan, lalu "
                               "ulangi") from e
        try:
            return status, (json.loads(isi_) if isi_.strip() else None), link
        except (ValueError, RecursionError):
            raise JawabanRusak(tempat, "bukan JSON") from None

    def __call__(self, path: str) -> Any:
        url: str | None = self.dasar + path
        hasil: list[Any] = []
        halaman = 0
        while url:
            _, data, link = self.minta("GET", url)
            if not isinstance(data, list):
                return data
            hasil += data
            halaman += 1
            url = _berikut(link) if halaman < 100 else None  # bounded: 10 000 items at most
            if url and not url.startswith(self.dasar + "/"):
                # The token goes only to the host it was given for, whatever a header says.
                raise JawabanRusak(path, "tautan halaman berikut menunjuk ke host lain")
        return hasil

    def kirim(self, path: str, isi: dict[str, Any]) -> Any:
        """POST a JSON body (a commit status)."""
        return self.minta("POST", path, isi)[1]


def _json(mentah: bytes) -> Any:
    try:
        return json.loads(mentah)
    except (ValueError, RecursionError):
        return None


def _pesan_galat(path: str, status: int, mentah: bytes) -> str:
    isi = _json(mentah)
    pesan = isi.get("message") if isinstance(isi, dict) else None
    dari_host = f" («{str(pesan)[:300]}»)" if isinstance(pesan, str) and pesan else ""
    return (f"Git host menjawab {status} untuk {path}{dari_host}; periksa token dan izinnya "
            "(baca pull request; tulis status commit)")


def _berikut(link: str) -> str | None:
    for bagian in link.split(","):
        if 'rel="next"' in bagian:
            return bagian.split(";")[0].strip().strip("<>")
    return None


def q(nilai: str) -> str:
    return urllib.parse.quote(nilai, safe="")
