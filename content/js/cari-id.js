// Zensical 0.0.x draws its search dialog from JavaScript, in an open shadow root, with fixed
// English words (its documentation: «the search interface is not localized»); theme.language is
// not consulted. This puts the dialog's words into Indonesian as they appear, and names each
// result by the text it shows. Under Material for
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
      // A result is named by its title alone though it shows the page's path and an excerpt
      // too; a voice-control user says what they see (WCAG 2.5.3): its name is all its text.
      if (node.getAttribute("role") === "option" && node.hasAttribute("aria-labelledby")) {
        node.removeAttribute("aria-labelledby");
      }
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
    // The dialog draws a result's path at 45% and a group's title at 54% of the text colour,
    // 3,4:1 on white (WCAG 1.4.3 asks 4,5:1). A stylesheet adopted by its shadow root darkens
    // both.
    // Zensical's class names are its build's (.n, .f); the Chromium accessibility test fails
    // if an upgrade renames them.
    if (akar.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === "function") {
      var gaya = new CSSStyleSheet();
      gaya.replaceSync(".n{color:rgb(var(--color-foreground)/.7)}" +
                       ".f{color:rgb(var(--color-foreground)/.72)}");
      akar.adoptedStyleSheets = akar.adoptedStyleSheets.concat([gaya]);
    }
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
