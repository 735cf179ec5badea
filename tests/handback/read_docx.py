"""Reads a Word document the way an independent tool does (python-docx, on lxml) and
prints what a test compares: each comment's author, date and text with the text it is
anchored on, the tables' cells, and the paragraphs — as JSON on stdout.

Usage: python3 read_docx.py FILE.docx
"""

import json
import sys

import docx
from docx.oxml.ns import qn


def anchored_texts(document):
    """The text between each commentRangeStart and commentRangeEnd, in document order,
    deleted text left out (w:delText is not w:t)."""
    body = document.element.body
    open_ids, texts = [], {}
    for el in body.iter():
        if el.tag == qn("w:commentRangeStart"):
            cid = el.get(qn("w:id"))
            open_ids.append(cid)
            texts.setdefault(cid, "")
        elif el.tag == qn("w:commentRangeEnd"):
            cid = el.get(qn("w:id"))
            if cid in open_ids:
                open_ids.remove(cid)
        elif el.tag == qn("w:t") and el.text:
            for cid in open_ids:
                texts[cid] += el.text
    return texts


def comments(document):
    part = document.part
    for rel in part.rels.values():
        if rel.reltype.endswith("/comments"):
            root = rel.target_part.element if hasattr(rel.target_part, "element") else None
            if root is None:
                from lxml import etree

                root = etree.fromstring(rel.target_part.blob)
            out = []
            for c in root.iter(qn("w:comment")):
                text = "\n".join(
                    "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in c.iter(qn("w:p"))
                )
                out.append(
                    {
                        "id": c.get(qn("w:id")),
                        "author": c.get(qn("w:author")),
                        "date": c.get(qn("w:date")),
                        "text": text,
                    }
                )
            return out
    return []


def main():
    document = docx.Document(sys.argv[1])
    anchors = anchored_texts(document)
    found = comments(document)
    for c in found:
        c["anchored"] = anchors.get(c["id"])
    print(
        json.dumps(
            {
                "paragraphs": [p.text for p in document.paragraphs],
                "headings": [
                    [p.style.name, p.text]
                    for p in document.paragraphs
                    if p.style is not None and p.style.name.startswith("Heading")
                ],
                "tables": [[[cell.text for cell in row.cells] for row in t.rows] for t in document.tables],
                "comments": found,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
