// Moving between findings: F8 / Shift+F8 from anywhere in the element, arrows in the list,
// the caret in the text. The current finding is marked in the list, scrolled into view
// there, and outlined in the text.

export class Navigator {
  // The finding shown in the text, by its place in the list.
  current = -1;

  /** `list`: the findings' container; `editor()`: the editor, or null. */
  constructor(list, editor) {
    this.list = list;
    this.editor = editor;
  }

  /** Listens on the element: F8 / Shift+F8 anywhere in it, the arrows and the ↑ ↓ buttons. */
  wire(host, shadow, p) {
    this.list = p.findings;
    p.findings.addEventListener("keydown", (e) => this.onKey(e, shadow.activeElement));
    p.previous.addEventListener("click", () => this.step(-1, true));
    p.next.addEventListener("click", () => this.step(1, true));
    host.addEventListener("keydown", (e) => {
      if (e.key !== "F8" || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      this.step(e.shiftKey ? -1 : 1, p.findings.contains(shadow.activeElement));
    });
  }

  items() {
    return [...this.list.querySelectorAll(".finding")];
  }

  // The next or previous finding, in the list's order, becomes the current one; focus
  // moves with it only when it was in the list.
  step(by, focus) {
    const items = this.items();
    if (!items.length) return;
    const at = this.current < 0 ? (by > 0 ? 0 : items.length - 1) : (this.current + by + items.length) % items.length;
    this.show(items[at]);
    if (focus) items[at].focus();
  }

  // Marks a finding as the current one and shows its text: scrolled into view and
  // highlighted, never selected, and focus stays where it is. The list scrolls to it too.
  show(item) {
    this.#mark(item);
    this.showSpan(item.finding.span);
  }

  // The current finding, marked in the list (opened, when it is folded with others of its
  // kind), outlined in the text and scrolled into view in the list.
  #mark(item) {
    const folded = item.closest("details");
    if (folded) folded.open = true;
    const items = this.items();
    this.current = items.indexOf(item);
    for (const other of items) other.removeAttribute("aria-current");
    item.setAttribute("aria-current", "true");
    this.editor()?.outline(item.finding.span);
    item.scrollIntoView({ block: "nearest" });
  }

  // Scrolls the text to a span, without selecting it or moving focus.
  showSpan(span) {
    const editor = this.editor();
    if (!editor) return;
    editor.reveal(span);
    // On a narrow screen the text is above the list: bring it into view.
    const box = editor.dom.getBoundingClientRect();
    if (box.bottom < 0 || box.top > innerHeight) editor.dom.scrollIntoView({ block: "nearest" });
  }

  // The findings at the caret, after a click or a move in the text: the first becomes the
  // current one and the list shows it; focus stays in the text.
  atCaret(at) {
    const items = this.items();
    const here = items.filter((i) => i.finding.span.start <= at && at <= i.finding.span.end);
    for (const i of items) i.classList.toggle("at-caret", here.includes(i));
    if (!here.length) return;
    this.#mark(here[0]);
  }

  // Up and down arrows move between findings.
  onKey(e, active) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const items = this.items();
    const at = items.indexOf(active);
    if (at < 0) return;
    e.preventDefault();
    items[Math.min(items.length - 1, Math.max(0, at + (e.key === "ArrowDown" ? 1 : -1)))].focus();
  }
}
