"""Whose word counts in plain Git: the office's roles and keys, followed along ancestry.

In signed mode (``persetujuan: {tanda_tangan: wajib}``) a decision counts only when it is signed
with the key ``kinerja.yml`` lists for its author. That list is itself a file anyone with push
access can edit, so a change to who holds which role, or to whose key is whose, counts only when
it is signed by the Camat's key as trusted in the commit it changes — its parent, in ancestry,
never in the order a log happens to print.

Where a merge joins two lines that changed roles or keys differently, neither change is trusted
after it, whichever parent comes first: the roles and keys stay refused until a commit signed by
a Camat trusted on every line sets them again. An old Camat who, on a side branch, hands every
role's key to himself therefore gains nothing by merging that branch over a signed handover.
"""

from __future__ import annotations

from kinerja.baca.kantor import muat_kantor
from kinerja.inti.beku import beku
from kinerja.inti.model import Kantor, Pegawai
from kinerja.inti.tata import BERKAS_KANTOR
from kinerja.pengesahan import git
from kinerja.pengesahan.gudang import Gudang


def cocok(orang: Pegawai, tt: git.TandaTangan, email: str) -> bool:
    """A signature is this person's: their listed SSH key (for their e-mail) or GPG key."""
    ssh = bool(orang.kunci_ssh) and tt.status == "G" and tt.penanda == email.lower()
    gpg = bool(orang.kunci_gpg) and tt.status in ("G", "U") and \
        orang.kunci_gpg in (tt.penanda, tt.utama)
    return ssh or gpg


def kunci_ssh(kantor: Kantor) -> dict[str, str]:
    return {p.email.lower(): p.kunci_ssh for p in kantor.pegawai if p.email and p.kunci_ssh}


def wewenang(k: Kantor) -> object:
    """What decides trust: signed mode, and each person's identity, roles and keys."""
    return (k.tanda_tangan_wajib, tuple(sorted(
        (p.id, (p.email or "").lower(), tuple(sorted(p.peran)), tuple(sorted(p.akun.items())),
         p.kunci_ssh or "", p.kunci_gpg or "") for p in k.pegawai)))


def camat(kantor: Kantor) -> tuple[Pegawai, ...]:
    return tuple(p for p in kantor.pegawai if "camat" in p.peran and p.email)


@beku
class Percaya:
    """The roles and keys trusted at one commit."""

    kantor: Kantor | None  # None: refused (a merge of competing changes, not yet settled)
    asal: str  # the commit they were last set by
    bersaing: tuple[Kantor, ...] = ()  # refused: the competing versions a merge brought together
    catatan: tuple[str, ...] = ()  # changes that were not trusted, in words
    # Refused, and being settled: the kinerja.yml some of those lines' Camats have signed (its
    # roles and keys), and the lines whose Camat has not signed it yet.
    usul: object = None
    kurang: tuple[Kantor, ...] = ()


class Kepercayaan:
    """Trust at any commit of one repository, computed once per commit along ancestry."""

    def __init__(self, g: Gudang) -> None:
        self.g = g
        self._di: dict[str, Percaya] = {}
        self._kantor: dict[str, Kantor | None] = {}

    def _baca(self, sha: str) -> Kantor | None:
        data = self.g.objek(f"{sha}:{BERKAS_KANTOR}")
        return muat_kantor(self.g.akar, data.decode("utf-8", "replace"))[0] if data else None

    def pada(self, sha: str) -> Percaya:
        """The roles and keys trusted at commit ``sha``."""
        if sha not in self._di:
            for c in self.g.sejak(sha):
                if c.sha not in self._di:
                    self._di[c.sha] = self._langkah(c)
        return self._di.get(sha) or Percaya(self._baca(sha), sha)

    def _langkah(self, c: git.Commit) -> Percaya:
        induk = [self._di[p] for p in c.induk if p in self._di]
        if len(c.induk) == 1 and len(induk) == 1 and induk[0].kantor is not None and \
                not induk[0].kantor.tanda_tangan_wajib and all(
                path != BERKAS_KANTOR for _, path in self.g.berubah.get(c.sha, ())):
            # kinerja.yml as its parent had it, trusted as it stands (no signature is asked
            # for, so no change is pending a Camat's): nothing to decide again
            return induk[0]
        k = self._baca(c.sha)
        if not induk:
            return Percaya(k, c.sha)  # the first version (or the edge of a shallow clone)
        dasar = induk[0] if len(induk) == 1 else _gabung(induk, c.sha)  # lines meet
        if k is None:
            return dasar  # an unreadable file changes nobody's role
        if dasar.kantor is not None:
            if wewenang(k) == wewenang(dasar.kantor):
                return dasar
            if not dasar.kantor.tanda_tangan_wajib:
                return Percaya(k, c.sha, catatan=dasar.catatan)
            if self._ditandatangani(c, camat(dasar.kantor)):
                return Percaya(k, c.sha)  # set again by the Camat: earlier refusals are past
            return Percaya(dasar.kantor, dasar.asal, catatan=(*dasar.catatan, _tak_dipercaya(
                c, dasar.asal)))
        # Refused after a merge of competing changes: the roles and keys are set again only
        # when the Camat of every line that met there has signed the same kinerja.yml — one
        # commit each, in any order. No single line can settle it alone, whichever parent the
        # merge put first.
        penanda = [x for x in dasar.bersaing if self._ditandatangani(c, camat(x))]
        if not penanda:
            return dasar
        usul = wewenang(k)
        kurang = dasar.kurang if dasar.usul == usul else dasar.bersaing
        kurang = tuple(x for x in kurang if x not in penanda)
        if not kurang:
            return Percaya(k, c.sha)  # settled: the refusal is past
        return Percaya(None, dasar.asal, dasar.bersaing, dasar.catatan, usul, kurang)

    def pernah_wajib(self, ref: str) -> bool:
        """Whether any version of kinerja.yml up to ``ref`` asked for signatures: once it has,
        trust is decided along history even where a later version stops asking."""
        for c in self.g.sejak(ref):
            if len(c.induk) <= 1 and all(path != BERKAS_KANTOR
                                         for _, path in self.g.berubah.get(c.sha, ())):
                continue  # kinerja.yml as its parent had it (a merge may make a new one)
            data = self.g.objek(f"{c.sha}:{BERKAS_KANTOR}")
            if data is not None and b"tanda_tangan" in data and b"wajib" in data:
                return True
        return False

    def _ditandatangani(self, c: git.Commit, oleh: tuple[Pegawai, ...]) -> bool:
        if not oleh:
            return False
        kunci = {p.email.lower(): p.kunci_ssh for p in oleh if p.email and p.kunci_ssh}
        tt = git.tanda_tangan(self.g.akar, [c.sha], kunci).get(c.sha)
        return tt is not None and any(p.email and cocok(p, tt, p.email) for p in oleh)


def _gabung(induk: list[Percaya], sha: str) -> Percaya:
    """Where lines meet: their trust if they agree, refused if they changed it differently."""
    catatan = tuple(dict.fromkeys(x for p in induk for x in p.catatan))
    versi: dict[object, Kantor] = {}
    bersaing: list[Kantor] = []
    for p in induk:
        if p.kantor is None:
            bersaing += p.bersaing
        else:
            versi.setdefault(wewenang(p.kantor), p.kantor)
    for k in bersaing:
        versi.setdefault(wewenang(k), k)
    if len(versi) == 1 and not any(p.kantor is None for p in induk):
        pertama = induk[0]
        return Percaya(pertama.kantor, pertama.asal, catatan=catatan)
    if not any(k.tanda_tangan_wajib for k in versi.values()):
        pertama = induk[0]  # signed mode is off on every line: nothing to refuse
        return Percaya(pertama.kantor, pertama.asal, catatan=catatan)
    catatan += (f"penggabungan pada commit {sha[:8]} mempertemukan perubahan peran atau kunci "
                "yang berbeda dari cabang-cabangnya, jadi tidak ada yang dipercaya sesudahnya; "
                "Camat yang tercantum di setiap cabang itu masing-masing meng-commit kinerja.yml "
                "yang sama dengan tanda tangannya (git commit -S), lalu periode dibuat sesudahnya",)
    return Percaya(None, sha, tuple(versi.values()), tuple(dict.fromkeys(catatan)))


def _tak_dipercaya(c: git.Commit, asal: str) -> str:
    return (f"perubahan peran atau kunci di kinerja.yml pada commit {c.sha[:8]} ({c.nama}) tidak "
            "ditandatangani Camat yang tercantum sebelumnya, jadi tidak dipercaya; peran dan "
            f"kunci dibaca dari kinerja.yml pada commit {asal[:8]}. Minta Camat yang tercantum "
            "meng-commit ulang perubahan itu dengan tanda tangannya")
