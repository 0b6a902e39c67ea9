// Generates benchmark reports: the seed report with full official tables (figures from the
// 2019-format sample), repeated 1×, 4×, 16× and 64×: more parts and paragraphs, and more tables
// up to the viewer's limits (model::VIEWER_LIMITS: 16 tables, 500 parts and subsections): from
// the sixth copy on, a copy's tables are left out, and from the ninth its subsections' text goes
// into their part (all text kept), so every size is a report the viewer shows.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The most tables the viewer shows in one report. */
const MAX_TABLES = 16;
/** Copies from this one on have their subsections folded into their parts (the viewer shows at
 * most 500 parts and subsections; the seed has 13). */
const FLAT_FROM = 8;

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
        if (c >= FLAT_FROM) {
          const flatten = (s) => { for (const sub of s.sections ?? []) { flatten(sub); s.blocks = [...(s.blocks ?? []), { type: 'paragraph', text: `${sub.number ?? ''}${sub.title}` }, ...(sub.blocks ?? [])]; } delete s.sections; };
          flatten(copy);
        }
        if (c >= Math.floor(MAX_TABLES / 3)) {
          const drop = (s) => { s.blocks = (s.blocks ?? []).filter((b) => b.type !== 'table'); (s.sections ?? []).forEach(drop); };
          drop(copy);
        }
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
