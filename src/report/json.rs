//! The report as compact JSON text, written directly: the same text as serde's derived
//! serialisation (`serde_json::to_string`), which the CLI and the schemas use, but without
//! its generic state machine — in the size-built WebAssembly module that machine took about
//! a tenth of a check. `tests/properties.rs` holds the two to the same output.

use super::{
    CategoryOut, DocumentInfo, FindingOut, IndicatorOut, OtherDocumentOut, PartOut, ReadingOut,
    Report, SpanOut, Summary, TargetOut, TaskOut, TemplateInfo,
};

/// The report as `serde_json::to_string` writes it.
pub(super) fn to_string(report: &Report) -> String {
    // The report's objects take 200–400 bytes each on the corpus plans: a first guess
    // that spares most of the regrowth.
    let objects = report.categories.len()
        + report.indicators.len()
        + report.tasks.len()
        + report.targets.len()
        + report.findings.len();
    let mut w = Writer(String::with_capacity(1024 + 256 * objects));
    report.write(&mut w);
    w.0
}

struct Writer(String);

impl Writer {
    // A call, not inlined at each of the keys: inlined, it grew the module by 3 KB.
    #[inline(never)]
    fn raw(&mut self, s: &str) {
        self.0.push_str(s);
    }

    /// A JSON string: quotes, backslashes and control characters escaped as serde_json
    /// escapes them; everything else, Chinese included, as it is.
    fn str(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.0.push('"');
        let bytes = s.as_bytes();
        let mut from = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let escape: &str = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            // `i` is at an ASCII byte, so both slices end on character boundaries.
            self.0.push_str(&s[from..i]);
            if escape.is_empty() {
                self.0.push_str("\\u00");
                self.0.push(char::from(HEX[usize::from(b >> 4)]));
                self.0.push(char::from(HEX[usize::from(b & 0xf)]));
            } else {
                self.0.push_str(escape);
            }
            from = i + 1;
        }
        self.0.push_str(&s[from..]);
        self.0.push('"');
    }

    fn uint(&mut self, n: usize) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.raw(std::str::from_utf8(&digits[at..]).unwrap_or_default());
    }
}

trait Write {
    fn write(&self, w: &mut Writer);
}

impl Write for String {
    fn write(&self, w: &mut Writer) {
        w.str(self);
    }
}

impl Write for usize {
    fn write(&self, w: &mut Writer) {
        w.uint(*self);
    }
}

impl Write for u16 {
    fn write(&self, w: &mut Writer) {
        w.uint(usize::from(*self));
    }
}

impl Write for bool {
    fn write(&self, w: &mut Writer) {
        w.raw(if *self { "true" } else { "false" });
    }
}

impl<T: Write> Write for Option<T> {
    fn write(&self, w: &mut Writer) {
        match self {
            Some(v) => v.write(w),
            None => w.raw("null"),
        }
    }
}

impl<T: Write> Write for Vec<T> {
    fn write(&self, w: &mut Writer) {
        w.0.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                w.0.push(',');
            }
            item.write(w);
        }
        w.0.push(']');
    }
}

/// The named enums write their names.
macro_rules! names {
    ($($t:ty),+) => {
        $(impl Write for $t {
            fn write(&self, w: &mut Writer) {
                w.str(self.as_str());
            }
        })+
    };
}

names!(
    super::Severity,
    crate::template::PartKind,
    crate::document::DocumentKind,
    crate::document::AssignedBy,
    crate::coverage::CategoryStatus,
    crate::coverage::IndicatorStatus,
    crate::reading::OtherKind,
    crate::facts::places::Level
);

/// `{"key":` for an object's first key, `,"key":` for the others.
macro_rules! key {
    (first $k:ident) => {
        concat!("{\"", stringify!($k), "\":")
    };
    ($k:ident) => {
        concat!(",\"", stringify!($k), "\":")
    };
}

/// A struct as an object of its fields in declaration order, as serde's derive writes it.
macro_rules! object {
    ($t:ty { $first:ident $(, $field:ident)* $(,)? }) => {
        impl Write for $t {
            fn write(&self, w: &mut Writer) {
                w.raw(key!(first $first));
                self.$first.write(w);
                $(
                    w.raw(key!($field));
                    self.$field.write(w);
                )*
                w.0.push('}');
            }
        }
    };
}

object!(SpanOut {
    start,
    end,
    line,
    column
});
object!(TemplateInfo { id, name, horizon });
object!(PartOut { kind, title, span });
object!(OtherDocumentOut { kind, title, span });
object!(ReadingOut {
    joined_lines,
    wrap_width,
    page_furniture,
    numbering_lost,
    line_ends,
    table_rows,
    others
});
object!(DocumentInfo {
    title,
    county,
    level,
    kind,
    horizon,
    parts,
    reading
});
object!(Summary {
    errors,
    warnings,
    infos,
    tasks,
    assigned,
    targets,
    sections,
    categories,
    indicators_expected,
    indicators_mentioned,
});
object!(CategoryOut {
    id,
    name,
    status,
    span
});
object!(IndicatorOut {
    id,
    name,
    category,
    status,
    expected,
    span
});
object!(TaskOut {
    number,
    title,
    category,
    span,
    lead,
    units,
    assigned_by
});
object!(TargetOut {
    text,
    value,
    unit,
    year,
    indicator,
    span
});
object!(Report {
    schema,
    template,
    document,
    summary,
    categories,
    indicators,
    tasks,
    targets,
    findings
});

// Its absent suggestion, category and indicator are left out, as `skip_serializing_if`
// leaves them out.
impl Write for FindingOut {
    fn write(&self, w: &mut Writer) {
        w.raw(key!(first rule));
        w.str(&self.rule);
        w.raw(key!(severity));
        self.severity.write(w);
        w.raw(key!(message));
        w.str(&self.message);
        if let Some(s) = &self.suggestion {
            w.raw(key!(suggestion));
            w.str(s);
        }
        w.raw(key!(span));
        self.span.write(w);
        w.raw(key!(excerpt));
        w.str(&self.excerpt);
        if let Some(c) = &self.category {
            w.raw(key!(category));
            w.str(c);
        }
        if let Some(i) = &self.indicator {
            w.raw(key!(indicator));
            w.str(i);
        }
        w.0.push('}');
    }
}
