"""kinerja: pengukuran kinerja instansi pemerintah sebagai kode di Git."""

__version__ = "0.1.0"

from pathlib import Path as _Path

# The package's own files (SOP steps, Typst templates): a plain path, because the package is
# always installed as files (setuptools package-data), and importlib.resources costs start-up.
DATA = _Path(__file__).resolve().parent / "data"
