// The form page on the office's archive site, for an office on GitHub or Gitea/Forgejo: the
// same page as «kinerja layani», with kinerja running in the browser (Pyodide, in the Web
// Worker pekerja.js) over the period's files read from the Git host's contents API, and each
// save made by the host as a commit in the person's own name, with their own token.
//
// What this file decides is only the conversation with the host: which requests, and what each
// answer means for the person. What a form is, what is wrong in it, and what the file becomes
// is kinerja's (kinerja/buat/peramban.py). The token stays in this tab (sessionStorage) and is
// sent to the host's API only.
(function () {
  "use strict";

  var c = JSON.parse(document.getElementById("sambungan-kinerja").textContent);
  var SIMPANAN = "kinerja-formulir:" + c.forge + ":" + c.proyek;
  var SERENTAK = 6;  // files fetched at once
  var nama_host = c.forge === "gitea" ? "Gitea" : "GitHub";

  function $(id) { return document.getElementById(id); }

  function el(tag, atribut, anak) {
    var e = document.createElement(tag);
    Object.keys(atribut || {}).forEach(function (k) {
      if (k === "teks") e.textContent = atribut[k]; else e.setAttribute(k, atribut[k]);
    });
    (anak || []).forEach(function (a) { if (a) e.appendChild(typeof a === "string" ? document.createTextNode(a) : a); });
    return e;
  }

  // --- kinerja in the worker -------------------------------------------------------------------

  var pekerja = new Worker(c.pekerja, {type: "module"});
  var nomor = 0;
  var tunggu = {};
  pekerja.onmessage = function (e) {
    var selesai = tunggu[e.data.id];
    delete tunggu[e.data.id];
    if (selesai) selesai(e.data.hasil);
  };
  pekerja.onerror = function () {
    Object.keys(tunggu).forEach(function (id) {
      tunggu[id]({status: 500, pesan: "pemeriksa di peramban tidak dapat dijalankan; muat ulang " +
                                      "halaman, atau pakai peramban lain yang terbaru"});
      delete tunggu[id];
    });
  };
  function py(nama, argumen) {
    return new Promise(function (selesai) {
      var id = ++nomor;
      tunggu[id] = selesai;
      pekerja.postMessage({id: id, nama: nama, argumen: argumen});
    });
  }
  // Python starts while the person signs in: its files are the largest part of the page.
  tunggu[0] = function () {};
  pekerja.postMessage({id: 0, awal: {pyodide: c.pyodide, paket: c.paket}});

  // --- the token ---------------------------------------------------------------------------------

  function simpanan() {
    try { return JSON.parse(sessionStorage.getItem(SIMPANAN) || "{}"); } catch (e) { return {}; }
  }
  function catat(isi) { sessionStorage.setItem(SIMPANAN, JSON.stringify(isi)); }
  function token() { return simpanan().token || ""; }
  function keluar() { sessionStorage.removeItem(SIMPANAN); }

  // --- the host's API ----------------------------------------------------------------------------

  function api(metode, jalan, isi) {
    var kepala = {"Authorization": "Bearer " + token(), "Accept": "application/json"};
    if (c.forge === "github") {
      kepala.Accept = "application/vnd.github+json";
      kepala["X-GitHub-Api-Version"] = "2022-11-28";
    }
    var opsi = {method: metode, headers: kepala, cache: "no-store"};
    if (isi !== undefined) {
      kepala["Content-Type"] = "application/json";
      opsi.body = JSON.stringify(isi);
    }
    return fetch(c.api + jalan, opsi).then(function (r) {
      return r.text().then(function (t) {
        var data = null;
        try { data = t ? JSON.parse(t) : null; } catch (e) { data = null; }
        return {status: r.status, data: data};
      });
    }, function () {
      return {status: 0, data: null};
    });
  }

  function jalanRepo(akhir) { return "/repos/" + c.proyek + akhir; }
  function jalanBerkas(rel) { return rel.split("/").map(encodeURIComponent).join("/"); }

  // What a refused request means for the person, in their words.
  function alasan(j, apa) {
    if (j.status === 0) {
      return nama_host + " tidak dapat dihubungi; periksa jaringan lalu coba lagi (isian Anda " +
             "masih di halaman ini)";
    }
    if (j.status === 401) {
      keluar();
      if (apa === "Masuk") {
        return nama_host + " tidak menerima token ini. Periksa bahwa seluruh token tersalin " +
               "(diawali github_pat_), lalu coba lagi.";
      }
      return nama_host + " tidak menerima token Anda lagi (mungkin kedaluwarsa atau dicabut); " +
             "muat ulang halaman lalu masuk lagi. Isian yang belum tersimpan akan hilang: " +
             "salin dulu bila perlu.";
    }
    if (j.status === 403 || j.status === 404) {
      return apa + ": akun atau token Anda tidak berhak atas repositori " + c.proyek +
             (c.forge === "github" ? " (token harus untuk repositori ini, dengan izin Contents: " +
              "Read and write)" : "") + ", atau cabangnya tidak ada. Tanyakan Kasubbag " +
             "Perencanaan";
    }
    var pesan = j.data && j.data.message ? " (" + nama_host + ": " + String(j.data.message).slice(0, 300) + ")" : "";
    return apa + " gagal, kode " + j.status + pesan;
  }

  var github = {
    orang: function () { return api("GET", "/user"); },
    pohon: function (cabang) {
      return api("GET", jalanRepo("/git/ref/heads/" + jalanBerkas(cabang))).then(function (j) {
        if (j.status !== 200) return j;
        return api("GET", jalanRepo("/git/trees/" + j.data.object.sha + "?recursive=1"))
          .then(function (t) {
            if (t.status !== 200) return t;
            if (t.data.truncated) return {status: 413, data: {message: "pohon terlalu besar"}};
            return {status: 200, data: t.data.tree.filter(function (x) { return x.type === "blob"; })
              .map(function (x) { return x.path; })};
          });
      });
    },
    tulis: function (rel, isi, sha, pesan, cabang) {
      return api("PUT", jalanRepo("/contents/" + jalanBerkas(rel)),
                 {message: pesan, content: isi, sha: sha, branch: cabang});
    },
    bentrok: function (j) { return j.status === 409; }
  };

  var gitea = {
    orang: function () { return api("GET", "/user"); },
    pohon: function (cabang) {
      return api("GET", jalanRepo("/branches/" + jalanBerkas(cabang))).then(function (j) {
        if (j.status !== 200) return j;
        var semua = [];
        var halaman = function (n) {
          return api("GET", jalanRepo("/git/trees/" + j.data.commit.id +
                                      "?recursive=true&per_page=1000&page=" + n))
            .then(function (t) {
              if (t.status !== 200) return t;
              (t.data.tree || []).forEach(function (x) { if (x.type === "blob") semua.push(x.path); });
              if (t.data.truncated) {  // Gitea gives 50 entries a page by default
                return n < 200 ? halaman(n + 1) : {status: 413, data: {message: "pohon terlalu besar"}};
              }
              return {status: 200, data: semua};
            });
        };
        return halaman(1);
      });
    },
    tulis: function (rel, isi, sha, pesan, cabang) {
      return api("PUT", jalanRepo("/contents/" + jalanBerkas(rel)),
                 {message: pesan, content: isi, sha: sha, branch: cabang});
    },
    // Gitea answers a stale «sha» with 422 «sha does not match»
    bentrok: function (j) {
      return j.status === 409 || (j.status === 422 && /sha/i.test(String(j.data && j.data.message)));
    }
  };

  var forge = c.forge === "gitea" ? gitea : github;

  function ambil(rel, cabang) {
    return api("GET", jalanRepo("/contents/" + jalanBerkas(rel) + "?ref=" + encodeURIComponent(cabang)))
      .then(function (j) {
        if (j.status !== 200) return j;
        return {status: 200, isi: String(j.data.content || "").replace(/\s+/g, ""), sha: j.data.sha};
      });
  }

  // --- the period's files ------------------------------------------------------------------------

  var tujuan = null;   // {periode, seksi, cabang} from the link
  var sha = {};        // each fetched file's blob, as the host has it
  var berkasForm = null;
  var orang = null;

  function dariTautan() {
    var h = location.hash.slice(1).split("/");
    if (h.length !== 2 || !h[0] || !h[1]) return null;
    var q = new URLSearchParams(location.search);
    return {periode: decodeURIComponent(h[0]), seksi: decodeURIComponent(h[1]),
            cabang: q.get("cabang") || "periode/" + decodeURIComponent(h[0])};
  }

  function muatBerkas(t) {
    $("umum").textContent = "Membaca berkas periode dari " + nama_host + "…";
    return forge.pohon(t.cabang).then(function (j) {
      if (j.status !== 200) return {status: j.status, pesan: alasan(j, "Membaca cabang " + t.cabang)};
      return py("perlu", {paths: j.data, tunjuk: t.periode}).then(function (p) {
        if (p.status !== 200) return p;
        var berkas = {};
        var antre = p.isi.slice();
        var gagal = null;
        var kerja = function () {
          var rel = antre.shift();
          if (!rel || gagal) return Promise.resolve();
          return ambil(rel, t.cabang).then(function (a) {
            if (a.status !== 200) { gagal = {status: a.status, pesan: alasan(a, "Membaca " + rel)}; return; }
            berkas[rel] = a.isi;
            sha[rel] = a.sha;
            return kerja();
          });
        };
        var pekerjaan = [];
        for (var i = 0; i < SERENTAK; i++) pekerjaan.push(kerja());
        return Promise.all(pekerjaan).then(function () {
          if (gagal) return gagal;
          $("umum").textContent = "Menyiapkan pemeriksa…";
          return py("pasang", {berkas: berkas, ada: p.ada}).then(function (h) {
            $("umum").textContent = "";
            return h;
          });
        });
      });
    });
  }

  // --- signing in --------------------------------------------------------------------------------

  function masukGithub() {
    return new Promise(function (selesai) {
      var pilih = $("pilih");
      var masukan = el("input", {type: "password", id: "token", autocomplete: "off",
                                 spellcheck: "false", "aria-describedby": "token-bantuan"});
      var tombol = el("button", {type: "submit", teks: "Masuk"});
      var hasil = el("p", {role: "status", "aria-live": "polite", id: "hasil-masuk"});
      var baru = c.web + "/settings/personal-access-tokens/new";
      var form = el("form", {"class": "masuk", id: "form-masuk"}, [
        el("h2", {teks: "Masuk dengan token GitHub"}),
        el("p", {teks: "Isian Anda disimpan langsung ke repositori kantor " + c.proyek +
                       " di GitHub, atas nama akun GitHub Anda. Untuk itu halaman ini " +
                       "memerlukan token pribadi Anda:"}),
        el("ol", {}, [
          el("li", {}, ["Buka ", el("a", {href: baru, rel: "noopener noreferrer", target: "_blank",
                                          teks: "halaman token baru GitHub"}), "."]),
          el("li", {teks: "Resource owner: " + c.proyek.split("/")[0] + "."}),
          el("li", {teks: "Repository access: Only select repositories, lalu pilih " + c.proyek + "."}),
          el("li", {teks: "Permissions, Repository permissions: Contents — Read and write."}),
          el("li", {teks: "Expiration: 7 hari sudah cukup. Klik Generate token, salin tokennya."})]),
        el("label", {"for": "token", teks: "Token GitHub"}),
        el("p", {"class": "bantuan", id: "token-bantuan",
                 teks: "Token hanya disimpan di tab ini dan hilang saat tab ditutup. Jangan " +
                       "bagikan kepada siapa pun."}),
        masukan, tombol, hasil]);
      pilih.textContent = "";
      pilih.appendChild(form);
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var t = masukan.value.trim();
        if (!t) { hasil.textContent = "Tempel token GitHub Anda dulu."; return; }
        catat({token: t});
        tombol.disabled = true;
        hasil.textContent = "Memeriksa token…";
        forge.orang().then(function (j) {
          tombol.disabled = false;
          if (j.status !== 200) { keluar(); hasil.textContent = alasan(j, "Masuk"); return; }
          pilih.textContent = "";
          selesai(j.data);
        });
      });
      masukan.focus();
    });
  }

  function acak(n) {
    var b = new Uint8Array(n);
    crypto.getRandomValues(b);
    return b64url(b);
  }
  function b64url(b) {
    var s = "";
    b.forEach(function (x) { s += String.fromCharCode(x); });
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function alamatKembali() { return location.origin + location.pathname; }

  // This page's address without what Gitea's answer added (code, state, error): where the
  // person comes back to, and what stays in the address bar and the history.
  function tanpaJawaban() {
    var q = new URLSearchParams(location.search);
    ["code", "state", "error", "error_description"].forEach(function (k) { q.delete(k); });
    var sisa = q.toString();
    return location.pathname + (sisa ? "?" + sisa : "") + location.hash;
  }

  // OAuth2 with PKCE (RFC 7636), as a public client: the verifier never leaves this tab until
  // it is traded, once, for a token.
  function masukGitea() {
    var q = new URLSearchParams(location.search);
    var s = simpanan();
    if ((q.get("code") || q.get("error")) && !s.pkce) {
      history.replaceState(null, "", tanpaJawaban());  // an answer this tab never asked for
    }
    if (q.get("error") && s.pkce) {
      history.replaceState(null, "", s.pkce.kembali);
      keluar();
      return Promise.resolve({galat: "Gitea tidak memberi izin masuk (" +
                                     String(q.get("error")).slice(0, 80) + "). Coba lagi."});
    }
    if (q.get("code") && s.pkce) {
      var pkce = s.pkce;
      history.replaceState(null, "", pkce.kembali);
      if (q.get("state") !== pkce.state) {
        keluar();
        return Promise.resolve({galat: "Masuk ditolak: jawaban Gitea tidak cocok dengan " +
                                       "permintaan halaman ini. Coba masuk lagi."});
      }
      var badan = {client_id: c.klien, code: q.get("code"), code_verifier: pkce.verifier,
                   grant_type: "authorization_code", redirect_uri: alamatKembali()};
      return fetch(c.web + "/login/oauth/access_token", {
        method: "POST", headers: {"Content-Type": "application/json", "Accept": "application/json"},
        body: JSON.stringify(badan), cache: "no-store"
      }).then(function (r) {
        return r.json().then(function (d) { return {status: r.status, data: d}; },
                             function () { return {status: r.status, data: null}; });
      }, function () { return {status: 0, data: null}; }).then(function (j) {
        if (j.status !== 200 || !j.data || !j.data.access_token) {
          keluar();
          return {galat: "Gitea tidak memberi izin masuk (kode " + j.status + "). Coba lagi, " +
                         "atau tanyakan admin Gitea apakah CORS sudah diaktifkan."};
        }
        catat({token: j.data.access_token});
        return forge.orang().then(function (o) {
          return o.status === 200 ? o.data : {galat: alasan(o, "Masuk")};
        });
      });
    }
    return new Promise(function (selesai) {
      var tombol = el("button", {type: "button", teks: "Masuk dengan akun Gitea"});
      $("pilih").textContent = "";
      $("pilih").appendChild(el("div", {"class": "masuk"}, [
        el("h2", {teks: "Masuk"}),
        el("p", {teks: "Isian Anda disimpan langsung ke repositori kantor " + c.proyek +
                       " di " + c.web + ", atas nama akun Anda di sana."}),
        tombol]));
      tombol.addEventListener("click", function () {
        var verifier = acak(48);
        var state = acak(24);
        crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)).then(function (h) {
          catat({pkce: {verifier: verifier, state: state,
                        kembali: tanpaJawaban()}});
          var u = new URL(c.web + "/login/oauth/authorize");
          u.searchParams.set("client_id", c.klien);
          u.searchParams.set("redirect_uri", alamatKembali());
          u.searchParams.set("response_type", "code");
          u.searchParams.set("code_challenge", b64url(new Uint8Array(h)));
          u.searchParams.set("code_challenge_method", "S256");
          u.searchParams.set("state", state);
          location.assign(u.href);
        });
      });
      void selesai;  // this page is left for Gitea's; it comes back with ?code=
    });
  }

  function masuk() {
    if (token()) {
      return forge.orang().then(function (j) {
        if (j.status === 200) return j.data;
        keluar();
        return masuk();
      });
    }
    return (c.forge === "gitea" ? masukGitea() : masukGithub()).then(function (o) {
      if (o && o.galat) { $("umum").textContent = o.galat; keluar(); return masuk(); }
      return o;
    });
  }

  function tombolKeluar() {
    var b = el("button", {type: "button", "class": "keluar", teks: "Keluar"});
    b.addEventListener("click", function () { keluar(); location.reload(); });
    $("orang").appendChild(document.createTextNode(" "));
    $("orang").appendChild(b);
  }

  // --- the three calls the page makes --------------------------------------------------------

  window.KinerjaSambungan = {
    daftar: function () {
      return masuk().then(function (o) {
        orang = o;
        tujuan = dariTautan();
        if (!tujuan) {
          return {status: 404, pesan: "Tautan ini tidak menunjuk formulir. Buka tautan formulir " +
                                      "seksi Anda yang dikirim Kasubbag Perencanaan."};
        }
        return muatBerkas(tujuan).then(function (h) {
          if (h.status !== 200) return h;
          return py("jelaskan", {tunjuk: tujuan.periode, seksi: tujuan.seksi}).then(function (d) {
            if (d.status !== 200) return d;
            berkasForm = d.berkas;
            setTimeout(tombolKeluar, 0);
            return {status: 200, orang: (o.full_name || o.name || o.login) + " (" + o.login + ")",
                    kantor: d.kantor,
                    formulir: [{periode: d.periode, nama_periode: d.nama_periode,
                                seksi: d.seksi, nama_seksi: d.nama_seksi}]};
          });
        });
      });
    },
    jelaskan: function (periode, seksi) {
      if (!tujuan || periode !== tujuan.periode || seksi !== tujuan.seksi) {
        return Promise.resolve({status: 404, pesan: "buka tautan formulir seksi Anda"});
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
        return forge.tulis(t.berkas, t.isi, sha[t.berkas], pesan, tujuan.cabang).then(function (j) {
          if (forge.bentrok(j)) {
            return {status: 409, pesan: t.berkas + " telah diubah orang lain sejak halaman dibuka"};
          }
          if (j.status !== 200 && j.status !== 201) return {status: j.status, pesan: alasan(j, "Menyimpan")};
          sha[t.berkas] = j.data.content.sha;
          return py("ganti", {berkas: t.berkas, isi: t.isi}).then(function () {
            return {status: 200, sidik: t.sidik,
                    pesan: "Tersimpan atas nama " + (orang.full_name || orang.name || orang.login) +
                           " (commit " + String(j.data.commit.sha).slice(0, 10) + " di cabang " +
                           tujuan.cabang + ")."};
          });
        });
      });
    }
  };
})();
