// Generates benchmark reports: the seed report with full official tables (figures from the
// 2019-format sample), repeated 1×, 4×, 16× and 64×: more parts, paragraphs and tables.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function generate(root, outDir, sizes) {
  const seed = JSON.parse(await readFile(join(root, 'public/reports/erlianhaote-2020.json'), 'utf8'));
  const sample = JSON.parse(await readFile(join(root, 'public/reports/sample-2019.json'), 'utf8'));
  const tables = {};
  const walk = (sections) => sections.forEach((s) => { (s.blocks ?? []).forEach((b) => { if (b.type === 'table') tables[b.template] = b.values; }); walk(s.sections ?? []); });
  walk(sample.sections);
  await mkdir(outDir, { recursive: true });
  const files = [];
  for (const n of sizes) {
    const report = structuredClone(seed);
    report.meta.title = `${seed.meta.title}（基准测试 ${n}×）`;
    report.meta.sample = true;
    report.sections = [];
    for (let c = 0; c < n; c++) {
      for (const part of seed.sections) {
        const copy = structuredClone(part);
        const rename = (s) => { s.id = `${s.id}-c${c}`; (s.sections ?? []).forEach(rename); (s.blocks ?? []).forEach((b) => { if (b.type === 'table') { b.id = `${b.id}-c${c}`; b.values = tables[b.template] ?? b.values; } }); };
        rename(copy);
        if (c > 0) copy.title = `${copy.title}（第${c + 1}组）`;
        report.sections.push(copy);
      }
    }
    const file = join(outDir, `bench-${n}x.json`);
    await writeFile(file, JSON.stringify(report, null, 2));
    files.push({ n, file });
  }
  return files;
}
