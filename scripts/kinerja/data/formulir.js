// The form page, drawn only from what kinerja describes (it reads the period, the PK and the
// Rencana Aksi) and judging nothing itself: after each edit the values go to kinerja, which
// writes them into a copy of the form and runs «kinerja periksa»; each finding is shown under
// its field in the checker's words. Saving writes the same values as the person's commit.
// Where kinerja runs is the connection's business: «kinerja layani» on the office network
// (below), or Pyodide in a Web Worker with the Git host's API (statis.js sets
// window.KinerjaSambungan before this file runs). All text is placed with textContent, never
// as HTML.
(function () {
  "use strict";

  // the page on the archive site names its connection; if its script did not load, say so
  // rather than fall back to a server that is not there
  var sambungan = window.KinerjaSambungan ||
    (document.getElementById("sambungan-kinerja") ? tidakTermuat() : layani());
  var bentuk = null;   // the form's description, as last loaded
  var awal = {};       // each field's value as loaded: only changed fields are sent
  var tunda = null;
  var urutan = 0;      // the latest check wins; an older answer arriving late is ignored

  function $(id) { return document.getElementById(id); }

  function el(tag, atribut, anak) {
    var e = document.createElement(tag);
    Object.keys(atribut || {}).forEach(function (k) {
      if (k === "teks") e.textContent = atribut[k]; else e.setAttribute(k, atribut[k]);
    });
    (anak || []).forEach(function (a) { if (a) e.appendChild(a); });
    return e;
  }

  function tidakTermuat() {
    var jawab = function () {
      return Promise.resolve({status: 500, pesan: "Halaman formulir tidak termuat lengkap; " +
                                                  "muat ulang halaman."});
    };
    return {daftar: jawab, jelaskan: jawab, periksa: jawab, simpan: jawab};
  }

  // «kinerja layani»: the three calls are the server's, under the person's own link.
  function layani() {
    var token = location.pathname.split("/").filter(Boolean).pop();
    var api = "../api/" + encodeURIComponent(token);
    function minta(jalan, isi) {
      var opsi = isi === undefined ? {} : {
        method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(isi)
      };
      return fetch(api + jalan, opsi).then(function (r) {
        var jenis = r.headers.get("Content-Type") || "";
        if (jenis.indexOf("application/json") !== 0) {
          return {status: r.status, pesan: "server menjawab dengan galat (" + r.status + ")"};
        }
        return r.json().then(function (d) { d.status = r.status; return d; });
      }, function () {
        return {status: 0, pesan: "server kinerja layani tidak dapat dihubungi; periksa " +
                                  "jaringan lalu coba lagi (isian Anda masih di halaman ini)"};
      });
    }
    return {
      daftar: function () { return minta("/daftar"); },
      jelaskan: function (p, s) { return minta("/formulir/" + p + "/" + s); },
      periksa: function (p, s, isi) { return minta("/periksa/" + p + "/" + s, isi); },
      simpan: function (p, s, isi) { return minta("/simpan/" + p + "/" + s, isi); }
    };
  }

  // --- drawing the form ----------------------------------------------------------------------

  function idBidang(nama) { return "b-" + nama.replace(/[^A-Za-z0-9_-]/g, "_"); }

  function kolom(nama, label, masukan, bantuan) {
    var id = idBidang(nama);
    masukan.id = id;
    masukan.setAttribute("data-bidang", nama);
    // not a live region: a re-check rewrites every field's findings, and reading them all out
    // after each pause would drown the one that changed; the summary line above is announced
    var temuan = el("div", {"class": "temuan", id: "t-" + id});
    var desk = [];
    if (bantuan) {
      desk.push(el("p", {"class": "bantuan", id: "h-" + id, teks: bantuan}));
      masukan.setAttribute("aria-describedby", "h-" + id + " t-" + id);
    } else {
      masukan.setAttribute("aria-describedby", "t-" + id);
    }
    return el("div", {"class": "kolom"}, [el("label", {"for": id, teks: label})].concat(
      desk, [masukan, temuan]));
  }

  function teksArea(nilai, baris) {
    var t = el("textarea", {rows: String(baris || 3)});
    t.value = nilai || "";
    return t;
  }

  function pilihan(nilai, daftar, kosong) {
    var s = el("select");
    s.appendChild(el("option", {value: "", teks: kosong}));
    if (nilai && !daftar.some(function (p) { return p.nilai === nilai; })) {
      // what the file holds though it is not a choice: shown (the checker says why), changeable
      var lain = el("option", {value: nilai, teks: nilai + " (tidak ada di pilihan)"});
      lain.selected = true;
      s.appendChild(lain);
    }
    daftar.forEach(function (p) {
      var o = el("option", {value: p.nilai, teks: p.nama});
      if (p.nilai === nilai) o.selected = true;
      s.appendChild(o);
    });
    return s;
  }

  function daftarKeterangan(ind) {
    var dl = el("dl", {"class": "keterangan"});
    [["Satuan", ind.satuan + " · " + ind.polaritas],
     ["Target periode ini", ind.target], ["Target tahunan", ind.target_tahunan],
     ["Definisi", ind.definisi], ["Sumber data", ind.sumber_data]].forEach(function (x) {
      if (x[1]) { dl.appendChild(el("dt", {teks: x[0]})); dl.appendChild(el("dd", {teks: x[1]})); }
    });
    return dl;
  }

  function gambar(d) {
    bentuk = d;
    awal = {};
    var wadah = $("isian");
    wadah.textContent = "";
    $("judul").textContent = d.nama_seksi + " — " + d.nama_periode;
    d.indikator.forEach(function (ind) {
      var n = ind.nilai, kode = ind.kode;
      var realisasi = ind.skala ? pilihan(n.realisasi, ind.skala.map(function (s) {
        return {nilai: s, nama: s};
      }), "— pilih —") : el("input", {type: "text", inputmode: "decimal", autocomplete: "off"});
      if (!ind.skala) realisasi.value = n.realisasi || "";
      var bagian = [el("legend", {teks: kode + " " + ind.uraian}), daftarKeterangan(ind),
        kolom(kode + "/realisasi", "Realisasi", realisasi,
              ind.skala ? "Pilih salah satu tingkat." : "Angka seperti biasa, misalnya 85,5 atau 1.250.000."),
        kolom(kode + "/penjelasan", "Penjelasan", teksArea(n.penjelasan, 3),
              "Mengapa target tercapai atau tidak tercapai."),
        kolom(kode + "/hambatan", "Hambatan", teksArea(n.hambatan, 2),
              "Wajib bila target tidak tercapai."),
        kolom(kode + "/tindak_lanjut", "Tindak lanjut", teksArea(n.tindak_lanjut, 2),
              "Wajib bila target tidak tercapai."),
        kolom(kode + "/bukti_dukung", "Bukti dukung", teksArea([].concat(n.bukti_dukung || []).join("\n"), 2),
              "Satu tautan https://… atau nama berkas di folder bukti/ per baris.")];
      ind.aksi.forEach(function (a) {
        var awalan = kode + "/aksi/" + a.kode + "/";
        bagian.push(el("fieldset", {"class": "aksi"}, [
          el("legend", {teks: "Rencana aksi " + a.kode + ": " + a.uraian}),
          el("p", {"class": "bantuan", teks: "Penanggung jawab: " + a.penanggung_jawab +
                   (a.keluaran ? " · keluaran: " + a.keluaran : "")}),
          kolom(awalan + "status", "Status", pilihan(a.status, d.status_aksi, "— belum diisi —")),
          kolom(awalan + "catatan", "Catatan", teksArea(a.catatan, 2))]));
      });
      wadah.appendChild(el("fieldset", {"class": "indikator", id: "bagian-" + idBidang(kode)}, bagian));
    });
    if (d.program.length) {
      var prog = [el("legend", {teks: "Realisasi anggaran (kumulatif, rupiah)"})];
      d.program.forEach(function (g) {
        var i = el("input", {type: "text", inputmode: "decimal", autocomplete: "off"});
        i.value = g.realisasi || "";
        prog.push(kolom("program/" + g.kode + "/realisasi", g.kode + " " + g.nama, i,
                        "Pagu " + g.pagu + ". Misalnya Rp 1.500.000."));
      });
      wadah.appendChild(el("fieldset", {"class": "indikator"}, prog));
    }
    semua().forEach(function (m) { awal[m.getAttribute("data-bidang")] = m.value; });
    $("formulir").hidden = false;
  }

  function semua() { return Array.prototype.slice.call(document.querySelectorAll("[data-bidang]")); }

  // --- values to the server, findings back -----------------------------------------------------

  function ubahan() {
    return semua().filter(function (m) {
      return m.value !== awal[m.getAttribute("data-bidang")];
    }).map(function (m) {
      var b = m.getAttribute("data-bidang").split("/");
      var u = b[0] === "program" ? {daftar: "anggaran", kode: b[1], bidang: b[2]}
        : b[1] === "aksi" ? {daftar: "isian", kode: b[0], aksi: b[2], bidang: b[3]}
        : {daftar: "isian", kode: b[0], bidang: b[1]};
      u.nilai = u.bidang === "bukti_dukung" ? m.value.split("\n").map(function (x) {
        return x.trim();
      }).filter(Boolean) : m.value.replace(/\r\n?/g, "\n");
      return u;
    });
  }

  function tampilkan(hasil) {
    document.querySelectorAll(".temuan").forEach(function (t) { t.textContent = ""; });
    semua().forEach(function (m) { m.removeAttribute("aria-invalid"); });
    var umum = $("umum");
    umum.textContent = "";
    (hasil.temuan || []).forEach(function (t) {
      var p = el("p", {"class": "temuan-" + t.tingkat,
                       teks: (t.tingkat === "galat" ? "Galat: " : "Peringatan: ") + t.pesan});
      var tempat = t.bidang && $("t-" + idBidang(t.bidang));
      if (!tempat && t.bidang) {
        // a finding about an indicator as a whole: under its first field
        var kode = t.bidang.split("/")[0];
        tempat = $("t-" + idBidang(kode + "/realisasi"));
      }
      if (tempat) {
        tempat.appendChild(p);
        var m = $(tempat.id.slice(2));
        if (m && t.tingkat === "galat") m.setAttribute("aria-invalid", "true");
      } else {
        umum.appendChild(el("p", {"class": "temuan-" + t.tingkat,
                                  teks: "Baris " + t.baris + ": " + p.textContent}));
      }
    });
    (hasil.kosong || []).forEach(function (b) {
      var tempat = $("t-" + idBidang(b));
      if (tempat && !tempat.firstChild) {
        tempat.appendChild(el("p", {"class": "temuan-kosong",
                                    teks: (hasil.alasan_kosong || {})[b] || "Belum diisi."}));
      }
    });
    // what is said of the field being typed in is seen, not left under the save bar
    var aktif = document.activeElement;
    var diAktif = aktif && aktif.getAttribute("data-bidang") && $("t-" + aktif.id);
    if (diAktif && diAktif.firstChild) diAktif.scrollIntoView({block: "nearest"});
    var galat = (hasil.temuan || []).filter(function (t) { return t.tingkat === "galat"; }).length;
    $("ringkas").textContent = (galat ? galat + " galat perlu diperbaiki. " : "") +
      (hasil.kelengkapan ? "Kelengkapan: " + hasil.kelengkapan : "");
    return galat;
  }

  function periksa() {
    var ke = ++urutan;
    return sambungan.periksa(bentuk.periode, bentuk.seksi, {ubah: ubahan()})
      .then(function (h) {
        if (ke !== urutan) return h;
        if (h.status !== 200) { $("umum").textContent = h.pesan; return h; }
        tampilkan(h);
        return h;
      });
  }

  function nilaiSekarang() {
    var isi = {};
    semua().forEach(function (m) { isi[m.getAttribute("data-bidang")] = m.value; });
    return isi;
  }

  function simpan(ulang) {
    var terkirim = nilaiSekarang();  // what this save sends: only this becomes «saved»
    var isi = {ubah: ubahan(), sidik: bentuk.sidik};
    var tombol = $("tombol-simpan");
    tombol.disabled = true;
    $("hasil-simpan").textContent = "Menyimpan…";
    return sambungan.simpan(bentuk.periode, bentuk.seksi, isi).then(function (h) {
      if (h.status === 409 && !ulang) return simpanLagi(terkirim);
      tombol.disabled = false;
      if (h.status !== 200) { $("hasil-simpan").textContent = "Tidak tersimpan: " + h.pesan; return; }
      bentuk.sidik = h.sidik || bentuk.sidik;
      Object.keys(terkirim).forEach(function (b) { awal[b] = terkirim[b]; });
      return periksa().then(function (c) {
        var galat = (c.temuan || []).filter(function (t) { return t.tingkat === "galat"; }).length;
        $("hasil-simpan").textContent = h.pesan + (galat ? " Masih ada " + galat + " galat: " +
          "perbaiki sebelum formulir diperiksa Kasubbag Perencanaan." : "");
      });
    });
  }

  function namaKolom(b) {
    // «IK-2.2, Tindak lanjut», as the page shows it
    var label = document.querySelector("label[for='" + idBidang(b) + "']");
    return b.split("/")[0] + ", " + (label ? label.textContent : b.split("/").pop());
  }

  // Someone saved this form meanwhile: read it again and keep what this person typed on top of
  // it — unless the other save changed the same field, which this person must then decide.
  function simpanLagi(terkirim) {
    var lama = awal;
    var diketik = {};
    Object.keys(terkirim).forEach(function (b) {
      if (terkirim[b] !== lama[b]) diketik[b] = terkirim[b];
    });
    return muat(bentuk.periode, bentuk.seksi).then(function () {
      var bentrok = [];
      Object.keys(diketik).forEach(function (b) {
        var m = document.querySelector("[data-bidang=\"" + CSS.escape(b) + "\"]");
        if (!m) return;
        if (awal[b] !== lama[b] && awal[b] !== diketik[b]) bentrok.push(b);
        m.value = diketik[b];
      });
      if (bentrok.length) {
        $("tombol-simpan").disabled = false;
        $("hasil-simpan").textContent = "Belum tersimpan: orang lain baru saja menyimpan " +
          "isian yang sama (" + bentrok.map(namaKolom).join("; ") + "). Isian Anda masih di " +
          "kolomnya dan isian mereka tertulis di bawahnya; pilih, lalu klik Simpan lagi.";
        return periksa().then(function () {
          // what the other person saved, under the field, until the next check
          bentrok.forEach(function (b) {
            var tempat = $("t-" + idBidang(b));
            if (tempat) {
              tempat.appendChild(el("p", {"class": "temuan-peringatan",
                                          teks: "Baru saja disimpan orang lain: «" +
                                                (awal[b] || "(kosong)") + "». Simpan akan " +
                                                "menggantinya dengan isian Anda di atas."}));
            }
          });
        });
      }
      return periksa().then(function () { return simpan(true); });
    });
  }

  function muat(periode, seksi) {
    return sambungan.jelaskan(periode, seksi).then(function (d) {
      if (d.status !== 200) { $("umum").textContent = d.pesan; return; }
      gambar(d);
      return periksa();
    });
  }

  // The save bar stays at the bottom and grows with its message: the room a field reached by
  // Tab keeps above it follows its real height.
  function jagaRuang() {
    var bar = document.querySelector(".simpan");
    if (!bar || !window.ResizeObserver) return;
    new ResizeObserver(function () {
      document.documentElement.style.scrollPaddingBottom = (bar.offsetHeight + 16) + "px";
    }).observe(bar);
  }

  function mulai() {
    jagaRuang();
    sambungan.daftar().then(function (d) {
      if (d.status !== 200) { $("umum").textContent = d.pesan; return; }
      $("kantor").textContent = d.kantor;
      $("orang").textContent = "Mengisi sebagai " + d.orang;
      var pilih = $("pilih");
      if (!d.formulir.length) {
        pilih.appendChild(el("p", {teks: "Tidak ada formulir yang sedang diisi untuk Anda."}));
        return;
      }
      var ul = el("ul", {"class": "daftar-formulir"});
      d.formulir.forEach(function (f) {
        var a = el("a", {href: "#" + f.periode + "/" + f.seksi,
                         teks: f.nama_seksi + " — " + f.nama_periode});
        ul.appendChild(el("li", {}, [a]));
      });
      pilih.appendChild(el("h2", {teks: "Formulir Anda"}));
      pilih.appendChild(ul);
      var sekarang = location.hash;
      var buka = function () {
        if (bentuk && location.hash !== sekarang && ubahan().length &&
            !window.confirm("Isian di formulir ini belum disimpan dan akan hilang. Tetap buka " +
                            "formulir lain?")) {
          history.replaceState(null, "", sekarang);
          return;
        }
        sekarang = location.hash;
        var h = location.hash.slice(1).split("/");
        if (h.length === 2) muat(h[0], h[1]);
      };
      window.addEventListener("hashchange", buka);
      if (!location.hash && d.formulir.length === 1) {
        location.hash = d.formulir[0].periode + "/" + d.formulir[0].seksi;
      } else {
        buka();
      }
    });
    window.addEventListener("beforeunload", function (e) {
      if (bentuk && ubahan().length) { e.preventDefault(); e.returnValue = ""; }
    });
    $("formulir").addEventListener("input", function () {
      clearTimeout(tunda);
      tunda = setTimeout(periksa, 350);
    });
    $("formulir").addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(tunda);
      simpan(false);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mulai);
  else mulai();
})();
