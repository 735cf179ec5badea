//! Two versions of a draft compared (`plancheck/compare@1`): the findings fixed, new and
//! still open, matched by what they are about (the indicator, the category, the task), not
//! by line; the tasks added, removed, renamed or handed to other units; the targets whose
//! value, unit or year changed, flagged when weaker; the categories and parts that changed.

use serde::Serialize;

use crate::facts::numbers::decimal;
use crate::report::{FindingOut, Report, SpanOut, TargetOut, TaskOut};
use crate::template::{Direction, Template};

pub const SCHEMA: &str = "plancheck/compare@1";

/// What changed between two versions of a draft.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct Comparison {
    /// Always `plancheck/compare@1`.
    #[cfg_attr(feature = "schema", schemars(extend("const" = "plancheck/compare@1")))]
    pub schema: String,
    pub old: Version,
    pub new: Version,
    /// Findings of the old version that the new one no longer has.
    pub fixed: Vec<FindingOut>,
    /// Findings the new version has and the old one did not.
    pub added: Vec<FindingOut>,
    /// How many findings both versions have.
    pub still_open: usize,
    pub tasks: TaskChanges,
    pub targets: Vec<TargetChange>,
    pub categories: Vec<CategoryChange>,
    pub parts: PartChanges,
}

/// One version: its title and its counts.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct Version {
    pub title: Option<String>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// A task of one version: its title and where it is in that version's text.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct TaskAt {
    pub title: String,
    pub span: SpanOut,
}

#[derive(Clone, Debug, Default, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct TaskChanges {
    /// Tasks of the new version only (spans in the new text).
    pub added: Vec<TaskAt>,
    /// Tasks of the old version only (spans in the old text).
    pub removed: Vec<TaskAt>,
    pub renamed: Vec<Renamed>,
    /// Tasks whose units changed: the units before and after.
    pub reassigned: Vec<Reassigned>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct Renamed {
    pub from: String,
    pub to: String,
    pub old_span: SpanOut,
    pub new_span: SpanOut,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct Reassigned {
    pub task: String,
    pub before: Vec<String>,
    pub after: Vec<String>,
    pub old_span: SpanOut,
    pub new_span: SpanOut,
}

/// A target of one indicator whose value, unit or year changed.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct TargetChange {
    pub indicator: String,
    pub name: String,
    pub before: TargetValue,
    pub after: TargetValue,
    /// Where the target is in the old text and in the new.
    pub old_span: SpanOut,
    pub new_span: SpanOut,
    /// The new target asks less: a lower value (a higher one for a rate that should fall)
    /// in the same unit, or a later year.
    pub weaker: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct TargetValue {
    pub value: Option<String>,
    pub unit: Option<String>,
    pub year: Option<u16>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct CategoryChange {
    pub id: String,
    pub name: String,
    pub before: crate::coverage::CategoryStatus,
    pub after: crate::coverage::CategoryStatus,
}

#[derive(Clone, Debug, Default, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct PartChanges {
    pub added: Vec<crate::template::PartKind>,
    pub removed: Vec<crate::template::PartKind>,
}

/// A title or a name without blanks and punctuation, for matching across versions.
fn plain(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() && !c.is_whitespace())
        .collect()
}

/// What a finding is about, the same in both versions when the point is the same: its
/// rule and its indicator, category or task, else its excerpt.
fn subject(f: &FindingOut, tasks: &[TaskOut]) -> String {
    let about = if let Some(i) = &f.indicator {
        format!("indicator:{i}")
    } else if let Some(c) = &f.category {
        format!("category:{c}")
    } else if let Some(t) = tasks
        .iter()
        .find(|t| t.span.start <= f.span.start && f.span.start < t.span.end.max(t.span.start + 1))
    {
        format!("task:{}", plain(&t.title))
    } else {
        format!("text:{}", plain(&f.excerpt))
    };
    format!("{}|{about}", f.rule)
}

/// Pairs equal keys of `old` and `new`, each used once, in order: the pairs of indices,
/// and the indices left over on each side.
fn pair(old: &[String], new: &[String]) -> (Vec<(usize, usize)>, Vec<usize>, Vec<usize>) {
    let mut taken = vec![false; new.len()];
    let mut pairs = Vec::new();
    let mut gone = Vec::new();
    for (i, k) in old.iter().enumerate() {
        match (0..new.len()).find(|&j| !taken[j] && new[j] == *k) {
            Some(j) => {
                taken[j] = true;
                pairs.push((i, j));
            }
            None => gone.push(i),
        }
    }
    let came = (0..new.len()).filter(|&j| !taken[j]).collect();
    (pairs, gone, came)
}

/// How alike two titles are: shared character pairs (Dice's coefficient), 0 to 1.
fn alike(a: &str, b: &str) -> f64 {
    let pairs = |s: &str| -> Vec<(char, char)> {
        let c: Vec<char> = s.chars().collect();
        c.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (a, b) = (pairs(a), pairs(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut rest = b.clone();
    let mut shared = 0usize;
    for p in &a {
        if let Some(k) = rest.iter().position(|q| q == p) {
            rest.swap_remove(k);
            shared += 1;
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// Whether two tasks name the same units, in any order.
fn same_units(a: &TaskOut, b: &TaskOut) -> bool {
    a.units.len() == b.units.len() && a.units.iter().all(|u| b.units.contains(u))
}

fn tasks(old: &[TaskOut], new: &[TaskOut]) -> TaskChanges {
    let titles =
        |list: &[TaskOut]| -> Vec<String> { list.iter().map(|t| plain(&t.title)).collect() };
    let (pairs, gone, came) = pair(&titles(old), &titles(new));
    let mut changes = TaskChanges::default();
    let mut came: Vec<&TaskOut> = came.into_iter().map(|j| &new[j]).collect();
    let mut matched: Vec<(&TaskOut, &TaskOut)> =
        pairs.into_iter().map(|(i, j)| (&old[i], &new[j])).collect();
    for o in gone.into_iter().map(|i| &old[i]) {
        // A task reworded in place: the most alike new task of the same category.
        let best = came
            .iter()
            .enumerate()
            .filter(|(_, n)| n.category == o.category)
            .map(|(k, n)| (k, alike(&plain(&o.title), &plain(&n.title))))
            .filter(|&(_, score)| score >= 0.5)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((k, _)) => {
                let n = came.remove(k);
                changes.renamed.push(Renamed {
                    from: o.title.clone(),
                    to: n.title.clone(),
                    old_span: o.span.clone(),
                    new_span: n.span.clone(),
                });
                matched.push((o, n));
            }
            None => changes.removed.push(TaskAt {
                title: o.title.clone(),
                span: o.span.clone(),
            }),
        }
    }
    changes.added = came
        .iter()
        .map(|t| TaskAt {
            title: t.title.clone(),
            span: t.span.clone(),
        })
        .collect();
    for (o, n) in matched {
        if !same_units(o, n) {
            changes.reassigned.push(Reassigned {
                task: n.title.clone(),
                before: o.units.clone(),
                after: n.units.clone(),
                old_span: o.span.clone(),
                new_span: n.span.clone(),
            });
        }
    }
    changes
}

fn value(t: &TargetOut) -> TargetValue {
    TargetValue {
        value: t.value.clone(),
        unit: t.unit.clone(),
        year: t.year,
    }
}

/// Whether `after` asks less than `before` for an indicator that improves `direction`.
fn weaker(before: &TargetValue, after: &TargetValue, direction: Direction) -> bool {
    let later = matches!((before.year, after.year), (Some(b), Some(a)) if a > b);
    let less = before.unit == after.unit
        && match (
            before.value.as_deref().and_then(decimal),
            after.value.as_deref().and_then(decimal),
        ) {
            (Some(b), Some(a)) => match direction {
                Direction::Higher => a < b,
                Direction::Lower => a > b,
            },
            _ => false,
        };
    later || less
}

/// Whether a target states a reduction (死亡率下降10%): then more is better, whichever way
/// the indicator itself should move. A level (下降到 / 降至 8%) is not one.
fn is_reduction(t: &TargetOut, template: &Template) -> bool {
    let Some(value) = t.value.as_deref() else {
        return false;
    };
    let Some(at) = t.text.rfind(value) else {
        return false;
    };
    let before = t.text[..at].trim_end();
    template
        .vocabulary
        .falling_words
        .iter()
        .filter(|w| !w.ends_with(['至', '到']))
        .any(|w| before.ends_with(w.as_str()))
}

fn targets(old: &[TargetOut], new: &[TargetOut], template: &Template) -> Vec<TargetChange> {
    let with_indicator = |list: &[TargetOut]| -> Vec<TargetOut> {
        list.iter()
            .filter(|t| t.indicator.is_some() && t.value.is_some())
            .cloned()
            .collect()
    };
    let (old, new) = (with_indicator(old), with_indicator(new));
    let ids = |list: &[TargetOut]| -> Vec<String> {
        list.iter()
            .map(|t| t.indicator.clone().unwrap_or_default())
            .collect()
    };
    let (pairs, _, _) = pair(&ids(&old), &ids(&new));
    pairs
        .into_iter()
        .map(|(i, j)| (&old[i], &new[j]))
        .filter_map(|(o, n)| {
            let (before, after) = (value(o), value(n));
            let changed = before.unit != after.unit
                || before.year != after.year
                || match (
                    before.value.as_deref().and_then(decimal),
                    after.value.as_deref().and_then(decimal),
                ) {
                    (Some(b), Some(a)) => a != b,
                    _ => before.value != after.value,
                };
            if !changed {
                return None;
            }
            let id = o.indicator.clone().unwrap_or_default();
            let indicator = template.indicators.iter().find(|i| i.id == id);
            let direction = if is_reduction(n, template) {
                Direction::Higher
            } else {
                indicator.map(|i| i.direction).unwrap_or_default()
            };
            Some(TargetChange {
                weaker: weaker(&before, &after, direction),
                name: indicator
                    .map(|i| i.name.clone())
                    .unwrap_or_else(|| id.clone()),
                indicator: id,
                before,
                after,
                old_span: o.span.clone(),
                new_span: n.span.clone(),
            })
        })
        .collect()
}

/// Compares two reports of versions of one draft, checked against `template`.
pub fn compare(old: &Report, new: &Report, template: &Template) -> Comparison {
    let old_keys: Vec<String> = old
        .findings
        .iter()
        .map(|f| subject(f, &old.tasks))
        .collect();
    let new_keys: Vec<String> = new
        .findings
        .iter()
        .map(|f| subject(f, &new.tasks))
        .collect();
    let (open, gone, came) = pair(&old_keys, &new_keys);
    let fixed = gone.into_iter().map(|i| old.findings[i].clone()).collect();
    let added = came.into_iter().map(|j| new.findings[j].clone()).collect();

    let categories = old
        .categories
        .iter()
        .zip(&new.categories)
        .filter(|(o, n)| o.id == n.id && o.status != n.status)
        .map(|(o, n)| CategoryChange {
            id: o.id.clone(),
            name: o.name.clone(),
            before: o.status,
            after: n.status,
        })
        .collect();
    let kinds = |r: &Report| -> Vec<crate::template::PartKind> {
        let mut k: Vec<_> = r.document.parts.iter().map(|p| p.kind).collect();
        k.dedup();
        k
    };
    let (old_kinds, new_kinds) = (kinds(old), kinds(new));
    let parts = PartChanges {
        added: new_kinds
            .iter()
            .filter(|k| !old_kinds.contains(k))
            .copied()
            .collect(),
        removed: old_kinds
            .iter()
            .filter(|k| !new_kinds.contains(k))
            .copied()
            .collect(),
    };
    let version = |r: &Report| Version {
        title: r.document.title.clone(),
        errors: r.summary.errors,
        warnings: r.summary.warnings,
        infos: r.summary.infos,
    };
    Comparison {
        schema: SCHEMA.to_string(),
        old: version(old),
        new: version(new),
        fixed,
        added,
        still_open: open.len(),
        tasks: tasks(&old.tasks, &new.tasks),
        targets: targets(&old.targets, &new.targets, template),
        categories,
        parts,
    }
}
