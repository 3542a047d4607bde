// Zensical 0.0.x draws its search dialog from JavaScript, in an open shadow root, with fixed
// English words (its documentation: «the search interface is not localized»); theme.language is
// not consulted. This puts the dialog's words into Indonesian as they appear. Under Material for
// MkDocs there is no such shadow root and nothing happens. A Chromium test opens the dialog in
// every state and fails on any English left, so a Zensical upgrade that rewords it is noticed.
(function () {
  "use strict";
  var KATA = {
    "Search": "Cari",
    "Search results": "Hasil pencarian",
    "Close search": "Tutup pencarian",
    "Filters": "Saring",
    "Tags": "Tag",
    "Use Up and Down arrow keys to move between tags. Press Space or Enter to toggle a tag.":
      "Gunakan tombol panah atas dan bawah untuk berpindah antartag; tekan Spasi atau Enter " +
      "untuk memilih tag.",
    "Loading search\u2026": "Mempersiapkan pencarian\u2026",
    "Search is unavailable. Reload the page to try again.":
      "Pencarian tidak tersedia. Muat ulang halaman untuk mencoba lagi.",
    "No results": "Tidak ada dokumen yang sesuai",
    "1 result": "1 dokumen ditemukan"
  };
  var JUMLAH = /^(\d[\d,]*) results$/;

  function terjemah(teks) {
    if (Object.prototype.hasOwnProperty.call(KATA, teks)) return KATA[teks];
    var m = JUMLAH.exec(teks);
    // «1,234 results» (en-US digits) → «1.234 dokumen ditemukan»
    return m ? m[1].replace(/,/g, ".") + " dokumen ditemukan" : null;
  }

  function ganti(node) {
    if (node.nodeType === 3) {
      var t = terjemah(node.data.trim());
      if (t !== null && t !== node.data) node.data = t;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    if (node.nodeType === 1) {
      ["aria-label", "placeholder", "title"].forEach(function (nama) {
        var v = node.getAttribute(nama), t = v && terjemah(v);
        if (t && t !== v) node.setAttribute(nama, t);
      });
    }
    for (var c = node.firstChild; c; c = c.nextSibling) ganti(c);
  }

  function amati(akar) {
    if (!akar || akar.__kinerjaId) return;
    akar.__kinerjaId = true;
    ganti(akar);
    new MutationObserver(function (ubah) {
      ubah.forEach(function (u) {
        if (u.type === "childList") u.addedNodes.forEach(ganti); else ganti(u.target);
      });
    }).observe(akar, {childList: true, subtree: true, characterData: true, attributes: true,
                      attributeFilter: ["aria-label", "placeholder", "title"]});
  }

  function cari() {
    for (var el = document.body.firstElementChild; el; el = el.nextElementSibling) {
      if (el.shadowRoot) amati(el.shadowRoot);
    }
  }
  cari();
  new MutationObserver(cari).observe(document.body, {childList: true});
})();
