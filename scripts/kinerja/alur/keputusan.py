"""The approvals and the ratification in plain Git: ``kinerja setujui``, ``kembalikan``, ``sahkan``.

A decision is a commit whose trailers say which period, which decision, in which role, and which
content it refers to. Its author must hold the role in ``kinerja.yml`` as it stood when the period
was created. The Camat's ratification also writes the record and makes the tag
``pengesahan/<periode>``; it is proven, like every other one, before it is called done.

Atomic and idempotent: the branch moves once, by compare-and-swap, and moves back if the tag
cannot be made; a repeat says it is already done; an unfinished ratification (its commit made,
its tag not) is completed by running ``sahkan`` again.
"""

from __future__ import annotations

from pathlib import Path

from kinerja.alur import tulis
from kinerja.baca.muat import cari_akar, rujukan_periode, tahun_tunjukan
from kinerja.inti import tata
from kinerja.inti.angka import format_waktu
from kinerja.inti.beku import beku
from kinerja.inti.errors import BerkasTidakValid, KinerjaError
from kinerja.inti.model import CatatanPersetujuan, Keadaan, Pengesahan, Periode
from kinerja.inti.sop import NAMA_PERAN, URUTAN
from kinerja.layanan import Potret, potret
from kinerja.pengesahan import catatan as ct
from kinerja.pengesahan import git, trailer
from kinerja.pengesahan.putusan import SETUJU, Peristiwa, Putusan, pemilik_akun
from kinerja.pengesahan.sejarah import Konteks
from kinerja.pengesahan.trailer import Jenis


@beku
class HasilKeputusan:
    commit: str | None  # None: nothing recorded, it was already so
    tag: str | None
    putusan: Putusan
    sudah: str = ""  # why nothing was recorded (already approved, already ratified)
    catatan: tuple[str, ...] = ()  # what else a person should know (a work file not updated)


JUDUL = {Jenis.SETUJU: "Setujui pengukuran kinerja {p} ({peran})",
         Jenis.SAHKAN: "Sahkan pengukuran kinerja {p}",
         Jenis.KEMBALIKAN: "Kembalikan pengukuran kinerja {p} ({peran})"}


def muat(mulai: Path, tunjuk: str | None, *, lengkap: bool) -> tuple[Potret, Periode, Konteks]:
    """The snapshot for a decision on one period, and the period at HEAD."""
    akar = cari_akar(mulai)
    tulis.siap(akar)
    if tunjuk is None:  # the latest period
        pt = potret(akar, tahun=tahun_tunjukan(akar, None), lengkap=lengkap)
    else:
        tahun, kode = rujukan_periode(akar, tunjuk)
        pt = potret(akar, tahun={tahun}, lengkap=lengkap, hanya={tata.id_periode(tahun, kode)})
    p = pt.cari(tunjuk)
    head = pt.riwayat().g.head
    assert head is not None
    return pt, p, pt.riwayat().sj.konteks(p.tahun, p.kode, head)


def putusan(mulai: Path, tunjuk: str | None) -> tuple[Putusan, Pengesahan]:
    """Where a period's approvals stand at HEAD, and its ratification."""
    pt, p, k = muat(mulai, tunjuk, lengkap=False)
    return pt.riwayat().sj.putusan(k), p.pengesahan


def _pemegang(k: Konteks, email: str, nama: str, sebagai: str) -> None:
    orang = pemilik_akun(k.kantor, email, "git")
    if orang is None or sebagai not in orang.peran:
        peran = NAMA_PERAN[sebagai]
        raise KinerjaError(
            f"penulis Git {nama} <{email}> bukan {peran} menurut kinerja.yml saat periode dibuat; "
            f"keputusan ini harus di-commit oleh {peran} dengan surelnya yang tercantum (git "
            "config user.email)")


def _belum_dicommit(pt: Potret, k: Konteks) -> None:
    """Decisions refer to committed content: nothing they cover may be changed uncommitted."""
    keluar = git.git(pt.akar, "status", "--porcelain", "-z", "--untracked-files=all", "--",
                     tata.BERKAS_KANTOR, tata.folder_tahun(k.tahun))
    ubah = [b[3:] for b in keluar.split("\x00") if len(b) > 3]
    if any(pt.riwayat().sj.lingkup(k, b) for b in ubah):
        raise KinerjaError(f"ada perubahan yang belum di-commit di {k.folder}, Perjanjian Kinerja, "
                           "atau kinerja.yml; commit dahulu agar keputusan merujuk isi yang "
                           "tercatat")


def _sudah(p: Periode, sekarang: Putusan, jenis: Jenis, sebagai: str, email: str) -> str:
    """What makes this decision already done: the same person's standing approval of the same
    content for the same role (and, for the ratification, its proven tag)."""
    zona = sekarang.zona
    if jenis is Jenis.KEMBALIKAN:
        return ""
    if jenis is Jenis.SAHKAN and p.pengesahan.keadaan is Keadaan.DISAHKAN:
        c = p.pengesahan.camat
        if p.pengesahan.rusak:
            raise KinerjaError(
                f"periode {p.id} sudah disahkan (tag {p.pengesahan.tag}), dan isinya berubah "
                f"sesudahnya; pengesahan ulang harus melalui revisi yang tercatat: kinerja revisi "
                f"{p.id} --alasan \"…\"")
        kapan = f" pada {format_waktu(c.waktu, zona)}" if c else ""
        return (f"periode {p.id} sudah disahkan oleh {c.nama if c else 'Camat'}{kapan} (tag "
                f"{p.pengesahan.tag}); tidak ada yang dicatat ulang")
    for s in sekarang.disetujui:
        if s.peran == sebagai and s.peristiwa.akun.lower() == email.lower() and \
                jenis is Jenis.SETUJU:
            return (f"{NAMA_PERAN[sebagai]} {s.pegawai.nama} sudah menyetujui versi ini pada "
                    f"{format_waktu(s.peristiwa.waktu, zona)}; tidak ada yang dicatat ulang")
    return ""


def putuskan(mulai: Path, tunjuk: str | None, jenis: Jenis, sebagai: str,
             alasan: str = "") -> HasilKeputusan:
    """Record one decision as a commit (a ratification: with its record and tag)."""
    akar = cari_akar(mulai)
    with git.kunci(akar, "keputusan"), tulis.tak_terputus():
        pt, p, k = muat(mulai, tunjuk, lengkap=jenis is not Jenis.KEMBALIKAN)
        nama, email, waktu = git.identitas(akar)
        _pemegang(k, email, nama, sebagai)
        sj = pt.riwayat().sj
        if jenis is Jenis.SAHKAN and p.pengesahan.keadaan is Keadaan.TERTUNDA:
            return _selesaikan(pt, p, k)
        _belum_dicommit(pt, k)
        sekarang = sj.putusan(k)
        sudah = _sudah(p, sekarang, jenis, sebagai, email)
        if sudah:
            return HasilKeputusan(None, None, sekarang, sudah, catatan=_susul(pt, p))
        if jenis is Jenis.KEMBALIKAN:
            if not alasan.strip():
                raise KinerjaError("tulis alasan pengembalian dengan --alasan agar seksi tahu apa "
                                   "yang harus diperbaiki")
        else:
            _boleh_setuju(pt, p, k, sekarang, sebagai, email, nama)
        isi = sj.isi(k.ref, k.tahun, k.kode)
        pesan = trailer.pesan(JUDUL[jenis].format(p=p.id, peran=NAMA_PERAN[sebagai]), p.id,
                              jenis, peran=sebagai, isi=isi, alasan=alasan,
                              badan=f"Alasan: {alasan.strip()}" if alasan.strip() else "")
        if jenis is not Jenis.SAHKAN:
            baru, head = tulis.commit(akar, pesan, tanda_tangan=k.kantor.tanda_tangan_wajib)
            _periksa_tanda_tangan(pt, k, baru)
            tulis.majukan(akar, baru, head, JUDUL[jenis].format(p=p.id, peran=sebagai))
            return HasilKeputusan(baru, None, putusan(akar, p.id)[0])
        return _sahkan(pt, p, k, pesan, isi, email, waktu, nama)


def _susul(pt: Potret, p: Periode) -> tuple[str, ...]:
    """A ratification stopped after its tag, before the work tree got its record: bring the
    record into the work tree and index now (never over a person's edit of it)."""
    sah = p.pengesahan
    if sah.keadaan is not Keadaan.DISAHKAN or sah.commit is None:
        return ()
    induk = pt.riwayat().g.commit.get(sah.commit)
    if induk is None or not induk.induk:
        return ()
    catatan = tulis.selaraskan(pt.akar, tata.berkas_riwayat(p.tahun, p.kode), induk.induk[0])
    return (catatan,) if catatan else ()


def _boleh_setuju(pt: Potret, p: Periode, k: Konteks, sekarang: Putusan, sebagai: str,
                  email: str, nama: str) -> None:
    galat = pt.penghalang(p)
    if galat:
        raise BerkasTidakValid(galat)
    if email.lower() in {a.lower() for a in pt.riwayat().sj.penulis(k).akun}:
        raise KinerjaError(f"{nama} adalah penulis perubahan terakhir di {k.folder}; "
                           f"{NAMA_PERAN[sebagai]} tidak boleh menyetujui perubahannya sendiri. "
                           "Bila ia juga mengisi formulir seksinya, minta staf seksi itu yang "
                           "meng-commit isiannya")
    sudah_ada = {s.peran for s in sekarang.disetujui}
    kurang = [x for x in URUTAN[: URUTAN.index(sebagai)] if x not in sudah_ada]
    if kurang:
        raise KinerjaError(f"{NAMA_PERAN[sebagai]} baru dapat menyetujui setelah "
                           f"{NAMA_PERAN[kurang[0]]}: " + "; ".join(sekarang.pesan))


def _periksa_tanda_tangan(pt: Potret, k: Konteks, sha: str) -> None:
    """In signed mode, a decision commit that would not count is never put on the branch."""
    if not k.kantor.tanda_tangan_wajib:
        return
    c = next(iter(git.log(pt.akar, "-1", sha)))
    kep = trailer.baca(c)
    assert kep is not None
    salah = pt.riwayat().sj.tanda_tangan_salah(k, [kep])
    if salah:
        raise KinerjaError(f"{salah[sha]}; tidak ada yang dicatat — {tulis.CARA_TANDA_TANGAN}")


def _stray(pt: Potret, p: Periode, versi: int) -> None:
    nama = ct.nama_tag(p.id, versi)
    if nama in pt.riwayat().g.tag:
        raise KinerjaError(
            f"tag {nama} sudah ada tetapi bukan pengesahan yang dibuktikan riwayat (dibuat tangan "
            f"atau oleh orang lain); pengesahan tidak menimpanya. Hapus dengan «git tag -d {nama}» "
            f"(dan di Git host: «git push origin :refs/tags/{nama}»), lalu ulangi «kinerja sahkan "
            f"{p.id}»")


def _sahkan(pt: Potret, p: Periode, k: Konteks, pesan: str, isi: str, email: str,
            waktu: object, nama: str) -> HasilKeputusan:
    """The ratification: record, commit and tag, all or nothing."""
    akar, sj = pt.akar, pt.riwayat().sj
    semua, _ = sj.peristiwa(k)
    calon = sj.putusan(k, Peristiwa(email, SETUJU, isi, waktu, urutan=len(semua) + 1))  # type: ignore[arg-type]
    if not calon.lulus:
        raise KinerjaError("belum dapat disahkan: " + "; ".join(calon.pesan))
    versi = p.pengesahan.versi if p.pengesahan.keadaan is Keadaan.DIBUKA else 1
    _stray(pt, p, versi)
    bukti, _ = pt.riwayat().bukti(p.tempat)
    head = k.ref
    s = pt.riwayat().segel(p.tempat, head, head, tahunan_lama=False)
    if s is None:
        raise KinerjaError("kinerja.yml atau Perjanjian Kinerja tidak dapat dibaca; periksa dahulu")
    setuju = tuple(CatatanPersetujuan(x.peran, x.pegawai.nama, x.peristiwa.akun,
                                      x.peristiwa.bukti or x.peristiwa.commit or "",
                                      x.peristiwa.waktu) for x in calon.disetujui)
    revisi = pt.riwayat()._revisi(bukti, sj.revisi_sah(k)[: versi - 1])
    rekam = ct.teks(ct.Catatan(p.id, "git", True, versi, setuju, s, revisi))
    path = tata.berkas_riwayat(p.tahun, p.kode)
    tag = ct.nama_tag(p.id, versi)
    baru, head = tulis.commit(akar, pesan, ganti={path: rekam.encode("utf-8")},
                              tanda_tangan=k.kantor.tanda_tangan_wajib)
    _periksa_tanda_tangan(pt, k, baru)
    tulis.majukan(akar, baru, head, f"sahkan {p.id}")
    try:
        git.tag_baru(akar, tag, baru, ct.pesan_tag(
            f"Pengesahan pengukuran kinerja {p.nama} oleh {nama}", rekam),
            tanda_tangan=k.kantor.tanda_tangan_wajib)
        _terbukti(akar, p.id, versi)
    except BaseException:
        if git.tag_ada(akar, tag) and git.rev(akar, f"refs/tags/{tag}") == baru:
            git.git(akar, "tag", "-d", tag)
        tulis.mundurkan(akar, baru, head)
        raise
    catatan = tulis.selaraskan(akar, path, head)
    return HasilKeputusan(baru, tag, putusan(akar, p.id)[0],
                          catatan=(catatan,) if catatan else ())


def _terbukti(akar: Path, pid: str, versi: int) -> None:
    """Read back, from scratch, that the ratification just written is proven by its history."""
    baru = potret(akar, tahun={int(pid[:4])}, hanya=())
    q = baru.cari(pid)
    if q.pengesahan.keadaan is not Keadaan.DISAHKAN or q.pengesahan.versi != versi:
        raise KinerjaError(f"pengesahan {pid} yang baru ditulis tidak terbukti saat dibaca ulang "
                           f"({q.pengesahan.keadaan.value}); tidak ada yang dicatat. Ini bug "
                           "kinerja: laporkan dengan perintah yang dijalankan")


def _selesaikan(pt: Potret, p: Periode, k: Konteks) -> HasilKeputusan:
    """Complete a ratification whose commit exists without its tag."""
    akar = pt.akar
    sha, versi = p.pengesahan.commit, p.pengesahan.versi
    assert sha is not None
    _stray(pt, p, versi)
    rekam = pt.riwayat().catatan_tertunda(p.tempat, sha, versi)
    if rekam is None:
        raise KinerjaError(f"pengesahan {p.id} pada commit {sha[:8]} tidak dapat dilengkapi; "
                           "jalankan «kinerja periksa» untuk melihat sebabnya")
    c = next((s for s in pt.riwayat().sj.keputusan.get(p.id, []) if s.commit.sha == sha), None)
    tag = ct.nama_tag(p.id, versi)
    git.tag_baru(akar, tag, sha, ct.pesan_tag(
        f"Pengesahan pengukuran kinerja {p.nama} oleh {c.commit.nama if c else 'Camat'}", rekam),
        tanda_tangan=k.kantor.tanda_tangan_wajib)
    try:
        _terbukti(akar, p.id, versi)
    except BaseException:
        git.git(akar, "tag", "-d", tag)
        raise
    path = tata.berkas_riwayat(p.tahun, p.kode)
    induk = next(iter(git.log(akar, "-1", sha))).induk
    catatan = tulis.selaraskan(akar, path, induk[0]) if induk else None
    return HasilKeputusan(sha, tag, putusan(akar, p.id)[0],
                          sudah=f"pengesahan {p.id} pada commit {sha[:8]} dilengkapi dengan tag "
                                f"{tag}", catatan=(catatan,) if catatan else ())
