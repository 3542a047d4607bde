"""kinerja: pengukuran kinerja instansi pemerintah sebagai kode di Git."""

__version__ = "0.1.0"
