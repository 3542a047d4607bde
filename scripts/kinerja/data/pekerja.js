// The form page's checker: Pyodide with kinerja, in a Web Worker so the page never stalls while
// Python starts or checks. It runs kinerja's own calls (kinerja/buat/peramban.py) by name, with
// JSON in and JSON out, and holds the office's files the page fetched in its own memory.
// Everything it loads comes from this site: Pyodide (pinned, from npm) and kinerja with a
// pure-Python PyYAML, packed by «kinerja situs».
let siap = null;

async function mulai(pyodide, paket) {
  const { loadPyodide } = await import(new URL(pyodide + "pyodide.mjs", self.location.href).href);
  const py = await loadPyodide({ indexURL: new URL(pyodide, self.location.href).href });
  const jawab = await fetch(new URL(paket, self.location.href).href);
  if (!jawab.ok) throw new Error("paket kinerja tidak dapat dimuat (" + jawab.status + ")");
  py.unpackArchive(await jawab.arrayBuffer(), "zip", { extractDir: "/kinerja-py" });
  py.runPython("import sys; sys.path.insert(0, '/kinerja-py')");
  return py.pyimport("kinerja.buat.peramban");
}

self.onmessage = async (e) => {
  const { id, nama, argumen, awal } = e.data;
  if (awal) siap = mulai(awal.pyodide, awal.paket);
  try {
    const modul = await siap;
    const hasil = nama ? JSON.parse(modul.panggil(nama, JSON.stringify(argumen))) : { status: 200 };
    self.postMessage({ id, hasil });
  } catch (err) {
    // a bug or a load failure: said as it is, for the person to pass on
    self.postMessage({ id, hasil: { status: 500, pesan: "pemeriksa di peramban gagal: " +
                                    String(err && err.message || err).slice(-600) } });
  }
};
