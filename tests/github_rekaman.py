"""Recorded GitHub answers for the verdict's tests, completed into the shape GitHub documents:
a recording keeps only the fields a scenario decides; the rest comes from the example of that
operation in GitHub's OpenAPI description (``@octokit/openapi``), and the whole answer is then
validated against the description. A recording that does not fit fails where it is loaded."""

from __future__ import annotations

import copy
from typing import Any

import github_openapi as oa


def _timpa(contoh: Any, isi: Any) -> Any:
    """``isi`` over ``contoh``: objects key by key, each list item over the example's first."""
    if isinstance(isi, dict) and isinstance(contoh, dict):
        hasil = copy.deepcopy(contoh)
        for k, v in isi.items():
            hasil[k] = _timpa(contoh.get(k), v)
        return hasil
    if isinstance(isi, list):
        dasar = contoh[0] if isinstance(contoh, list) and contoh else None
        return [_timpa(dasar, x) for x in isi]
    return copy.deepcopy(isi)


def _segarkan(x: Any) -> Any:
    """The description's own examples predate fields it now requires: a team's ``type``."""
    if isinstance(x, dict):
        if "requested_teams" in x:
            x["requested_teams"] = [{**t, "type": t.get("type", "organization")}
                                    for t in x["requested_teams"] or []]
        for v in x.values():
            _segarkan(v)
    elif isinstance(x, list):
        for v in x:
            _segarkan(v)
    return x


def lengkap(path: str, isi: Any, metode: str = "GET", status: int = 200) -> Any:
    contoh = oa.contoh_jawaban(metode, path, status)
    hasil = _segarkan(_timpa(next(iter(contoh.values()), None), isi))
    oa.periksa_jawaban(metode, path, status, hasil)
    return hasil
