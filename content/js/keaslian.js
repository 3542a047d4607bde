// «Periksa keaslian dokumen»: the PDF a citizen chooses is read here, in the browser (no upload,
// no server); its SHA-256 (Web Crypto) is looked up in the archive's index of every document it
// publishes. A file that is not there but names a known seal in its own metadata is said to be
// altered, or superseded; anything else is unknown. The index is written by «kinerja situs».
(function () {
  "use strict";
  var masukan = document.getElementById("berkas-pdf");
  var hasil = document.getElementById("hasil-keaslian");
  if (!masukan || !hasil) {
    return;
  }

  function tulis(kelas, teks, tautan) {
    hasil.className = "keaslian-" + kelas;
    hasil.textContent = teks;
    if (tautan) {
      var a = document.createElement("a");
      a.href = "../" + tautan;
      a.textContent = "Lihat blok keasliannya";
      hasil.appendChild(document.createTextNode(" "));
      hasil.appendChild(a);
      hasil.appendChild(document.createTextNode("."));
    }
  }

  function heks(buffer) {
    var bita = new Uint8Array(buffer);
    var keluar = "";
    for (var i = 0; i < bita.length; i++) {
      keluar += (bita[i] < 16 ? "0" : "") + bita[i].toString(16);
    }
    return keluar;
  }

  // The seal a PDF claims, from the keywords kinerja writes into it (plain ASCII in its
  // metadata); a claim only, never proof.
  function segelDiklaim(bita) {
    var pola = "kinerja-segel:";
    var teks = "";
    // Latin-1, chunk by chunk: a PDF's bytes as characters, one for one.
    for (var i = 0; i < bita.length; i += 32768) {
      teks += String.fromCharCode.apply(null, bita.subarray(i, i + 32768));
    }
    var awal = teks.indexOf(pola);
    if (awal < 0) {
      return null;
    }
    var sidik = teks.substr(awal + pola.length, 64);
    return /^[0-9a-f]{64}$/.test(sidik) ? sidik : null;
  }

  masukan.addEventListener("change", function () {
    var berkas = masukan.files && masukan.files[0];
    if (!berkas) {
      return;
    }
    if (!window.crypto || !window.crypto.subtle) {
      tulis("galat", "Peramban ini tidak dapat menghitung SHA-256 (buka halaman ini lewat https).");
      return;
    }
    tulis("proses", "Memeriksa " + berkas.name + "…");
    var bita;
    berkas.arrayBuffer().then(function (isi) {
      bita = new Uint8Array(isi);
      return Promise.all([
        window.crypto.subtle.digest("SHA-256", isi),
        fetch("../keaslian.json", { cache: "no-cache" }).then(function (r) {
          if (!r.ok) {
            throw new Error("daftar dokumen tidak dapat dimuat (" + r.status + ")");
          }
          return r.json();
        })
      ]);
    }).then(function (hasilnya) {
      var sidik = heks(hasilnya[0]);
      var indeks = hasilnya[1];
      var dok = indeks.dokumen[sidik];
      if (dok) {
        if (dok.berlaku) {
          tulis("asli", "Asli: " + berkas.name + " identik dengan " + dok.judul + " versi " +
            dok.versi + " yang diterbitkan " + indeks.kantor + ".", dok.halaman);
        } else {
          tulis("diganti", "Asli, tetapi sudah diganti: " + berkas.name + " adalah " +
            dok.judul + " versi " + dok.versi + ", yang telah direvisi.", dok.halaman);
        }
        return;
      }
      var segel = segelDiklaim(bita);
      var versi = segel && indeks.segel[segel];
      if (versi && versi.berlaku) {
        tulis("berbeda", "Tidak asli: " + berkas.name + " menyebut " + versi.judul + " versi " +
          versi.versi + ", tetapi isinya tidak sama dengan dokumen yang diterbitkan — berkas ini " +
          "telah diubah. Mintalah salinan dari arsip.", versi.halaman);
      } else if (versi) {
        tulis("diganti", "Versi lama: " + berkas.name + " menyebut " + versi.judul + " versi " +
          versi.versi + ", yang " + (versi.keterangan || "telah diganti") + ".", versi.halaman);
      } else {
        tulis("tidak-dikenal", "Tidak dikenal: " + berkas.name + " bukan dokumen yang " +
          "diterbitkan arsip " + indeks.kantor + " (draf, dokumen kantor lain, atau telah diubah).");
      }
    }).catch(function (e) {
      tulis("galat", "Pemeriksaan gagal: " + e.message);
    });
  });
}());
