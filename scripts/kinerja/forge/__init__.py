"""Git hosts, behind one protocol (``dasar.Forge``) and one registry: a new host is a module that
implements the protocol and one line here."""

from __future__ import annotations

from kinerja.forge.dasar import DataPR, Forge
from kinerja.forge.gitea import GITEA
from kinerja.forge.github import GITHUB
from kinerja.forge.gitlab import GITLAB
from kinerja.inti.errors import KinerjaError
from kinerja.inti.jenis import FORGE

DAFTAR: dict[str, Forge] = {f.nama: f for f in (GITHUB, GITEA, GITLAB)}
assert set(DAFTAR) == set(FORGE), "every forge named in inti.jenis has a module"

__all__ = ["DAFTAR", "DataPR", "Forge", "forge"]


def forge(nama: str) -> Forge:
    try:
        return DAFTAR[nama]
    except KeyError:
        raise KinerjaError(f"Git host «{nama}» tidak dikenal; pilih: {', '.join(DAFTAR)}") from None
