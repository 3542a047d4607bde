"""Check fake GitHub REST answers against GitHub's OpenAPI description.

The description comes from the npm package ``@octokit/openapi``
(``generated/api.github.com.json``, OpenAPI 3.0.3).  It is loaded once,
its 3.0 schemas are rewritten in place to JSON Schema 2020-12
(``nullable: true`` -> ``"null"`` allowed; a 3.1 file is used as is)
and validated with ``jsonschema``.
``$ref``s are resolved lazily by ``referencing`` against the whole document.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry
from referencing.jsonschema import DRAFT202012

__all__ = [
    "Cocok",
    "Deskripsi",
    "OperasiTidakDitemukan",
    "TidakSesuaiSkema",
    "contoh_jawaban",
    "deskripsi",
    "kode_tag",
    "operasi",
    "periksa_jawaban",
    "periksa_permintaan",
    "periksa_webhook",
]

BERKAS_BAWAAN = Path("node_modules/@octokit/openapi/generated/api.github.com.json")
URI = "urn:github-openapi"  # base URI under which the whole document is registered
METODE = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
MAKS_GALAT = 5  # validation errors shown in one failure message


class OperasiTidakDitemukan(LookupError):
    """No operation (or no documented status) for this method + path."""


class TidakSesuaiSkema(AssertionError):
    """A body does not match its schema (AssertionError so pytest shows it plainly)."""


@dataclass(frozen=True)
class Cocok:
    """Result of matching a concrete request against the path templates."""

    metode: str
    templat: str  # e.g. /repos/{owner}/{repo}/pulls/{pull_number}/reviews
    parameter: dict[str, str]  # path parameters, percent-decoded
    operasi: dict[str, Any]  # the operation object from the description
    server: str  # https://api.github.com, or the operation's own server


# --- OpenAPI 3.0 schema -> JSON Schema 2020-12 -------------------------------

_ANAK_PETA = ("properties", "patternProperties")
_ANAK_TUNGGAL = ("items", "additionalProperties", "not")
_ANAK_DAFTAR = ("allOf", "anyOf", "oneOf")
_ANOTASI = ("title", "description", "example", "default", "readOnly", "writeOnly", "deprecated")


def _ubah_skema(s: Any) -> None:
    """Rewrite one OpenAPI 3.0 schema object (and its children) in place."""
    if not isinstance(s, dict):
        return
    for k in _ANAK_PETA:
        for anak in s.get(k, {}).values():
            _ubah_skema(anak)
    for k in _ANAK_TUNGGAL:
        _ubah_skema(s.get(k))
    for k in _ANAK_DAFTAR:
        for anak in s.get(k, ()):
            _ubah_skema(anak)
    s.pop("discriminator", None)  # only a hint in 3.0; oneOf does the work
    pilihan = s.get("oneOf", ())
    if pilihan and all(str(x.get("$ref", "")).endswith("-error") for x in pilihan):
        # GitHub's error answers are a oneOf of error shapes none of which requires a field
        # (basic-error, repository-rule-violation-error): every error body fits all of them,
        # so «exactly one» can never hold. Any one of them is what is meant.
        s["anyOf"] = s.pop("oneOf")
    if s.pop("nullable", False) is True:
        _boleh_null(s)


def _boleh_null(s: dict[str, Any]) -> None:
    """Apply 3.0 ``nullable: true`` the way GitHub means it: null is also allowed."""
    if "type" in s:
        t = s["type"]
        jenis = [t] if isinstance(t, str) else list(t)
        if "null" not in jenis:
            s["type"] = [*jenis, "null"]
        if "enum" in s and None not in s["enum"]:
            s["enum"] = [*s["enum"], None]  # 71 nullable enums lack null
    elif any(k in s for k in ("$ref", "enum", "not", *_ANAK_DAFTAR)):
        # no `type`: wrap the constraints, e.g. {nullable, oneOf} -> anyOf[{oneOf}, null]
        inti = {k: s.pop(k) for k in list(s) if k not in _ANOTASI and not k.startswith("x-")}
        s["anyOf"] = [inti, {"type": "null"}]
    # otherwise the schema has no constraint and already accepts null


def _ubah_media(wadah: dict[str, Any]) -> None:
    """Rewrite the schemas under a response/requestBody ``content`` map."""
    for media in wadah.get("content", {}).values():
        _ubah_skema(media.get("schema"))


# --- formats: only the ones worth checking, without extra dependencies -------

_FORMAT = FormatChecker(formats=())


def _cek_tanggal_waktu(nilai: object) -> bool:
    if not isinstance(nilai, str):
        return True
    waktu = dt.datetime.fromisoformat(nilai)  # Python >= 3.11 accepts "Z"
    return "T" in nilai.upper() and waktu.tzinfo is not None


def _cek_tanggal(nilai: object) -> bool:
    if isinstance(nilai, str):
        dt.date.fromisoformat(nilai)
    return True


_FORMAT.checks("date-time", raises=ValueError)(_cek_tanggal_waktu)
_FORMAT.checks("date", raises=ValueError)(_cek_tanggal)


# --- path templates ----------------------------------------------------------


@dataclass(frozen=True)
class _Rute:
    pola: re.Pattern[str]
    templat: str
    nama: tuple[str, ...]  # regex group i -> parameter name
    peringkat: tuple[int, ...]  # sorts first = more specific (see _bangun_rute)


def _penunjuk(*bagian: str) -> str:
    """JSON pointer (RFC 6901) from raw keys."""
    return "".join("/" + b.replace("~", "~0").replace("/", "~1") for b in bagian)


def _cari_berkas() -> Path:
    if env := os.environ.get("GITHUB_OPENAPI_JSON"):
        return Path(env)
    for awal in (Path(__file__).resolve().parent, Path.cwd()):
        for folder in (awal, *awal.parents):
            if (calon := folder / BERKAS_BAWAAN).is_file():
                return calon
    raise FileNotFoundError(f"{BERKAS_BAWAAN} not found; run `npm ci` or set GITHUB_OPENAPI_JSON")


class Deskripsi:
    """GitHub's REST description, loaded once; matches requests and checks bodies."""

    def __init__(self, berkas: Path | str | None = None, *, periksa_format: bool = True) -> None:
        self.berkas = Path(berkas) if berkas else _cari_berkas()
        with self.berkas.open("rb") as f:
            self.dok: dict[str, Any] = json.load(f)
        versi = str(self.dok.get("openapi", ""))
        if versi.startswith("3.0"):
            self._ubah_semua()  # 3.0 schema dialect -> JSON Schema 2020-12
        elif not versi.startswith("3.1"):  # 3.1 schemas already are JSON Schema 2020-12
            raise ValueError(f"expected OpenAPI 3.0.x or 3.1.x, got {versi!r}")
        self._format = _FORMAT if periksa_format else None
        self._registry: Registry[Any] = Registry().with_resource(
            URI, DRAFT202012.create_resource(self.dok)
        )
        self._validator: dict[str, Draft202012Validator] = {}
        self._cocok: dict[tuple[str, str], Cocok] = {}
        self._rute = sorted(self._bangun_rute(), key=lambda r: r.peringkat)
        self.server_bawaan: str = self.dok["servers"][0]["url"]

    # -- loading --

    def _ubah_semua(self) -> None:
        komponen = self.dok.get("components", {})
        for s in komponen.get("schemas", {}).values():
            _ubah_skema(s)
        for jenis in ("responses", "requestBodies"):
            for wadah in komponen.get(jenis, {}).values():
                _ubah_media(wadah)
        for bagian in ("paths", "x-webhooks"):
            for item in self.dok.get(bagian, {}).values():
                for m in METODE:
                    if (op := item.get(m)) is None:
                        continue
                    if "requestBody" in op:
                        _ubah_media(op["requestBody"])
                    for jawaban in op.get("responses", {}).values():
                        _ubah_media(jawaban)

    def _bangun_rute(self) -> Iterable[_Rute]:
        for templat, item in self.dok["paths"].items():
            param = [*item.get("parameters", [])]
            for m in METODE:
                param += item.get(m, {}).get("parameters", [])
            # path parameters that may contain "/" (x-multi-segment)
            banyak_segmen = {
                p["name"]
                for p in map(self._ikuti, param)
                if p.get("in") == "path" and p.get("x-multi-segment")
            }
            pola, nama, peringkat = "", [], []
            for segmen in templat.strip("/").split("/"):
                bagian = re.split(r"\{(\w+)\}", segmen)  # literal, name, literal, ...
                if len(bagian) == 1:
                    peringkat.append(0)
                elif len(bagian) > 3 or bagian[0] or bagian[2]:
                    peringkat.append(3)  # partial segment such as {base}...{head}: last resort
                else:
                    peringkat.append(2 if bagian[1] in banyak_segmen else 1)
                pola += "/"
                for i, b in enumerate(bagian):
                    if i % 2 == 0:
                        pola += re.escape(b)
                    else:
                        pola += "(.+?)" if b in banyak_segmen else "([^/]+?)"
                        nama.append(b)
            # more literal segments first, then fewer partial / multi-segment params:
            # /commits/{ref}/status beats /commits/{ref}, /releases/latest beats /{release_id}
            kunci = (-peringkat.count(0), peringkat.count(3), peringkat.count(2), *peringkat)
            yield _Rute(re.compile(pola or "/"), templat, tuple(nama), kunci)

    def _ikuti(self, obj: dict[str, Any]) -> dict[str, Any]:
        """Follow local ``$ref``s (parameters, responses, examples ...)."""
        while "$ref" in obj:
            obj = self._ambil(obj["$ref"].removeprefix("#"))
        return obj

    def _ambil(self, penunjuk: str) -> Any:
        obj: Any = self.dok
        for b in penunjuk.lstrip("/").split("/"):
            obj = obj[b.replace("~1", "/").replace("~0", "~")]
        return obj

    # -- matching --

    def cocokkan(self, metode: str, path: str) -> Cocok:
        """Map ``GET /repos/a/b/pulls/7/reviews?x=1`` (or a full URL) to its operation."""
        m, p = metode.lower(), urlsplit(path).path or "/"
        if (c := self._cocok.get((m, p))) is None:
            c = self._cocok[(m, p)] = self._cari(m, p)
        return c

    def _cari(self, m: str, p: str) -> Cocok:
        calon = [(r, hasil) for r in self._rute if (hasil := r.pola.fullmatch(p))]
        if not calon:
            raise OperasiTidakDitemukan(f"no path template in the GitHub description matches {p!r}")
        for rute, hasil in calon:
            item = self.dok["paths"][rute.templat]
            if m in item:
                op = item[m]
                server = (op.get("servers") or item.get("servers") or [{"url": self.server_bawaan}])[0]
                param = {n: unquote(v) for n, v in zip(rute.nama, hasil.groups(), strict=True)}
                return Cocok(m, rute.templat, param, op, server["url"])
        ada = {r.templat: [x for x in METODE if x in self.dok["paths"][r.templat]] for r, _ in calon}
        raise OperasiTidakDitemukan(f"{m.upper()} {p}: no such operation; the path matches {ada}")

    def operasi(self, metode: str, path: str) -> dict[str, Any]:
        """The operation object for a concrete request (query string ignored)."""
        return self.cocokkan(metode, path).operasi

    # -- responses --

    def _jawaban(self, c: Cocok, status: int) -> tuple[dict[str, Any], str]:
        """Response object for a status (exact, then 2XX, then default) and its pointer."""
        semua = c.operasi.get("responses", {})
        for kunci in (str(status), f"{status // 100}XX", "default"):
            if kunci in semua:
                jawaban = semua[kunci]
                if "$ref" in jawaban:
                    ref = jawaban["$ref"].removeprefix("#")
                    return self._ikuti(jawaban), ref
                return jawaban, _penunjuk("paths", c.templat, c.metode, "responses", kunci)
        raise OperasiTidakDitemukan(
            f"{c.metode.upper()} {c.templat} ({c.operasi.get('operationId')}): "
            f"status {status} is not documented; documented: {sorted(semua)}"
        )

    @staticmethod
    def _media_json(wadah: dict[str, Any]) -> str | None:
        konten = wadah.get("content", {})
        if "application/json" in konten:
            return "application/json"
        return next((k for k in konten if k.endswith("json")), None)

    def _validator_untuk(self, penunjuk: str) -> Draft202012Validator:
        if (v := self._validator.get(penunjuk)) is None:
            akar = {"$ref": f"{URI}#{quote(penunjuk, safe='/~')}"}
            v = Draft202012Validator(akar, registry=self._registry, format_checker=self._format)
            self._validator[penunjuk] = v
        return v

    def _validasi(self, penunjuk: str, body: Any, judul: str) -> None:
        galat = sorted(self._validator_untuk(penunjuk).iter_errors(body), key=lambda e: e.path)
        if galat:
            raise TidakSesuaiSkema(_laporan(judul, galat))

    def periksa_jawaban(self, metode: str, path: str, status: int, body: Any) -> None:
        """Raise TidakSesuaiSkema unless ``body`` fits the documented answer.

        ``body`` is parsed JSON (bytes are parsed).  Statuses without content
        (204, 304 ...) require an empty body; non-JSON media are not checked.
        """
        c = self.cocokkan(metode, path)
        jawaban, penunjuk = self._jawaban(c, status)
        judul = f"{c.metode.upper()} {c.templat} -> {status} ({c.operasi.get('operationId')})"
        if isinstance(body, (bytes, bytearray)):
            body = json.loads(body) if body else None
        if not jawaban.get("content"):
            if body not in (None, ""):
                raise TidakSesuaiSkema(f"{judul}: documented without a body, got {str(body)[:200]}")
            return
        media = self._media_json(jawaban)
        if media is None:
            return  # e.g. diff/patch/octet-stream answers: nothing to validate
        self._validasi(_penunjuk_tambah(penunjuk, "content", media, "schema"), body, judul)

    def contoh_jawaban(self, metode: str, path: str, status: int = 200) -> dict[str, Any]:
        """Documented examples for an answer, ``{name: value}`` (deep copies)."""
        jawaban, _ = self._jawaban(self.cocokkan(metode, path), status)
        if (jenis := self._media_json(jawaban)) is None:
            return {}  # no JSON answer (204, diff, octet-stream ...)
        media = jawaban["content"][jenis]
        contoh = media.get("examples", {})
        hasil = {n: copy.deepcopy(self._ikuti(c).get("value")) for n, c in contoh.items()}
        if "example" in media:
            hasil.setdefault("example", copy.deepcopy(media["example"]))
        return hasil

    # -- requests --

    def periksa_permintaan(self, metode: str, path: str, body: Any) -> None:
        """Raise TidakSesuaiSkema unless ``body`` fits the requestBody schema."""
        c = self.cocokkan(metode, path)
        judul = f"{c.metode.upper()} {c.templat} request ({c.operasi.get('operationId')})"
        rb = c.operasi.get("requestBody")
        if isinstance(body, (bytes, bytearray)) and rb and self._media_json(self._ikuti(rb)):
            body = json.loads(body) if body else None
        if rb is None:
            if body not in (None, b"", ""):
                raise TidakSesuaiSkema(f"{judul}: the operation takes no body")
            return
        if "$ref" in rb:
            penunjuk, rb = rb["$ref"].removeprefix("#"), self._ikuti(rb)
        else:
            penunjuk = _penunjuk("paths", c.templat, c.metode, "requestBody")
        if body is None:
            if rb.get("required"):
                raise TidakSesuaiSkema(f"{judul}: a body is required")
            return
        media = self._media_json(rb)
        if media is None:  # e.g. release asset upload: application/octet-stream
            if not isinstance(body, (bytes, bytearray, str)):
                jenis = type(body).__name__
                raise TidakSesuaiSkema(f"{judul}: expects {list(rb['content'])}, got {jenis}")
            return
        self._validasi(_penunjuk_tambah(penunjuk, "content", media, "schema"), body, judul)

    # -- webhooks (x-webhooks section of the same description) --

    def periksa_webhook(self, event: str, payload: Any) -> None:
        """Validate a webhook payload; ``event`` is the X-GitHub-Event value.

        pull_request_target carries the pull_request payload, so it uses that schema.
        """
        nama = {"pull_request_target": "pull_request"}.get(event, event).replace("_", "-")
        aksi = payload.get("action") if isinstance(payload, dict) else None
        webhooks = self.dok.get("x-webhooks", {})
        kunci = f"{nama}-{str(aksi).replace('_', '-')}" if aksi else nama
        if kunci not in webhooks:
            kunci = nama
        if kunci not in webhooks:
            raise OperasiTidakDitemukan(f"webhook {event!r} action {aksi!r} is not described")
        penunjuk = _penunjuk("x-webhooks", kunci, "post", "requestBody", "content", "application/json")
        penunjuk += "/schema"
        self._validasi(penunjuk, payload, f"webhook {event} ({kunci})")


def _penunjuk_tambah(penunjuk: str, *bagian: str) -> str:
    return penunjuk + _penunjuk(*bagian)


def _ringkas(nilai: Any, maks: int = 160) -> str:
    teks = json.dumps(nilai, default=str)
    return teks if len(teks) <= maks else teks[: maks - 3] + "..."


def _laporan(judul: str, galat: list[ValidationError]) -> str:
    """Readable failure: JSON path, the innermost reason, the offending value."""
    baris = [f"{judul}: {len(galat)} schema error(s)"]
    for g in galat[:MAKS_GALAT]:
        inti = best_match(g.context) if g.context else g  # anyOf/oneOf: say why
        inti = inti if inti is not None else g
        pesan = inti.message.replace(repr(inti.instance), _ringkas(inti.instance, 80))
        baris.append(f"  at {inti.json_path}: {pesan[:300]}")
    if len(galat) > MAKS_GALAT:
        baris.append(f"  ... and {len(galat) - MAKS_GALAT} more")
    return "\n".join(baris)


# --- module-level shortcuts over one shared instance -------------------------


@lru_cache(maxsize=1)
def deskripsi() -> Deskripsi:
    """The shared description (loaded on first use)."""
    return Deskripsi()


def operasi(metode: str, path: str) -> dict[str, Any]:
    return deskripsi().operasi(metode, path)


def periksa_jawaban(metode: str, path: str, status: int, body: Any) -> None:
    deskripsi().periksa_jawaban(metode, path, status, body)


def periksa_permintaan(metode: str, path: str, body: Any) -> None:
    deskripsi().periksa_permintaan(metode, path, body)


def periksa_webhook(event: str, payload: Any) -> None:
    deskripsi().periksa_webhook(event, payload)


def contoh_jawaban(metode: str, path: str, status: int = 200) -> dict[str, Any]:
    return deskripsi().contoh_jawaban(metode, path, status)


def kode_tag(tag: str) -> str:
    """Percent-encode a tag for a path segment: ``a/b`` -> ``a%2Fb``."""
    return quote(tag, safe="")
