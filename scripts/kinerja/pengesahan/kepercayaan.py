"""Whose word counts in plain Git: the office's roles and keys, followed through history.

In signed mode (``persetujuan: {tanda_tangan: wajib}``) a decision counts only when it is signed
with the key ``kinerja.yml`` lists for its author. That list is itself a file anyone with push
access can edit, so a change to who holds which role, or to whose key is whose, counts only when
it is signed by the Camat's key as trusted *before* it. Whoever creates a period therefore cannot
list their own keys for all three roles: their unsigned (or self-signed) change is not trusted,
and the roles and keys are read from the last trusted version instead.
"""

from __future__ import annotations

from pathlib import Path

from kinerja.baca.muat import muat_kantor
from kinerja.inti.model import Kantor, Pegawai
from kinerja.inti.temuan import Pengumpul
from kinerja.pengesahan import git


def cocok(orang: Pegawai, tt: git.TandaTangan, email: str) -> bool:
    """A signature is this person's: their listed SSH key (for their e-mail) or GPG key."""
    ssh = bool(orang.kunci_ssh) and tt.status == "G" and tt.penanda == email.lower()
    gpg = bool(orang.kunci_gpg) and tt.status in ("G", "U") and \
        orang.kunci_gpg in (tt.penanda, tt.utama)
    return ssh or gpg


def kunci_ssh(kantor: Kantor) -> dict[str, str]:
    return {p.email.lower(): p.kunci_ssh for p in kantor.pegawai if p.email and p.kunci_ssh}


def _wewenang(k: Kantor) -> object:
    """What decides trust: signed mode, and each person's identity, roles and keys."""
    return (k.tanda_tangan_wajib, tuple(sorted(
        (p.id, (p.email or "").lower(), tuple(sorted(p.peran)), tuple(sorted(p.akun.items())),
         p.kunci_ssh or "", p.kunci_gpg or "") for p in k.pegawai)))


def _penanda(kantor: Kantor, tt: git.TandaTangan | None) -> Pegawai | None:
    """Who signed a change of roles or keys, if it is the Camat of the trusted version: any other
    key holder could otherwise list made-up approvers whose keys they hold themselves."""
    if tt is None:
        return None
    return next((p for p in kantor.pegawai
                 if "camat" in p.peran and p.email and cocok(p, tt, p.email)), None)


def kantor_tepercaya(akar: Path, sampai: str, kantor: Kantor) -> tuple[Kantor, tuple[str, ...]]:
    """The office as trusted at commit ``sampai`` (where it reads as ``kantor``), and a note for
    each change of roles or keys that was not trusted."""
    # --full-history: without it Git simplifies a merge that took kinerja.yml from one side and
    # hides the other side's signed change, so an unsigned merge could quietly undo it.
    riwayat = git.log(akar, "--topo-order", "--reverse", "--full-history", sampai, "--",
                      "kinerja.yml")
    versi: list[tuple[git.Commit, Kantor]] = []
    for c in riwayat:
        teks = git.tampilkan(akar, c.sha, "kinerja.yml")
        k = muat_kantor(akar, Pengumpul(), teks) if teks is not None else None
        if k is not None:
            versi.append((c, k))
    if not any(k.tanda_tangan_wajib for _, k in versi):
        return kantor, ()
    percaya: Kantor | None = None
    asal = ""
    catatan: list[str] = []
    for c, k in versi:
        if percaya is None or not percaya.tanda_tangan_wajib or \
                _wewenang(k) == _wewenang(percaya):
            percaya, asal = k, c.sha
            continue
        tt = git.tanda_tangan(akar, [c.sha], kunci_ssh(percaya)).get(c.sha)
        oleh = _penanda(percaya, tt)
        if oleh is not None:
            percaya, asal = k, c.sha
            continue
        catatan.append(
            f"perubahan peran atau kunci di kinerja.yml pada commit {c.sha[:8]} ({c.nama}) tidak "
            "ditandatangani kunci yang tercantum sebelumnya, jadi tidak dipercaya; peran dan "
            f"kunci dibaca dari kinerja.yml pada commit {asal[:8]}. Minta Camat yang tercantum "
            "meng-commit ulang perubahan itu dengan tanda tangannya")
    if percaya is None:
        return kantor, ()
    return percaya, tuple(catatan)
