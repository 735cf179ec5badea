//! Reads a template or a vocabulary from a JSON value, naming the field at fault in every
//! error (`indicators[3].aliases[0]`). Written out field by field rather than derived: the
//! path comes for free, and the WebAssembly module carries no generic deserializers.

use serde_json::{Map, Value};

use super::{
    Basis, Category, CountWords, Direction, Floor, Indicator, Mistaken, PartKind, PartSpec,
    ResponsibilityLabels, Template, TemplateError, Vocabulary,
};

type Result<T> = std::result::Result<T, TemplateError>;

fn fail(path: &str, message: impl Into<String>) -> TemplateError {
    TemplateError {
        path: path.to_string(),
        message: message.into(),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// An object with only the fields listed.
struct Object<'a> {
    map: &'a Map<String, Value>,
    path: &'a str,
}

impl<'a> Object<'a> {
    fn new(v: &'a Value, path: &'a str, fields: &[&str]) -> Result<Object<'a>> {
        let map = v
            .as_object()
            .ok_or_else(|| fail(path, "invalid type: expected an object"))?;
        if let Some(k) = map.keys().find(|k| !fields.contains(&k.as_str())) {
            return Err(fail(
                &join(path, k),
                format!("unknown field `{k}`, expected one of {}", fields.join(", ")),
            ));
        }
        Ok(Object { map, path })
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn required(&self, key: &str) -> Result<&'a Value> {
        self.get(key)
            .ok_or_else(|| fail(self.path, format!("missing field `{key}`")))
    }

    fn string(&self, key: &str) -> Result<String> {
        string(self.required(key)?, &join(self.path, key))
    }

    fn strings(&self, key: &str) -> Result<Vec<String>> {
        strings(self.required(key)?, &join(self.path, key))
    }

    fn strings_or(&self, key: &str, default: impl FnOnce() -> Vec<String>) -> Result<Vec<String>> {
        match self.get(key) {
            Some(v) => strings(v, &join(self.path, key)),
            None => Ok(default()),
        }
    }

    fn boolean_or(&self, key: &str, default: bool) -> Result<bool> {
        match self.get(key) {
            Some(v) => v.as_bool().ok_or_else(|| {
                fail(
                    &join(self.path, key),
                    "invalid type: expected true or false",
                )
            }),
            None => Ok(default),
        }
    }

    fn list<T>(&self, key: &str, item: impl Fn(&Value, &str) -> Result<T>) -> Result<Vec<T>> {
        list(self.required(key)?, &join(self.path, key), item)
    }
}

fn string(v: &Value, path: &str) -> Result<String> {
    v.as_str()
        .map(str::to_string)
        .ok_or_else(|| fail(path, "invalid type: expected a string"))
}

fn list<T>(v: &Value, path: &str, item: impl Fn(&Value, &str) -> Result<T>) -> Result<Vec<T>> {
    let items = v
        .as_array()
        .ok_or_else(|| fail(path, "invalid type: expected a list"))?;
    items
        .iter()
        .enumerate()
        .map(|(i, x)| item(x, &format!("{path}[{i}]")))
        .collect()
}

fn strings(v: &Value, path: &str) -> Result<Vec<String>> {
    list(v, path, string)
}

pub fn template(v: &Value) -> Result<Template> {
    let o = Object::new(
        v,
        "",
        &[
            "id",
            "name",
            "horizon",
            "parts",
            "categories",
            "indicators",
            "basis",
            "vocabulary",
        ],
    )?;
    let horizon = year(o.required("horizon")?, "horizon")?;
    Ok(Template {
        id: o.string("id")?,
        name: o.string("name")?,
        horizon,
        parts: o.list("parts", part)?,
        categories: o.list("categories", category)?,
        indicators: o.list("indicators", indicator)?,
        basis: o.get("basis").map(|v| basis(v, "basis")).transpose()?,
        vocabulary: match o.get("vocabulary") {
            Some(v) => vocabulary(v, "vocabulary")?,
            None => Vocabulary::builtin(),
        },
    })
}

fn part(v: &Value, path: &str) -> Result<PartSpec> {
    let o = Object::new(v, path, &["kind", "name", "required", "headings"])?;
    let kind = o.string("kind")?;
    let kind = PartKind::from_name(&kind)
        .ok_or_else(|| fail(&join(path, "kind"), format!("unknown part kind `{kind}`")))?;
    Ok(PartSpec {
        kind,
        name: o.string("name")?,
        required: o.boolean_or("required", false)?,
        headings: o.strings("headings")?,
    })
}

fn category(v: &Value, path: &str) -> Result<Category> {
    let o = Object::new(v, path, &["id", "name", "headings", "keywords"])?;
    Ok(Category {
        id: o.string("id")?,
        name: o.string("name")?,
        headings: o.list("headings", strings)?,
        keywords: o.strings_or("keywords", Vec::new)?,
    })
}

fn indicator(v: &Value, path: &str) -> Result<Indicator> {
    let o = Object::new(
        v,
        path,
        &[
            "id",
            "name",
            "category",
            "aliases",
            "units",
            "ratio",
            "expected",
            "direction",
            "floor",
            "levels",
        ],
    )?;
    let levels = o
        .strings_or("levels", Vec::new)?
        .iter()
        .enumerate()
        .map(|(i, l)| {
            crate::facts::places::Level::from_name(l).ok_or_else(|| {
                fail(
                    &format!("{}[{i}]", join(path, "levels")),
                    "expected \"county\", \"district\", \"town\" or \"city\"",
                )
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let direction = match o.get("direction") {
        None => Direction::Higher,
        Some(v) => v
            .as_str()
            .and_then(Direction::from_name)
            .ok_or_else(|| fail(&join(path, "direction"), "expected \"higher\" or \"lower\""))?,
    };
    Ok(Indicator {
        id: o.string("id")?,
        name: o.string("name")?,
        category: o.string("category")?,
        aliases: o.strings("aliases")?,
        units: o.strings_or("units", Vec::new)?,
        ratio: o.boolean_or("ratio", false)?,
        expected: o.boolean_or("expected", true)?,
        direction,
        floor: o
            .get("floor")
            .map(|v| floor(v, &join(path, "floor")))
            .transpose()?,
        levels,
    })
}

fn year(v: &Value, path: &str) -> Result<u16> {
    v.as_u64()
        .and_then(|y| u16::try_from(y).ok())
        .ok_or_else(|| fail(path, "invalid type: expected a year such as 2027"))
}

fn floor(v: &Value, path: &str) -> Result<Floor> {
    let o = Object::new(v, path, &["value", "unit", "year", "source"])?;
    let value = o.string("value")?;
    if crate::facts::numbers::decimal(&value).is_none() {
        return Err(fail(
            &join(path, "value"),
            "expected a number written as a string, such as \"98\"",
        ));
    }
    Ok(Floor {
        value,
        unit: o
            .get("unit")
            .map(|u| string(u, &join(path, "unit")))
            .transpose()?,
        year: o
            .get("year")
            .map(|y| year(y, &join(path, "year")))
            .transpose()?,
        source: o.string("source")?,
    })
}

fn basis(v: &Value, path: &str) -> Result<Basis> {
    let o = Object::new(v, path, &["title", "number", "others"])?;
    Ok(Basis {
        title: o.string("title")?,
        number: o.string("number")?,
        others: match o.get("others") {
            Some(v) => list(v, &join(path, "others"), |v, p| {
                let d = Object::new(v, p, &["number", "title"])?;
                Ok(Mistaken {
                    number: d.string("number")?,
                    title: d.string("title")?,
                })
            })?,
            None => Vec::new(),
        },
    })
}

fn count_words(v: &Value, path: &str) -> Result<CountWords> {
    let o = Object::new(v, path, &["tasks", "sections", "parts"])?;
    Ok(CountWords {
        tasks: o.strings("tasks")?,
        sections: o.strings("sections")?,
        parts: o.strings("parts")?,
    })
}

pub fn vocabulary(v: &Value, path: &str) -> Result<Vocabulary> {
    let o = Object::new(
        v,
        path,
        &[
            "measure_units",
            "comparators_before",
            "comparators_after",
            "not_quantified",
            "deadlines",
            "ratio_words",
            "responsibility_labels",
            "responsibility_endings",
            "unit_suffixes",
            "unit_synonyms",
            "title_verbs",
            "commitment_verbs",
            "past_markers",
            "rising_words",
            "falling_words",
            "admin_prefixes",
            "table_headers",
            "roster_titles",
            "time_words",
            "plan_title_words",
            "collective_prefixes",
            "collective_words",
            "collective_endings",
            "count_words",
        ],
    )?;
    let labels_path = join(path, "responsibility_labels");
    let labels = Object::new(
        o.required("responsibility_labels")?,
        &labels_path,
        &["lead", "other"],
    )?;
    // Lists added after the first templates were written fall back to the built-in ones,
    // read from the embedded vocabulary once however many are missing.
    let embedded = std::cell::OnceCell::new();
    let builtin = |key: &'static str| {
        let embedded = &embedded;
        move || {
            embedded
                .get_or_init(super::builtin_vocabulary_json)
                .get(key)
                .and_then(|v| strings(v, key).ok())
                .unwrap_or_default()
        }
    };
    Ok(Vocabulary {
        measure_units: o.strings("measure_units")?,
        comparators_before: o.strings("comparators_before")?,
        comparators_after: o.strings("comparators_after")?,
        not_quantified: o.strings("not_quantified")?,
        deadlines: o.strings("deadlines")?,
        ratio_words: o.strings("ratio_words")?,
        responsibility_labels: ResponsibilityLabels {
            lead: labels.strings("lead")?,
            other: labels.strings("other")?,
        },
        responsibility_endings: o.strings("responsibility_endings")?,
        unit_suffixes: o.strings("unit_suffixes")?,
        unit_synonyms: o.list("unit_synonyms", |v, p| match strings(v, p)?.as_slice() {
            [long, short] => Ok((long.clone(), short.clone())),
            _ => Err(fail(p, "expected a pair [long form, short form]")),
        })?,
        title_verbs: o.strings_or("title_verbs", builtin("title_verbs"))?,
        commitment_verbs: o.strings_or("commitment_verbs", builtin("commitment_verbs"))?,
        past_markers: o.strings_or("past_markers", builtin("past_markers"))?,
        rising_words: o.strings_or("rising_words", builtin("rising_words"))?,
        falling_words: o.strings_or("falling_words", builtin("falling_words"))?,
        admin_prefixes: o.strings_or("admin_prefixes", builtin("admin_prefixes"))?,
        table_headers: o.strings_or("table_headers", builtin("table_headers"))?,
        roster_titles: o.strings_or("roster_titles", builtin("roster_titles"))?,
        time_words: o.strings_or("time_words", builtin("time_words"))?,
        plan_title_words: o.strings_or("plan_title_words", builtin("plan_title_words"))?,
        collective_prefixes: o.strings_or("collective_prefixes", builtin("collective_prefixes"))?,
        collective_words: o.strings_or("collective_words", builtin("collective_words"))?,
        collective_endings: o.strings_or("collective_endings", builtin("collective_endings"))?,
        count_words: match o.get("count_words") {
            Some(v) => count_words(v, &join(path, "count_words"))?,
            None => embedded
                .get_or_init(super::builtin_vocabulary_json)
                .get("count_words")
                .and_then(|v| count_words(v, "count_words").ok())
                .unwrap_or_default(),
        },
    })
}
