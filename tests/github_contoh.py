"""Recorded GitHub webhook payloads from the npm package ``@octokit/webhooks-examples``.

``api.github.com/index.json`` is one JSON array of event definitions::

    [{"name": "push", "actions": [...], "description": ..., "properties": {...},
      "examples": [payload, ...]}, ...]

Payloads of events without actions (push, workflow_dispatch, ...) have no
``action`` key.  Every call returns a deep copy, so tests may mutate it.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["contoh", "daftar", "semua_contoh"]

BERKAS_BAWAAN = Path("node_modules/@octokit/webhooks-examples/api.github.com/index.json")

# GitHub sends these events with the payload of another event.
ALIAS = {"pull_request_target": "pull_request"}


def _cari_berkas() -> Path:
    if env := os.environ.get("GITHUB_WEBHOOKS_EXAMPLES_JSON"):
        return Path(env)
    for awal in (Path(__file__).resolve().parent, Path.cwd()):
        for folder in (awal, *awal.parents):
            if (calon := folder / BERKAS_BAWAAN).is_file():
                return calon
    raise FileNotFoundError(
        f"{BERKAS_BAWAAN} not found; run `npm ci` or set GITHUB_WEBHOOKS_EXAMPLES_JSON"
    )


@lru_cache(maxsize=1)
def _data() -> dict[str, list[dict[str, Any]]]:
    """event name -> recorded payloads (loaded once, never handed out directly)."""
    with _cari_berkas().open("rb") as f:
        definisi: list[dict[str, Any]] = json.load(f)
    return {d["name"]: d["examples"] for d in definisi}


def _nama(event: str) -> str:
    nama = ALIAS.get(event, event)
    if nama not in _data():
        raise LookupError(f"no recorded payloads for event {event!r}; known: {sorted(_data())}")
    return nama


def semua_contoh(event: str, action: str | None = None) -> list[dict[str, Any]]:
    """All payloads of ``event`` (with ``action`` if given), deep-copied."""
    return [
        copy.deepcopy(p) for p in _data()[_nama(event)] if action is None or p.get("action") == action
    ]


def contoh(
    event: str,
    action: str | None = None,
    pilih: Callable[[dict[str, Any]], bool] | None = None,
) -> dict[str, Any]:
    """A deep copy of the first recorded payload matching event, action and ``pilih``.

    ``action=None`` takes the first payload of the event whatever its action.
    ``pilih`` narrows further, e.g. ``lambda p: "installation" in p``.
    """
    for payload in _data()[_nama(event)]:
        if action is not None and payload.get("action") != action:
            continue
        if pilih is None or pilih(payload):
            return copy.deepcopy(payload)
    ada = sorted({str(p.get("action")) for p in _data()[_nama(event)]})
    raise LookupError(
        f"no recorded {event!r} payload with action {action!r}"
        + (" matching `pilih`" if pilih else "")
        + f"; recorded actions: {ada}"
    )


def daftar() -> dict[str, dict[str | None, int]]:
    """event -> {action: number of recorded payloads} (None = no action key)."""
    hasil: dict[str, dict[str | None, int]] = {}
    for event, payloads in _data().items():
        hitung = hasil.setdefault(event, {})
        for p in payloads:
            hitung[p.get("action")] = hitung.get(p.get("action"), 0) + 1
    return hasil
