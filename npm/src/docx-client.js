// Word files: read by the .docx reader's own module, in a worker of its own.

// The .docx reader is its own module, loaded the first time a Word file is opened.
let docxReader = null;
export function loadDocxReader() {
  docxReader ??= import("./plancheck_docx.js").then(async (m) => {
    await m.default();
    return m.readDocx;
  });
  docxReader.catch(() => { docxReader = null; });
  return docxReader;
}

// A Word file is read in a worker of its own, so that the page never waits on it; only
// where no worker can start is it read here.
export function readDocxOffThread(bytes) {
  const here = () => loadDocxReader().then((read) => read(bytes));
  let worker;
  try {
    worker = new Worker(new URL("./plancheck-docx-worker.js", import.meta.url), { type: "module" });
  } catch {
    return here();
  }
  return new Promise((resolve, reject) => {
    worker.onmessage = (event) => {
      worker.terminate();
      const { doc, error } = event.data || {};
      if (!error) resolve(doc);
      else if (error.fatal) here().then(resolve, reject);
      else reject(Object.assign(new Error(error.message), { kind: error.kind }));
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      worker.terminate();
      here().then(resolve, reject);
    };
    worker.postMessage({ id: 1, bytes });
  });
}
