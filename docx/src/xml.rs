//! Small helpers over quick-xml for WordprocessingML: names without their prefix,
//! attribute values, and text with its entity references resolved.

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesRef, BytesStart};
use quick_xml::XmlVersion;

/// `w:p` → `p`.
pub fn local(name: &str) -> &[u8] {
    let name = name.as_bytes();
    match name.iter().position(|&b| b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// The value of the attribute whose local name is `name` (`w:val` → `val`).
pub fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.as_ref()) == name)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The character an entity reference stands for (`&amp;`, `&#x4E00;`), appended to `out`.
pub fn push_reference(out: &mut String, r: &BytesRef<'_>) {
    if let Ok(Some(ch)) = r.resolve_char_ref() {
        out.push(ch);
    } else if let Some(s) = resolve_predefined_entity(r) {
        out.push_str(s);
    }
}
