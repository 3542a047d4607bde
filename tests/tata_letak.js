(lebar) => {
  const r = [];
  const vw = window.innerWidth;
  if (document.documentElement.scrollWidth > vw + 1)
    r.push('halaman bergeser ke samping: ' + document.documentElement.scrollWidth + 'px');
  // Text meant only for screen readers is clipped to a pixel on purpose: not «cut».
  const terlihat = e => { const b = e.getBoundingClientRect(); const s = getComputedStyle(e);
    return b.width > 2 && b.height > 2 && b.right > 0 && b.left < vw && s.visibility !== 'hidden' && !e.closest('[hidden],[aria-hidden="true"]'); };
  for (const e of document.body.querySelectorAll('*')) {
    if (!terlihat(e) || e.clientWidth === 0) continue;
    const s = getComputedStyle(e);
    const lebih = e.scrollWidth > e.clientWidth + 1;
    if (lebih && (s.textOverflow === 'ellipsis' || ((s.overflowX === 'hidden' || s.overflowX === 'clip') && e.textContent.trim())))
      r.push('terpotong: ' + e.tagName.toLowerCase() + '.' + e.className + ' «' + e.textContent.trim().slice(0, 50) + '»');
    if (lebar && lebih && (s.overflowX === 'auto' || s.overflowX === 'scroll') && e.closest('article'))
      r.push('perlu digeser pada ' + vw + 'px: ' + e.tagName.toLowerCase() + '.' + e.className);
  }
  return r;
}
