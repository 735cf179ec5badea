// The reviewer's decisions on a document (the element's `review` attribute): findings set
// aside (不适用 / 已说明, with a reason) and comments of their own, kept in this browser's
// storage under the document's title.

/** A text's first line that is not blank, trimmed; read no further than it. */
function firstLine(text) {
  for (let at = 0; at < text.length;) {
    const end = text.indexOf("\n", at);
    const line = text.slice(at, end < 0 ? text.length : end).trim();
    if (line) return line;
    if (end < 0) break;
    at = end + 1;
  }
  return "";
}

// A finding's identity across checks of an edited text: its rule, what it is about (a
// category, an indicator) and the words it quotes — the message without its counts,
// which move as the text is edited.
function reviewKey(f) {
  return [f.rule, f.category ?? "", f.indicator ?? "", f.excerpt, f.message.replace(/\d+/g, "#")].join("\u0000");
}

export class Review {
  key = null;
  dismissed = new Map();
  comments = [];

  /** The decisions of the document with this title (else this text's first line). */
  load(title, text) {
    const key = `plancheck:review:${title || firstLine(text).slice(0, 60)}`;
    if (key === this.key) return;
    let kept = null;
    try {
      kept = JSON.parse(localStorage.getItem(key) || "null");
    } catch {
      kept = null;
    }
    this.key = key;
    this.dismissed = new Map(kept?.dismissed ?? []);
    this.comments = kept?.comments ?? [];
  }

  save() {
    if (!this.key) return;
    try {
      if (this.dismissed.size || this.comments.length) {
        localStorage.setItem(this.key, JSON.stringify({ dismissed: [...this.dismissed], comments: this.comments }));
      } else localStorage.removeItem(this.key);
    } catch {
      // Storage full or disabled: the decisions last as long as the page.
    }
  }

  /** The decision on a finding, `{status, reason}`, or `undefined`. */
  of(f) {
    return this.dismissed.get(reviewKey(f));
  }

  decide(f, status, reason = "") {
    if (status) this.dismissed.set(reviewKey(f), { status, reason });
    else this.dismissed.delete(reviewKey(f));
    this.save();
  }

  comment(start, end, text, quote) {
    this.comments.push({ start, end, text, quote });
    this.comments.sort((a, b) => a.start - b.start);
    this.save();
  }

  uncomment(index) {
    this.comments.splice(index, 1);
    this.save();
  }

  /** What the reviewer decided on a report's findings, as the element's `decisions`. */
  decisions(report) {
    const dismissed = [];
    for (const f of report?.findings ?? []) {
      const d = this.of(f);
      if (d) dismissed.push({ rule: f.rule, message: f.message, start: f.span.start, end: f.span.end, status: d.status, reason: d.reason });
    }
    const comments = this.comments.map(({ start, end, text }) => ({ start, end, text }));
    return { dismissed, comments };
  }
}
