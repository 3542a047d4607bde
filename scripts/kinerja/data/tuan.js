// The form page's conversation with the office's Git host (GitHub, or Gitea/Forgejo): signing
// in, the API requests, and what each answer means for the person, in their words. Used by
// statis.js; it decides nothing about forms. The token lives in this page's memory only (gone
// on reload) and is sent to the host's API only.
(function () {
  "use strict";

  var c = JSON.parse(document.getElementById("sambungan-kinerja").textContent);
  var PKCE = "kinerja-formulir-pkce:" + c.proyek;  // only across Gitea's sign-in redirect
  var nama_host = c.forge === "gitea" ? "Gitea" : "GitHub";

  function $(id) { return document.getElementById(id); }

  function el(tag, atribut, anak) {
    var e = document.createElement(tag);
    Object.keys(atribut || {}).forEach(function (k) {
      if (k === "teks") e.textContent = atribut[k]; else e.setAttribute(k, atribut[k]);
    });
    (anak || []).forEach(function (a) {
      if (a) e.appendChild(typeof a === "string" ? document.createTextNode(a) : a);
    });
    return e;
  }

  // --- the token (memory only) -----------------------------------------------------------------

  var sesi = {token: "", segar: ""};

  // --- the host's API ----------------------------------------------------------------------------

  function kirim(metode, url, kepala, badan) {
    return fetch(url, {method: metode, headers: kepala, body: badan, cache: "no-store",
                       credentials: "omit", referrerPolicy: "no-referrer"}).then(function (r) {
      return r.text().then(function (t) {
        var data = null;
        try { data = t ? JSON.parse(t) : null; } catch (e) { data = null; }
        return {status: r.status, data: data};
      });
    }, function () {
      return {status: 0, data: null};
    });
  }

  function api(metode, jalan, isi, ulang) {
    var kepala = {"Authorization": "Bearer " + sesi.token, "Accept": "application/json"};
    if (c.forge === "github") {
      kepala.Accept = "application/vnd.github+json";
      kepala["X-GitHub-Api-Version"] = "2022-11-28";
    }
    if (isi !== undefined) kepala["Content-Type"] = "application/json";
    return kirim(metode, c.api + jalan, kepala, isi === undefined ? undefined : JSON.stringify(isi))
      .then(function (j) {
        // Gitea's access token lasts an hour: renewed once with the refresh token, so a form
        // typed for longer is not lost
        if (j.status === 401 && sesi.segar && !ulang) {
          return tukar({grant_type: "refresh_token", refresh_token: sesi.segar,
                        client_id: c.klien}).then(function (t) {
            return t.status === 200 ? api(metode, jalan, isi, true) : j;
          });
        }
        return j;
      });
  }

  function jalanRepo(akhir) { return "/repos/" + c.proyek + akhir; }
  function jalanBerkas(rel) { return rel.split("/").map(encodeURIComponent).join("/"); }

  // What a refused request means for the person, in their words.
  function alasan(j, apa) {
    var pesan = j.data && j.data.message ? String(j.data.message).slice(0, 300) : "";
    if (j.status === 0) {
      return nama_host + " tidak dapat dihubungi; periksa jaringan lalu coba lagi (isian Anda " +
             "masih di halaman ini)";
    }
    if (j.status === 401) {
      sesi.token = "";
      if (apa === "Masuk") {
        return nama_host + " tidak menerima token ini." + (c.forge === "github" ?
          " Periksa bahwa seluruh token tersalin (diawali github_pat_), lalu coba lagi." : "");
      }
      return nama_host + " tidak menerima token Anda lagi (kedaluwarsa atau dicabut). Salin " +
             "dulu isian yang belum tersimpan, muat ulang halaman, lalu masuk lagi.";
    }
    if ((j.status === 403 || j.status === 429) && /rate limit/i.test(pesan)) {
      return nama_host + " membatasi jumlah permintaan untuk sementara; tunggu beberapa menit " +
             "lalu coba lagi (isian Anda masih di halaman ini)";
    }
    if (j.status === 403 || j.status === 404) {
      return apa + ": akun atau token Anda tidak berhak atas repositori " + c.proyek +
             (c.forge === "github" ? " (token harus untuk repositori ini, dengan izin Contents: " +
              "Read and write, dan disetujui organisasi bila diminta)" : "") + ", atau yang " +
             "dibaca tidak ada. Tanyakan Kasubbag Perencanaan";
    }
    return apa + " gagal, kode " + j.status + (pesan ? " (" + nama_host + ": " + pesan + ")" : "");
  }

  // The two hosts differ only in a few paths and shapes.
  var github = {
    commit: function (cabang) {
      return api("GET", jalanRepo("/git/ref/heads/" + jalanBerkas(cabang))).then(function (j) {
        return j.status === 200 ? {status: 200, sha: j.data.object.sha} : j;
      });
    },
    pohon: function (sha, rekursif) {
      return api("GET", jalanRepo("/git/trees/" + sha + (rekursif ? "?recursive=1" : "")))
        .then(function (t) {
          if (t.status !== 200) return t;
          if (t.data.truncated) return {status: 413, data: {message: "folder terlalu besar"}};
          return {status: 200, isi: t.data.tree};
        });
    },
    tag: function (awalan) {
      return api("GET", jalanRepo("/git/matching-refs/tags/" + jalanBerkas(awalan)));
    },
    // GitHub answers a stale «sha» with 409 «… does not match …»
    bentrok: function (j) {
      return j.status === 409 && /does not match/i.test(String(j.data && j.data.message));
    }
  };

  var gitea = {
    commit: function (cabang) {
      return api("GET", jalanRepo("/branches/" + jalanBerkas(cabang))).then(function (j) {
        return j.status === 200 ? {status: 200, sha: j.data.commit.id} : j;
      });
    },
    pohon: function (sha, rekursif) {
      var semua = [];
      var halaman = function (n) {  // 50 entries a page by default (MAX_RESPONSE_ITEMS)
        return api("GET", jalanRepo("/git/trees/" + sha + "?per_page=100&page=" + n +
                                    (rekursif ? "&recursive=true" : ""))).then(function (t) {
          if (t.status !== 200) return t;
          semua = semua.concat(t.data.tree || []);
          if (!t.data.truncated) return {status: 200, isi: semua};
          return n < 40 ? halaman(n + 1) : {status: 413, data: {message: "folder terlalu besar"}};
        });
      };
      return halaman(1);
    },
    tag: function (awalan) {
      return api("GET", jalanRepo("/git/refs/tags/" + jalanBerkas(awalan)));
    },
    // Gitea answers a stale «sha» with 422 «sha does not match»
    bentrok: function (j) {
      return j.status === 422 && /sha does not match/i.test(String(j.data && j.data.message));
    }
  };

  var forge = c.forge === "gitea" ? gitea : github;

  function blob(sha) {
    return api("GET", jalanRepo("/git/blobs/" + sha)).then(function (j) {
      if (j.status !== 200) return j;
      if (j.data.encoding !== "base64" || typeof j.data.content !== "string") {
        return {status: 413, data: {message: "isi berkas tidak diberikan"}};
      }
      return {status: 200, isi: j.data.content};
    });
  }

  function ambil(rel, cabang) {
    return api("GET", jalanRepo("/contents/" + jalanBerkas(rel) + "?ref=" + encodeURIComponent(cabang)))
      .then(function (j) {
        if (j.status !== 200) return j;
        if (j.data.encoding !== "base64" || typeof j.data.content !== "string") {
          return {status: 413, data: {message: "isi berkas tidak diberikan"}};
        }
        return {status: 200, isi: j.data.content.replace(/\s+/g, ""), sha: j.data.sha};
      });
  }

  // --- signing in --------------------------------------------------------------------------------

  // On the sign-in page: which form the link opens (a wrong link is seen before any token).
  function tautanIni(tujuan) {
    return tujuan ? el("p", {"class": "tautan-ini", teks: "Tautan ini membuka formulir seksi «" +
                              tujuan.seksi + "» untuk periode " + tujuan.periode + "."}) : null;
  }

  function masukGithub(tujuan) {
    return new Promise(function (selesai) {
      var pilih = $("pilih");
      var masukan = el("input", {type: "password", id: "token", autocomplete: "one-time-code",
                                 spellcheck: "false", "aria-describedby": "token-bantuan"});
      var tombol = el("button", {type: "submit", teks: "Masuk"});
      var hasil = el("p", {role: "status", "aria-live": "polite", id: "hasil-masuk"});
      var baru = c.web + "/settings/personal-access-tokens/new";
      var form = el("form", {"class": "masuk", id: "form-masuk"}, [
        el("h2", {teks: "Masuk dengan token GitHub"}), tautanIni(tujuan),
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
                 teks: "Token hanya dipegang halaman ini selama terbuka: muat ulang atau tutup " +
                       "halaman, dan token harus ditempel lagi. Jangan bagikan kepada siapa pun."}),
        masukan, tombol, hasil]);
      pilih.textContent = "";
      pilih.appendChild(form);
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var t = masukan.value.trim();
        if (!t) { hasil.textContent = "Tempel token GitHub Anda dulu."; return; }
        sesi.token = t;
        tombol.disabled = true;
        hasil.textContent = "Memeriksa token…";
        orangIni().then(function (j) {
          tombol.disabled = false;
          if (j.status !== 200) { hasil.textContent = alasan(j, "Masuk"); sesi.token = ""; return; }
          masukan.value = "";
          pilih.textContent = "";
          selesai(j.data);
        });
      });
      masukan.focus();
    });
  }

  // who the token is, and their name as the page shows it: «Full Name (login)»
  function orangIni() { return api("GET", "/user"); }
  function namaOrang(o, singkat) {
    var nama = o.full_name || o.name || o.login;
    return singkat ? nama : nama + " (" + o.login + ")";
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

  // The token endpoint, form-encoded as RFC 6749 has it (no preflight needed).
  function tukar(badan) {
    return kirim("POST", c.web + "/login/oauth/access_token",
                 {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"},
                 new URLSearchParams(badan).toString()).then(function (j) {
      if (j.status === 200 && j.data && j.data.access_token) {
        sesi.token = j.data.access_token;
        sesi.segar = j.data.refresh_token || "";
      }
      return j;
    });
  }

  // OAuth2 with PKCE (RFC 7636), as a public client: the verifier stays in this tab, is traded
  // once for a token, and is then forgotten.
  function masukGitea(tujuan) {
    var q = jawabanGitea;
    var pkce = q && q.pkce;
    jawabanGitea = null;  // traded once
    if (q) {
      if (!pkce || q.state !== pkce.state) {
        return Promise.resolve({galat: "Masuk ditolak: jawaban Gitea tidak cocok dengan " +
                                       "permintaan halaman ini. Coba masuk lagi."});
      }
      if (q.error) {
        return Promise.resolve({galat: "Gitea tidak memberi izin masuk (" +
                                       String(q.error).slice(0, 80) + "). Coba lagi."});
      }
      return tukar({client_id: c.klien, code: q.code, code_verifier: pkce.verifier,
                    grant_type: "authorization_code", redirect_uri: alamatKembali()})
        .then(function (j) {
          if (!sesi.token) {
            return {galat: "Gitea tidak memberi izin masuk (kode " + j.status + "). Coba lagi, " +
                           "atau tanyakan admin Gitea apakah CORS sudah diaktifkan."};
          }
          return orangIni().then(function (o) {
            return o.status === 200 ? o.data : {galat: alasan(o, "Masuk")};
          });
        });
    }
    return new Promise(function () {  // this page is left for Gitea's; it comes back with ?code=
      var tombol = el("button", {type: "button", teks: "Masuk dengan akun Gitea"});
      $("pilih").textContent = "";
      $("pilih").appendChild(el("div", {"class": "masuk"}, [
        el("h2", {teks: "Masuk"}), tautanIni(tujuan),
        el("p", {teks: "Isian Anda disimpan langsung ke repositori kantor " + c.proyek +
                       " di " + c.web + ", atas nama akun Anda di sana. Tombol di bawah membuka " +
                       "halaman masuk Gitea, lalu kembali ke sini."}),
        tombol]));
      tombol.addEventListener("click", function () {
        var verifier = acak(48);
        var state = acak(24);
        crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)).then(function (h) {
          sessionStorage.setItem(PKCE, JSON.stringify({verifier: verifier, state: state,
                                                       kembali: tanpaJawaban()}));
          var u = new URL(c.web + "/login/oauth/authorize");
          u.searchParams.set("client_id", c.klien);
          u.searchParams.set("redirect_uri", alamatKembali());
          u.searchParams.set("response_type", "code");
          // only what the page needs (honoured from Gitea 1.23; older ones grant everything)
          u.searchParams.set("scope", "write:repository read:user");
          u.searchParams.set("code_challenge", b64url(new Uint8Array(h)));
          u.searchParams.set("code_challenge_method", "S256");
          u.searchParams.set("state", state);
          location.assign(u.href);
        });
      });
    });
  }

  function masuk(tujuan) {
    return (c.forge === "gitea" ? masukGitea(tujuan) : masukGithub(tujuan)).then(function (o) {
      if (o && o.galat) { $("umum").textContent = o.galat; sesi.token = ""; return masuk(tujuan); }
      $("umum").textContent = "";
      return o;
    });
  }

  function tombolKeluar() {
    if (document.querySelector("#orang .keluar")) return;
    var b = el("button", {type: "button", "class": "keluar", teks: "Keluar"});
    b.addEventListener("click", function () {
      sesi.token = "";
      sesi.segar = "";
      location.reload();
    });
    $("orang").appendChild(document.createTextNode(" "));
    $("orang").appendChild(b);
  }

  // Back from Gitea's sign-in: its answer is taken out of the address at once (the address
  // the person left, with the form's «#period/section», is put back), and kept for masukGitea.
  var jawabanGitea = null;
  (function () {
    var q = new URLSearchParams(location.search);
    if (c.forge !== "gitea" || !(q.get("code") || q.get("error"))) return;
    var pkce = null;
    try { pkce = JSON.parse(sessionStorage.getItem(PKCE) || "null"); } catch (e) { pkce = null; }
    sessionStorage.removeItem(PKCE);
    jawabanGitea = {code: q.get("code"), state: q.get("state"), error: q.get("error"), pkce: pkce};
    history.replaceState(null, "", pkce ? pkce.kembali : tanpaJawaban());
  })();

  window.KinerjaTuan = {
    $: $, nama: nama_host, namaOrang: namaOrang, masuk: masuk, tombolKeluar: tombolKeluar, alasan: alasan, api: api,
    forge: forge, blob: blob, ambil: ambil, jalanRepo: jalanRepo, jalanBerkas: jalanBerkas
  };
})();
