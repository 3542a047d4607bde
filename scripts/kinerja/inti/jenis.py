"""Words with a fixed set of values, each defined once and read from here by the schema, the
checks, the CLI's choices and the reporters."""

from __future__ import annotations

from typing import Literal, get_args

Forge = Literal["github", "gitea", "gitlab"]
FORGE: tuple[Forge, ...] = get_args(Forge)

# Where a ratification's approvals come from: plain Git (decision commits) or a forge's reviews.
Sumber = Literal["git", "github", "gitea", "gitlab"]
SUMBER: tuple[Sumber, ...] = get_args(Sumber)

Polaritas = Literal["naik", "turun"]
Agregasi = Literal["jumlah", "terakhir", "rata-rata"]
