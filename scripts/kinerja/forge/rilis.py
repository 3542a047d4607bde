"""Publishing a ratified version on GitHub: its tag pushed to the office's repository, and a
release of that tag carrying the final PDFs — through the REST API, where a tag holding «/» is
one URL-encoded path segment (what `gh release` does with it is not documented).

Safe to re-run: the tag already there on the same commit is left; the release is found by its
tag; a PDF already there with the same digest is kept, another is replaced by uploading the new
one beside it first, then removing the old and renaming the new — a run stopped between those
leaves the new file under a temporary name, which the re-run finishes.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path

from kinerja.forge.http import Jawaban, KlienHttp, butir, q
from kinerja.inti.beku import beku
from kinerja.inti.errors import KinerjaError
from kinerja.pengesahan import git

_SEMENTARA = ".baru"  # an upload's name until it replaces the file of the same name


@beku
class HasilRilis:
    tag: str
    dibuat: bool  # the release was made now (not found from an earlier run)
    diunggah: tuple[str, ...]  # files uploaded now
    tetap: tuple[str, ...]  # files already there with the same content


def dorong_tag(akar: Path, tag: str, env: Mapping[str, str]) -> None:
    """Push ``refs/tags/<tag>`` to the office's repository on GitHub, with the workflow's token
    for this one command (a clone checked out with ``persist-credentials: false`` has none)."""
    server, proyek = env.get("GITHUB_SERVER_URL"), env.get("GITHUB_REPOSITORY")
    token = env.get("GITHUB_TOKEN") or ""
    if not server or not proyek:
        raise KinerjaError("alamat repositori GitHub tidak diketahui (GITHUB_SERVER_URL, "
                           "GITHUB_REPOSITORY); jalankan di alur kerja terbit.yml")
    basic = base64.b64encode(f"x-access-token:{token}".encode()).decode()
    try:
        git.git(akar, "-c", f"http.extraheader=AUTHORIZATION: basic {basic}", "push",
                f"{server}/{proyek}.git", f"refs/tags/{tag}")
    except git.GitError as e:
        pesan = str(e)
        if "GH013" in e.keluaran:
            raise KinerjaError(
                f"GitHub menolak tag {tag} karena aturan tag (ruleset, GH013): GITHUB_TOKEN alur "
                "kerja tidak dapat dikecualikan dari ruleset. Hapus ruleset yang mencakup "
                "pengesahan/* (kinerja tidak pernah menerima tag yang dipindah atau dibuat "
                "tangan: lihat README «Tag pengesahan»), lalu jalankan ulang run ini") from e
        raise KinerjaError(f"tag {tag} tidak dapat didorong ke GitHub: {pesan}") from e


def rilis(k: KlienHttp, proyek: str, tag: str, judul: str, catatan: str,
          berkas: Sequence[Path]) -> HasilRilis:
    """The release of ``tag`` with ``berkas`` as its files, made or brought up to date."""
    path = f"/repos/{proyek}/releases/tags/{q(tag)}"
    status, data, _ = k.minta("GET", path, boleh=(404,))
    dibuat = status == 404
    if dibuat:
        path = f"/repos/{proyek}/releases"
        _, data, _ = k.minta("POST", path, {"tag_name": tag, "name": judul, "body": catatan})
    r = Jawaban(path, data)
    unggah = r.teks("upload_url").split("{", 1)[0]  # RFC 6570: «…/assets{?name,label}»
    aset = {a.teks("name"): a for a in butir(r, "assets")}
    diunggah, tetap = [], []
    for f in berkas:
        isi = f.read_bytes()
        lama = aset.get(f.name)
        if lama is not None and lama.teks_atau("digest") == "sha256:" + \
                hashlib.sha256(isi).hexdigest():
            tetap.append(f.name)
            continue
        sisa = aset.get(f.name + _SEMENTARA)
        if sisa is not None:  # left by a run stopped halfway
            _hapus(k, proyek, sisa)
        _, baru, _ = k.minta("POST", f"{unggah}?name={q(f.name + _SEMENTARA)}", mentah=isi,
                             jenis="application/pdf")
        if lama is not None:
            _hapus(k, proyek, lama)
        nomor = Jawaban(unggah, baru).bilangan("id")
        k.minta("PATCH", f"/repos/{proyek}/releases/assets/{nomor}", {"name": f.name})
        diunggah.append(f.name)
    return HasilRilis(tag, dibuat, tuple(diunggah), tuple(tetap))


def _hapus(k: KlienHttp, proyek: str, aset: Jawaban) -> None:
    k.minta("DELETE", f"/repos/{proyek}/releases/assets/{aset.bilangan('id')}", boleh=(404,))
