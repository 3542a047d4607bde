from kinerja.cli import proses

proses()
