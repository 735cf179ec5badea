// What the element says, in Chinese and in English.

import { DOCX_MB, TEXT_MB } from "./limits.js";

export const STRINGS = {
  "zh-CN": {
    verdict: {
      empty: "请粘贴或打开方案草稿。",
      "not-a-plan": "这段文字不是实施方案正文（没有重点任务部分），未逐项对照模板检查。",
      blocked: (s) => `尚不能提交：${s.errors} 个错误需修改${s.warnings ? `，另有 ${s.warnings} 个警告待核对` : ""}。模板指标提及 ${s.indicators_mentioned} / ${s.indicators_expected} 项。`,
      review: (s) => `无错误；${s.warnings} 个警告请核对后提交。模板指标提及 ${s.indicators_mentioned} / ${s.indicators_expected} 项。`,
      ready: (s) => `未发现错误或警告，可以提交。模板指标提及 ${s.indicators_mentioned} / ${s.indicators_expected} 项。`,
    },
    next: "下一个问题（F8）",
    previous: "上一个问题（Shift+F8）",
    moduleFailed: (m) => `检查器未能加载（${m}），请刷新页面重试`,
    noWasm: "此浏览器不支持 WebAssembly，无法运行检查器；请使用新版 Chrome、Edge、Firefox，或 360/QQ 浏览器的极速模式",
    legacyWps: (name) => `${name} 是 WPS 文字文件（.wps），请在 WPS 中另存为 .docx 后打开`,
    groupTitle: (title, n) => `${title}（${n}）`,
    severity: { error: "错误", warning: "警告", info: "提示" },
    count: { error: (n) => `${n} 个错误`, warning: (n) => `${n} 个警告`, info: (n) => `${n} 个提示` },
    status: { covered: "有章节", partial: "无章节（见于内容）", missing: "缺失" },
    loading: "正在加载检查器……",
    checking: "正在检查……",
    checked: (title) => (title ? `已检查：${title}` : "已检查"),
    failed: (m) => `检查出错：${m}`,
    templateFailed: (m) => `模板有误：${m}`,
    fetchFailed: (url, why) => `无法读取模板 ${url}：${why}`,
    noTextarea: (id) => `找不到 id 为“${id}”的文本框`,
    assigned: (a, t) => `任务已明确责任 ${a} / ${t} 项`,
    sections: (c, t) => `类别有章节 ${c} / ${t}`,
    horizon: (h, t) => `目标年 ${h ?? "未识别"}（模板 ${t}）`,
    line: (n) => `第${n}行`,
    task: (number, title) => `${number ? `任务 ${number}` : "任务"}“${title}”`,
    changed: (fixed, added) => [fixed ? `已解决 ${fixed} 项` : "", added ? `新增 ${added} 项` : ""].filter(Boolean).join("，"),
    printed: (title, template, date) => `${title || "（未识别标题）"} · 对照${template} · ${date}`,
    hideInfo: "隐藏提示",
    showAll: "显示全部",
    suggestion: (s) => `建议：${s}`,
    none: "未发现问题。",
    empty: "请粘贴方案全文。",
    reading: (d) => {
      const parts = [];
      if (d.joined_lines) parts.push(`合并断行 ${d.joined_lines} 处${d.wrap_width ? `（每行约 ${d.wrap_width} 字）` : ""}`);
      if (d.page_furniture) parts.push(`略去页码、页眉 ${d.page_furniture} 处`);
      if (d.numbering_lost) parts.push("标题编号缺失，按标题文字识别部分、类别和条目");
      if (d.table_rows) parts.push(`按制表符分列读取表格 ${d.table_rows} 行`);
      if (d.line_ends) parts.push("按旧式换行符分行");
      for (const o of d.others) parts.push(`另含${o.kind === "notice" ? "征求意见通知" : "起草说明"}“${o.title}”，未作为方案检查`);
      return parts.length ? `读取说明：${parts.join("；")}。` : "";
    },
    group: "分组",
    bySeverity: "按严重程度",
    byRule: "按规则",
    findings: "问题",
    categories: "任务类别",
    indicators: "指标",
    results: "检查结果",
    text: "粘贴或输入方案全文",
    placeholder: "在此粘贴方案全文（可直接从 Word 复制）……",
    notText: (name) => `${name} 不是可识别的文本（UTF-8、GB18030 或带 BOM 的 UTF-16），请在 Word 中另存为纯文本，或直接粘贴文本`,
    unsupported: (name) => `暂不支持此类文件：${name}；请打开 .docx 或 .txt，或直接粘贴文本`,
    tooLarge: (name, mb) => `${name} 过大（${mb} MB），最多检查 ${TEXT_MB} MB 的文本`,
    docxTooLarge: (name, mb) => `${name} 过大（${mb} MB），最多读取 ${DOCX_MB} MB 的 Word 文件`,
    docx: {
      "legacy-doc": (name) => `${name} 是旧版 Word 文件（.doc），请在 Word 中另存为 .docx 后打开`,
      encrypted: (name) => `${name} 设有密码，请在 Word 中取消密码后另存再打开`,
      "not-docx": (name) => `${name} 不是 Word 文档（.docx），无法读取`,
      "not-word": (name) => `${name} 不是 Word 文档（.docx），无法读取`,
      "too-large-inflated": (name) => `${name} 解压后过大，已拒绝读取（文件可能已损坏）`,
      "too-large": (name) => `${name} 过大，最多读取 ${DOCX_MB} MB 的 Word 文件`,
      "too-much-text": (name) => `${name} 展开后的文字超过 ${TEXT_MB} MB（合并单元格或嵌套表格反复复制），已拒绝读取`,
      corrupt: (name) => `${name} 已损坏，无法读取；请在 Word 中打开并另存后再试`,
      failed: (name, m) => `无法读取 ${name}：${m}`,
    },
  },
  en: {
    verdict: {
      empty: "Paste or open a draft plan.",
      "not-a-plan": "This text is not a plan's body (no key-tasks part); it was not checked item by item against the template.",
      blocked: (s) => `Not ready: ${s.errors} error${s.errors === 1 ? "" : "s"} to fix${s.warnings ? `, ${s.warnings} warning${s.warnings === 1 ? "" : "s"} to review` : ""}. Template indicators mentioned: ${s.indicators_mentioned} / ${s.indicators_expected}.`,
      review: (s) => `No errors; review ${s.warnings} warning${s.warnings === 1 ? "" : "s"} before submitting. Template indicators mentioned: ${s.indicators_mentioned} / ${s.indicators_expected}.`,
      ready: (s) => `No errors or warnings: ready to submit. Template indicators mentioned: ${s.indicators_mentioned} / ${s.indicators_expected}.`,
    },
    next: "Next finding (F8)",
    previous: "Previous finding (Shift+F8)",
    moduleFailed: (m) => `The checker could not be loaded (${m}); reload the page to try again`,
    noWasm: "This browser cannot run WebAssembly, which the checker needs; use a current Chrome, Edge or Firefox",
    legacyWps: (name) => `${name} is a WPS Writer file (.wps); save it as .docx in WPS and open that`,
    groupTitle: (title, n) => `${title} (${n})`,
    severity: { error: "Error", warning: "Warning", info: "Info" },
    count: { error: (n) => `${n} error${n === 1 ? "" : "s"}`, warning: (n) => `${n} warning${n === 1 ? "" : "s"}`, info: (n) => `${n} info` },
    status: { covered: "own section", partial: "no section (in content)", missing: "missing" },
    loading: "Loading the checker…",
    checking: "Checking…",
    checked: (title) => (title ? `Checked: ${title}` : "Checked"),
    failed: (m) => `Check failed: ${m}`,
    templateFailed: (m) => `Bad template: ${m}`,
    fetchFailed: (url, why) => `Cannot read the template ${url}: ${why}`,
    noTextarea: (id) => `No textarea with id "${id}"`,
    assigned: (a, t) => `Tasks with a responsible unit: ${a} / ${t}`,
    sections: (c, t) => `Categories with a section: ${c} / ${t}`,
    horizon: (h, t) => `Target year ${h ?? "not found"} (template ${t})`,
    line: (n) => `line ${n}`,
    task: (number, title) => `task ${number ? `${number} ` : ""}“${title}”`,
    changed: (fixed, added) => [fixed ? `${fixed} resolved` : "", added ? `${added} new` : ""].filter(Boolean).join(", "),
    printed: (title, template, date) => `${title || "(no title found)"} · against ${template} · ${date}`,
    hideInfo: "Hide info",
    showAll: "Show all",
    suggestion: (s) => `Suggestion: ${s}`,
    none: "No findings.",
    empty: "Paste the plan's full text.",
    reading: (d) => {
      const parts = [];
      if (d.joined_lines) parts.push(`${d.joined_lines} hard-wrapped lines joined${d.wrap_width ? ` (about ${d.wrap_width} characters a line)` : ""}`);
      if (d.page_furniture) parts.push(`${d.page_furniture} page numbers and running headers left out`);
      if (d.numbering_lost) parts.push("heading numbers missing: parts, categories and items recognised by their words");
      if (d.table_rows) parts.push(`${d.table_rows} tab-separated table rows read cell by cell`);
      if (d.line_ends) parts.push("old-style line ends read as line ends");
      for (const o of d.others) parts.push(`also held ${o.kind === "notice" ? "a notice asking for comments" : "a drafting explanation"} "${o.title}", not checked as the plan`);
      return parts.length ? `How the text was read: ${parts.join("; ")}.` : "";
    },
    group: "Group",
    bySeverity: "by severity",
    byRule: "by rule",
    findings: "Findings",
    categories: "Task categories",
    indicators: "Indicators",
    results: "Results",
    text: "Paste or type the plan's full text",
    placeholder: "Paste the plan's full text here (straight from Word is fine)…",
    notText: (name) => `${name} is not text in a known encoding (UTF-8, GB18030, or UTF-16 with a BOM); save it from Word as plain text, or paste the text`,
    unsupported: (name) => `Unsupported file: ${name}; open a .docx or .txt, or paste the text`,
    tooLarge: (name, mb) => `${name} is too large (${mb} MB); at most ${TEXT_MB} MB of text is checked`,
    docxTooLarge: (name, mb) => `${name} is too large (${mb} MB); Word files of at most ${DOCX_MB} MB are read`,
    docx: {
      "legacy-doc": (name) => `${name} is an old Word file (.doc); save it as .docx in Word and open that`,
      encrypted: (name) => `${name} is password-protected; remove the password in Word and save again`,
      "not-docx": (name) => `${name} is not a Word document (.docx)`,
      "not-word": (name) => `${name} is not a Word document (.docx)`,
      "too-large-inflated": (name) => `${name} inflates to too much; refused (the file may be damaged)`,
      "too-large": (name) => `${name} is too large; Word files of at most ${DOCX_MB} MB are read`,
      "too-much-text": (name) => `${name} grows beyond ${TEXT_MB} MB of text (merged cells or nested tables repeated); refused`,
      corrupt: (name) => `${name} is damaged and cannot be read; open it in Word, save it again and retry`,
      failed: (name, m) => `Cannot read ${name}: ${m}`,
    },
  },
};
