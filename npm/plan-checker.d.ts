import type { CheckOptions, Report, Template, TemplateInfo } from "./plancheck.js";

export { check } from "./plancheck.js";

/** Loads the WebAssembly module once; the element calls it itself. */
export declare function load(): Promise<void>;

/** The worker itself could not run (as opposed to a check it ran that failed). */
export declare class WorkerFailure extends Error {}

/** Checks in a Web Worker; at most one check in flight, superseded checks resolve to null. */
export declare class WorkerChecker {
  constructor(options?: { template?: Template | string | null; url?: string | URL });
  /** The template's id, name and horizon, once the worker has loaded it; rejects for a bad template. */
  ready(): Promise<TemplateInfo>;
  /**
   * The report for `text`, or null when a later call superseded this one before it ran —
   * or, with `{latest: true}`, before its report came back (a large report is then not read).
   */
  check(text: string, options?: CheckOptions, how?: { latest?: boolean }): Promise<Report | null>;
  terminate(): void;
}

export interface PlanCheckerErrorDetail { message: string; }

/**
 * `<plan-checker>`: an editor for a plan's text, checked as it is typed — the text of the
 * textarea inside it (kept in sync, for the form), of its own, or, with `for`, a textarea
 * elsewhere checked where it is. Events: `plancheck-input` (an edit by the user),
 * `plancheck-report` (detail: the report), `plancheck-ready`, `plancheck-error`.
 * Attributes: `template` (built-in id or URL of a template's JSON), `severity`
 * (`error` | `warning` | `info`, the least severe shown), `lang` (`zh-CN` | `en`), `for`,
 * `worker` (`auto` | `always` | `never`), `worker-threshold` (characters; default 20000),
 * `review` (a reviewer's controls: each finding can be set aside as 不适用 or 已说明 with a
 * reason; the reviewer's own comments are listed; both kept in this browser's storage).
 */
export declare class PlanCheckerElement extends HTMLElement {
  /** The last report, or null. */
  readonly report: Report | null;
  /**
   * The form's textarea: the one inside the element (hidden; its value kept in sync with
   * the editor's text) or the one named by `for`; null when the element has only its editor.
   */
  readonly textarea: HTMLTextAreaElement | null;
  /** The selection in the text, in UTF-16 code units. */
  readonly selection: { start: number; end: number };
  /** The loaded template's id, name and horizon, or null while loading. */
  readonly template: TemplateInfo | null;
  /** The text; setting it checks at once. */
  value: string;
  /** Whether the draft is ready; also the host's `data-verdict` attribute. */
  readonly verdict: "empty" | "not-a-plan" | "blocked" | "review" | "ready";
  /** Checks now; resolves to null when the text changed before the check finished. */
  check(): Promise<Report | null>;
  /** A built-in id, a URL, JSON text or an object; rejects for a malformed template, naming the field. */
  setTemplate(template: string | Template): Promise<TemplateInfo | null>;
  /** The current text's report as Markdown, headed by `name`. */
  markdown(name?: string): string;
  /**
   * Reads a picked file into the text — text in UTF-8, GB18030 or UTF-16 with a BOM, or
   * a Word document (.docx) as the text Word displays — and checks it; rejects with a
   * message for the user.
   */
  openFile(file: File): Promise<Report | null>;
  /** Where the text came from after `openFile`; `null` once edited or set by script. */
  readonly source: TextSource | DocxSource | null;
  /** Selects a span in the text and scrolls it into view (a finding is shown without selecting it). */
  select(span: { start: number; end: number }): void;
  /** The reviewer's decisions on the current report (with `review`). */
  readonly decisions: Decisions;
  /** Sets a finding aside (不适用 / 已说明, with a reason); with no status, back in. */
  decide(finding: Report["findings"][number], status: "不适用" | "已说明" | null, reason?: string): void;
  /** A comment of the reviewer's own on `start..end` (UTF-16; default: the selection). */
  addComment(text: string, start?: number, end?: number): boolean;
  removeComment(index: number): void;
  /**
   * The draft as Word (.docx bytes) with the findings not set aside and the reviewer's
   * comments as 批注: the opened Word file itself while its text is unedited, else the
   * text as a new document. Loads the hand-back's module on first use.
   */
  returnedDraft(options?: { reviewer?: string; date?: string }): Promise<Uint8Array>;
  /** Whether `returnedDraft` gives back the Word file opened (its text is unedited). */
  readonly returnsOriginal: boolean;
  /**
   * The report for a file: as the checker made it or, once the reviewer has set findings
   * aside or commented, `{schema: "plancheck/review@1", reviewer, kept: {errors, warnings,
   * infos}, set_aside, comments, report}`.
   */
  reviewReport(options?: { reviewer?: string }): Report | ReviewReport | null;
  /** The 意见反馈表 (.docx bytes) of the text, with the reviewer's decisions. */
  feedbackForm(options?: { reviewer?: string; date?: string; name?: string }): Promise<Uint8Array>;
}

/** A report with a reviewer's decisions beside it. */
export interface ReviewReport {
  schema: "plancheck/review@1";
  reviewer: string;
  kept: { errors: number; warnings: number; infos: number };
  set_aside: Decisions["dismissed"];
  comments: Decisions["comments"];
  report: Report;
}

/** What a reviewer decided beside the findings: UTF-16 spans into the text checked. */
export interface Decisions {
  dismissed: { rule: string; message?: string; start: number; end: number; status: "不适用" | "已说明"; reason: string }[];
  comments: { start: number; end: number; text: string }[];
}

/**
 * The draft handed back (for a portal's own button): Word with the findings and the
 * reviewer's comments as 批注 — the Word file `docx` as it came, else `text` as a new
 * document — authored by `reviewer` (default 审核人) on `date` (default today).
 */
export declare function returnedDraft(options: {
  text: string; docx?: Uint8Array | null; decisions?: Partial<Decisions>; reviewer?: string; date?: string;
  /** A province's template as JSON text (default: the national one). */
  template?: string | null;
}): Promise<Uint8Array>;
/** A 意见反馈表 (.docx bytes) for `text`: a row per finding and per reviewer's comment. */
export declare function feedbackForm(options: {
  text: string; name?: string; decisions?: Partial<Decisions>; reviewer?: string; date?: string;
  template?: string | null;
}): Promise<Uint8Array>;

/**
 * A plan's file read as text, without checking it (a portal's batch, say); rejects with a
 * message for the user, in `lang`, when the file cannot be read as a plan.
 */
export declare function readPlanFile(file: File, lang?: string): Promise<{ text: string; source: TextSource | DocxSource }>;

export interface TextSource { name: string; kind: "text"; encoding: "UTF-8" | "UTF-16LE" | "UTF-16BE" | "GB18030"; }
/** A Word file: tracked changes read as accepted; comments kept here, not checked. */
export interface DocxSource {
  name: string; kind: "docx"; paragraphs: number; numbered: number; tables: number;
  insertions: number; deletions: number; comments: { author: string; text: string }[];
}

declare global {
  interface HTMLElementTagNameMap { "plan-checker": PlanCheckerElement; }
  interface HTMLElementEventMap {
    "plancheck-report": CustomEvent<Report>;
    "plancheck-ready": CustomEvent<TemplateInfo>;
    "plancheck-error": CustomEvent<PlanCheckerErrorDetail>;
  }
}
