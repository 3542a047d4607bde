// The form page on the office's archive site, for an office on GitHub or Gitea/Forgejo: the
// same page as «kinerja layani», with kinerja running in the browser (Pyodide, in the Web
// Worker pekerja.js) over the period's files read from the Git host's API, and each save made
// by the host as a commit in the person's own name, with their own token.
//
// This file holds the period's files and the worker, and gives formulir.js its three calls.
// What a form is, which files it needs, what is wrong in it and what the file becomes is
// kinerja's (kinerja/buat/peramban.py); the host's side — signing in, its API, what each answer
// means for the person — is tuan.js's. The page refuses to run inside a frame.
(function () {
  "use strict";

  var c = JSON.parse(document.getElementById("sambungan-kinerja").textContent);
  var SERENTAK = 6;  // files fetched at once
  var tuan = window.KinerjaTuan;
  var $ = tuan.$;
  var nama_host = tuan.nama;
  var forge = tuan.forge, api = tuan.api, alasan = tuan.alasan, blob = tuan.blob;
  var ambil = tuan.ambil, jalanRepo = tuan.jalanRepo, jalanBerkas = tuan.jalanBerkas;

  function gagal(pesan) { return Promise.resolve({status: 400, pesan: pesan}); }

  // A page framed by another (another site on a shared origin, such as OWNER.github.io) could
  // read what is typed into it: it does not run there.
  if (window.top !== window.self) {
    window.KinerjaSambungan = {daftar: function () {
      return gagal("Halaman formulir tidak dapat dibuka di dalam halaman lain; buka tautannya " +
                   "langsung.");
    }};
    return;
  }

  // --- kinerja in the worker -------------------------------------------------------------------

  var pekerja = new Worker(c.pekerja, {type: "module"});
  var nomor = 0;
  var tunggu = {};
  var rusak = null;  // once the worker is gone, every call is answered at once
  pekerja.onmessage = function (e) {
    var selesai = tunggu[e.data.id];
    delete tunggu[e.data.id];
    if (selesai) selesai(e.data.hasil);
  };
  pekerja.onerror = function () {
    rusak = {status: 500, pesan: "pemeriksa di peramban tidak dapat dijalankan; muat ulang " +
                                 "halaman, atau pakai peramban lain yang terbaru"};
    Object.keys(tunggu).forEach(function (id) { tunggu[id](rusak); delete tunggu[id]; });
  };
  function py(nama, argumen) {
    if (rusak) return Promise.resolve(rusak);
    return new Promise(function (selesai) {
      var id = ++nomor;
      tunggu[id] = selesai;
      pekerja.postMessage({id: id, nama: nama, argumen: argumen});
    });
  }
  // Python starts while the person signs in: its files are the largest part of the page.
  tunggu[0] = function () {};
  pekerja.postMessage({id: 0, awal: {pyodide: c.pyodide, paket: c.paket}});

  // --- the period's files ------------------------------------------------------------------------

  var tujuan = null;   // {periode, seksi, cabang} from the link
  var sha = {};        // each fetched file's blob, as the host has it
  var berkasForm = null;
  var orang = null;

  // A branch as the link may name it: a plain name, never the default branch or a path that
  // climbs out of the API's addresses.
  function cabangSah(nama) {
    return /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(nama) &&
      !nama.split("/").some(function (b) { return b === "." || b === ".." || /\.lock$/.test(b); }) &&
      ["main", "master", "HEAD"].indexOf(nama) < 0;
  }

  function dariTautan() {
    var h = location.hash.slice(1).split("/").map(decodeURIComponent);
    if (h.length !== 2 || !h[0] || !h[1]) return null;
    var cabang = new URLSearchParams(location.search).get("cabang") || "periode/" + h[0];
    return {periode: h[0], seksi: h[1], cabang: cabang};
  }

  // The folders from the root down to the period's, then the period's whole tree: the page
  // reads no more of the repository than that.
  function telusuri(t, jalur) {
    return forge.commit(t.cabang).then(function (k) {
      if (k.status === 404) {  // signed in already: the branch is what is missing
        return {status: 404, pesan: "Formulir periode ini belum dibuka di " + nama_host + ", atau " +
                                    "sudah ditutup setelah disahkan (cabang " + t.cabang + " tidak " +
                                    "ada). Tanyakan Kasubbag Perencanaan."};
      }
      if (k.status !== 200) return {status: k.status, pesan: alasan(k, "Membaca cabang " + t.cabang)};
      var semua = [];
      var turun = function (sha_, i, awalan) {
        var akhir = i === jalur.length;
        return forge.pohon(sha_, akhir).then(function (p) {
          if (p.status !== 200) return {status: p.status, pesan: alasan(p, "Membaca " + (awalan || "/"))};
          var lanjut = null;
          p.isi.forEach(function (x) {
            if (x.type === "blob") semua.push({path: awalan + x.path, size: x.size, sha: x.sha});
            if (!akhir && x.type === "tree" && x.path === jalur[i]) lanjut = x.sha;
          });
          if (akhir) return {status: 200, isi: semua};
          if (!lanjut) {
            return {status: 404, pesan: "Folder " + awalan + jalur[i] + " tidak ada di cabang " +
                                        t.cabang + "; periodenya belum dibuat di sana. Tanyakan " +
                                        "Kasubbag Perencanaan"};
          }
          return turun(lanjut, i + 1, awalan + jalur[i] + "/");
        });
      };
      return turun(k.sha, 0, "");
    });
  }

  function muatBerkas(t) {
    $("umum").textContent = "Membaca berkas periode dari " + nama_host + "…";
    return py("jalur", {tunjuk: t.periode}).then(function (j) {
      if (j.status !== 200) return j;
      return Promise.all([telusuri(t, j.folder), forge.tag(j.tag)]).then(function (h) {
        var pohon = h[0];
        if (pohon.status !== 200) return pohon;
        // only a tag of this period: «pengesahan/2026-tw1» or «…-v2», not «…-tw10»
        var tag = h[1].status === 200 && Array.isArray(h[1].data) ? h[1].data.map(function (r) {
          return String(r.ref || "").replace(/^refs\/tags\//, "");
        }) : [];
        return py("perlu", {berkas: pohon.isi, tunjuk: t.periode}).then(function (p) {
          if (p.status !== 200) return p;
          var blobnya = {};
          pohon.isi.forEach(function (x) { blobnya[x.path] = x.sha; });
          var berkas = {};
          var antre = p.isi.slice();
          var salah = null;
          var kerja = function () {
            var rel = antre.shift();
            if (!rel || salah) return Promise.resolve();
            return blob(blobnya[rel]).then(function (a) {
              if (a.status !== 200) { salah = {status: a.status, pesan: alasan(a, "Membaca " + rel)}; return; }
              berkas[rel] = a.isi;
              sha[rel] = blobnya[rel];
              return kerja();
            });
          };
          var pekerjaan = [];
          for (var i = 0; i < SERENTAK; i++) pekerjaan.push(kerja());
          return Promise.all(pekerjaan).then(function () {
            if (salah) return salah;
            $("umum").textContent = "Menyiapkan pemeriksa…";
            return py("pasang", {berkas: berkas, ada: p.ada, tag: tag}).then(function (r) {
              $("umum").textContent = "";
              return r;
            });
          });
        });
      });
    });
  }

  // --- the three calls the page makes --------------------------------------------------------

  // A link corrected in the address bar before any form opened: the page opens it afresh
  // (once a form is open, the page asks about unsaved values first; see «jelaskan»).
  window.addEventListener("hashchange", function () {
    if (!berkasForm) location.reload();
  });

  window.KinerjaSambungan = {
    daftar: function () {
      tujuan = dariTautan();
      if (!tujuan) {
        return gagal("Tautan ini tidak menunjuk formulir. Buka tautan formulir seksi Anda yang " +
                     "dikirim Kasubbag Perencanaan.");
      }
      if (!cabangSah(tujuan.cabang)) {
        return gagal("Tautan ini menunjuk cabang «" + tujuan.cabang.slice(0, 80) + "», yang bukan " +
                     "cabang periode. Buka tautan formulir dari Kasubbag Perencanaan.");
      }
      return tuan.masuk(tujuan).then(function (o) {
        orang = o;
        $("orang").textContent = "Masuk sebagai " + tuan.namaOrang(o);
        tuan.tombolKeluar();
        return muatBerkas(tujuan).then(function (h) {
          if (h.status !== 200) return h;
          return py("jelaskan", {tunjuk: tujuan.periode, seksi: tujuan.seksi}).then(function (d) {
            if (d.status !== 200) return d;
            berkasForm = d.berkas;
            setTimeout(tuan.tombolKeluar, 0);  // the page rewrites the line it sits on
            return {status: 200, orang: tuan.namaOrang(o) + " · cabang " + tujuan.cabang,
                    kantor: d.kantor,
                    formulir: [{periode: d.periode, nama_periode: d.nama_periode,
                                seksi: d.seksi, nama_seksi: d.nama_seksi}]};
          });
        });
      });
    },
    jelaskan: function (periode, seksi) {
      if (!tujuan || periode !== tujuan.periode || seksi !== tujuan.seksi) {
        location.reload();  // one form per page load: its files are that period's
        return new Promise(function () {});
      }
      // the form as the host has it now (someone may have saved it since)
      return ambil(berkasForm, tujuan.cabang).then(function (a) {
        if (a.status !== 200) return {status: a.status, pesan: alasan(a, "Membaca formulir")};
        sha[berkasForm] = a.sha;
        return py("ganti", {berkas: berkasForm, isi: a.isi}).then(function (g) {
          if (g.status !== 200) return g;
          return py("jelaskan", {tunjuk: periode, seksi: seksi});
        });
      });
    },
    periksa: function (periode, seksi, isi) {
      return py("coba", {tunjuk: periode, seksi: seksi, ubah: isi.ubah});
    },
    simpan: function (periode, seksi, isi) {
      return py("tulis", {tunjuk: periode, seksi: seksi, ubah: isi.ubah}).then(function (t) {
        if (t.status !== 200) return t;
        if (!t.berubah) return {status: 200, pesan: "Tidak ada perubahan sejak simpanan terakhir.", sidik: t.sidik};
        var pesan = t.pesan + "\n\nDicatat-lewat: halaman formulir kinerja (" + nama_host + ")\n";
        return api("PUT", jalanRepo("/contents/" + jalanBerkas(t.berkas)),
                   {message: pesan, content: t.isi, sha: sha[t.berkas], branch: tujuan.cabang})
          .then(function (j) {
            if (forge.bentrok(j)) {
              return {status: 409, pesan: t.berkas + " telah diubah orang lain sejak halaman dibuka"};
            }
            if (j.status !== 200 && j.status !== 201) return {status: j.status, pesan: alasan(j, "Menyimpan")};
            sha[t.berkas] = j.data.content.sha;
            return py("ganti", {berkas: t.berkas, isi: t.isi}).then(function () {
              return {status: 200, sidik: t.sidik,
                      pesan: "Tersimpan atas nama " + tuan.namaOrang(orang, true) +
                             " (commit " + String(j.data.commit.sha).slice(0, 10) + " di cabang " +
                             tujuan.cabang + ")."};
            });
          });
      });
    }
  };
})();
