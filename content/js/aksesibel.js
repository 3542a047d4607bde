// What the theme's pages lack for keyboard and screen-reader users, added in the page (the
// theme's templates are not ours to edit, and both builders share this file):
//
// A table wider than the screen scrolls inside its own box (the theme wraps each table in one).
// A keyboard user can scroll such a box only if it can take focus, and a screen reader should
// say what it holds: each box that actually overflows becomes a focusable region named after
// the table's caption or the heading above it (WCAG 2.1.1, 4.1.2). Boxes that fit stay out of
// the tab order. Rechecked when the window is resized (a phone turned sideways).
(function () {
  "use strict";

  function kotak(tabel) {
    // Material and Zensical wrap tables in .md-typeset__scrollwrap; without it, the parent
    return tabel.closest(".md-typeset__scrollwrap") || tabel.parentElement;
  }

  function nama(tabel) {
    var judul = tabel.querySelector("caption");
    if (judul && judul.textContent.trim()) return judul.textContent.trim();
    for (var el = kotak(tabel); el; el = el.previousElementSibling || el.parentElement) {
      if (/^H[1-6]$/.test(el.tagName)) return el.textContent.replace(/\s+/g, " ").trim();
      if (el.classList && el.classList.contains("md-content")) break;
    }
    return "";
  }

  function tandai() {
    var tabel = document.querySelectorAll(".md-typeset table");
    for (var i = 0; i < tabel.length; i++) {
      var k = kotak(tabel[i]);
      if (!k) continue;
      if (k.scrollWidth > k.clientWidth + 1) {
        k.setAttribute("tabindex", "0");
        k.setAttribute("role", "region");
        var n = nama(tabel[i]);
        k.setAttribute("aria-label", "Tabel" + (n ? ": " + n : "") + " (geser ke samping)");
      } else if (k.hasAttribute("tabindex")) {
        k.removeAttribute("tabindex");
        k.removeAttribute("role");
        k.removeAttribute("aria-label");
      }
    }
  }

  // Material's search box is a dialog without a name; a screen reader announces it by one.
  function namai() {
    var d = document.querySelectorAll("[role='dialog']:not([aria-label]):not([aria-labelledby])");
    for (var i = 0; i < d.length; i++) d[i].setAttribute("aria-label", "Pencarian");
  }

  var tunda = null;
  namai();
  window.addEventListener("load", tandai);
  window.addEventListener("resize", function () {
    clearTimeout(tunda);
    tunda = setTimeout(tandai, 150);
  });
})();
