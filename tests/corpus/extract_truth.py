#!/usr/bin/env python3
"""Ground truth for the real-page corpus, recorded independently of the importer.

Reads each corpus page with Python's own HTML parser, expands every <table> into a grid by its
rowspan/colspan, and takes the official tables' data cells by POSITION (the last N grid columns of
each data row, in the order the official forms print them), never by matching labels as the
importer does. Paragraphs are the text of the article's block elements. The result is written to
tests/corpus/truth/YEAR.json and was checked by eye against the pages (see README.md here).

Usage: python3 tests/corpus/extract_truth.py ../shared/corpus/pingtan  [--show]
"""
import html.parser, json, os, re, sys

BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "li", "td", "th", "tr", "table", "br", "section"}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables = []      # each: list of rows, each row a list of (text, rowspan, colspan)
        self.stack = []       # open tables
        self.cell = None
        self.meta = {}
        self.skip = 0
        self.paras = []       # block texts outside tables, inside the article
        self.article = 0      # depth inside the article container
        self.depth = 0
        self.buf = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "meta" and a.get("name"):
            self.meta[a["name"]] = a.get("content", "")
        if tag == "div":
            self.depth += 1
            cls = a.get("class", "") or ""
            if self.article == 0 and ("article_content" in cls.split() or "TRS_Editor" in cls.split()):
                self.article = self.depth
        if tag == "table":
            self.flush()
            self.stack.append([])
        elif tag == "tr" and self.stack:
            self.stack[-1].append([])
        elif tag in ("td", "th") and self.stack:
            self.cell = {"text": [], "rowspan": int(re.sub(r"\D", "", a.get("rowspan") or "1") or 1),
                         "colspan": int(re.sub(r"\D", "", a.get("colspan") or "1") or 1)}
        elif tag in BLOCK and not self.stack:
            self.flush()

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        if tag in ("td", "th") and self.stack and self.cell is not None:
            if not self.stack[-1]:
                self.stack[-1].append([])
            text = re.sub(r"\s+", " ", "".join(self.cell["text"]).replace("\xa0", " ")).strip()
            self.stack[-1][-1].append((text, self.cell["rowspan"], self.cell["colspan"]))
            self.cell = None
        elif tag == "table" and self.stack:
            self.tables.append(self.stack.pop())
        elif tag in BLOCK and not self.stack:
            self.flush()
        if tag == "div":
            if self.article == self.depth:
                self.flush()
                self.article = 0
            self.depth -= 1

    def handle_data(self, data):
        if self.skip:
            return
        if self.cell is not None:
            self.cell["text"].append(data)
        elif not self.stack and self.article:
            self.buf.append(data)

    def flush(self):
        text = re.sub(r"\s+", " ", "".join(self.buf).replace("\xa0", " ")).strip()
        if text:
            self.paras.append(text)
        self.buf = []


def grid(rows):
    """Expands spans: grid[r][c] = (text, (row, column) of the cell's top left), as a browser lays
    the table out."""
    out, taken = [], {}
    for r, row in enumerate(rows):
        line, c = [], 0
        for text, rs, cs in row:
            while (r, c) in taken:
                line.append(taken.pop((r, c)))
                c += 1
            start = c
            for _ in range(cs):
                line.append((text, (r, start)))
                for dr in range(1, rs):
                    taken[(r + dr, c)] = (text, (r, start))
                c += 1
        while (r, c) in taken:
            line.append(taken.pop((r, c)))
            c += 1
        out.append(line)
    return out


def origins_distinct(line):
    """The cells of a grid row, one per origin (a cell spanning columns counts once)."""
    seen, out = set(), []
    for text, origin in line:
        if origin not in seen:
            seen.add(origin)
            out.append((text, origin))
    return out


FIGURE = re.compile(r"^[+\-－]?[\d.,，]*$|^[/／—–\-]$|^$")


def kind(g):
    t = " ".join(x[0] for row in g for x in row)
    if "第二十条" in t:
        return "table2"
    if "申请人情况" in t or "本年新收" in t:
        return "table3"
    if "行政复议" in t and "行政诉讼" in t and "结果维持" in t:
        return "table4"
    return None


def data_rows(g, width):
    """Rows whose last `width` distinct cells are all figures (or blank), below the header."""
    rows = []
    for line in g:
        cells = origins_distinct(line)
        if len(cells) < width:
            continue
        tail = [t for t, _ in cells[-width:]]
        label = " / ".join(dict.fromkeys(t for t, _ in cells[:-width] if t))
        if all(FIGURE.match(t) for t in tail) and any(t for t in tail) or (label and all(FIGURE.match(t) for t in tail) and label[:1] in "一二三四（(1234567890"):
            rows.append({"label": label, "cells": tail})
    return rows


def truth_of(path):
    p = Page()
    p.feed(open(path, encoding="utf-8").read())
    tables = {}
    generic = 0
    for rows in p.tables:
        g = grid(rows)
        k = kind(g)
        if k == "table3":
            tables[k] = data_rows(g, 7)
        elif k == "table4":
            # One data row of 15 cells: the last row of the grid.
            tables[k] = [{"label": "", "cells": [t for t, _ in origins_distinct(g[-1])][-15:]}]
        elif k == "table2":
            # Each block: a 第二十条 heading row, a 信息内容 header row, then data rows whose first
            # cell is the item and the rest (distinct cells) its figures.
            blocks, cur = [], None
            for line in g:
                cells = origins_distinct(line)
                texts = [t for t, _ in cells]
                if any("第二十条" in t for t in texts):
                    cur = {"heading": " ".join(texts), "header": None, "rows": []}
                    blocks.append(cur)
                elif cur is not None and texts and "信息内容" in texts[0]:
                    cur["header"] = texts
                elif cur is not None and texts:
                    # Figures by grid column under each header cell: a data cell spanning two
                    # grid columns sits under the header cell that starts where it starts.
                    cur["rows"].append({"label": texts[0], "grid": [t for t, _ in line], "origins": [o for _, o in line]})
            tables[k] = blocks
        else:
            generic += 1
    return p, tables, generic


PART = re.compile(r"^([一二三四五六七八九十]+)、\s*(.+)$")


def fails(tables):
    """The identities of the forms (R3.1, R3.2, R3.3, R4.1) checked on the printed cells, blank
    counted as 0: a second implementation, to compare the checker with."""
    out = []
    num = lambda t: float(t) if re.match(r"^-?\d+(\.\d+)?$", t) else 0.0
    t3 = tables.get("table3")
    if t3:
        rows = [[num(x) for x in r["cells"]] for r in t3]
        for i, r in enumerate(rows):
            if abs(sum(r[:6]) - r[6]) > 1e-9:
                out.append({"rule": "R3.3", "row": i})
        for c in range(7):
            results = sum(r[c] for r in rows[2:-2])
            if abs(results - rows[-2][c]) > 1e-9:
                out.append({"rule": "R3.2", "column": c})
            if abs(rows[0][c] + rows[1][c] - rows[-2][c] - rows[-1][c]) > 1e-9:
                out.append({"rule": "R3.1", "column": c})
    t4 = tables.get("table4")
    if t4:
        cells = [num(x) for x in t4[0]["cells"]]
        for g in range(3):
            if abs(sum(cells[g * 5:g * 5 + 4]) - cells[g * 5 + 4]) > 1e-9:
                out.append({"rule": "R4.1", "group": g})
    return out


def truth(path):
    p, tables, _ = truth_of(path)
    title = p.meta.get("ArticleTitle", "")
    flat_title = re.sub(r"\s", "", title)
    paragraphs = [x for x in p.paras if re.sub(r"\s", "", x) not in flat_title]
    parts, n = [], 0
    for x in paragraphs:
        m = PART.match(x)
        if m and "一二三四五六七八九十".index(m.group(1)[0]) == n and len(m.group(2)) <= 40:
            parts.append(x)
            n += 1
    raw = open(path, encoding="utf-8").read()
    agency = re.search(r"主办单位[:：]\s*([^<\s]+)", raw)
    t = {
        "title": title,
        "agency": agency.group(1) if agency else "",
        "published": p.meta.get("PubDate", "").replace(" ", "T"),
        "parts": parts,
        "paragraphs": paragraphs,
    }
    if "table2" in tables:
        t["table2"] = [
            [{"label": r["label"], "cells": [x for x, _ in origins_distinct(list(zip(r["grid"], map(tuple, r["origins"]))))][1:]}
             for r in b["rows"]]
            for b in tables["table2"]
        ]
    if "table3" in tables:
        t["table3"] = tables["table3"]
    if "table4" in tables:
        t["table4"] = tables["table4"][0]["cells"]
    t["failures"] = fails(tables)
    return t


if __name__ == "__main__":
    folder = sys.argv[1]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "truth")
    os.makedirs(out, exist_ok=True)
    for name in sorted(os.listdir(folder)):
        if name.endswith(".html"):
            t = truth(os.path.join(folder, name))
            with open(os.path.join(out, name.replace(".html", ".json")), "w", encoding="utf-8") as f:
                json.dump(t, f, ensure_ascii=False, indent=1)
                f.write("\n")
            print(name, "parts", len(t["parts"]), "paragraphs", len(t["paragraphs"]),
                  "tables", [k for k in t if k.startswith("table")], "failures", t["failures"])
            if "--show" in sys.argv:
                for k in ("table2", "table3", "table4"):
                    if k in t:
                        print(" ", k, json.dumps(t[k], ensure_ascii=False))
