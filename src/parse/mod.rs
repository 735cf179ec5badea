//! Reads a plan's text once into the document model.

mod assign;
pub mod clauses;
mod declared;
pub mod lines;
mod marks;
mod members;
mod schedule;
mod structure;
mod tables;
mod targets;
mod unmarked;

use crate::compiled::Compiled;
use crate::document::{
    Deadline, Document, DocumentKind, Heading, KeywordHit, Line, Mention, Part,
    ResponsibilityClause, Section, Span, Table, Target, Task,
};
use crate::order::range_in;
use crate::template::{PartKind, Template};

// Long: the parse's steps in order, each a function, and the model they make.
pub fn parse<'a>(text: &'a str, template: &Template, c: &Compiled) -> Document<'a> {
    let (lines, headings, numbering_lost) = read_headings(text, template, c);
    // The vocabulary, found in one pass: aliases, keywords, count words.
    let (mentions, keyword_hits, count_words) = vocabulary_hits(c.vocabulary_hits(text));

    let parts = structure::parts(text, &lines, &headings, template, c);
    let (mut sections, mut tasks) =
        structure::sections_and_tasks(text, &lines, &headings, &parts, c);
    name_sections_by_content(&mut sections, &headings, template, &mentions, &keyword_hits);
    let clauses = read_clauses(text, &lines, &headings, &sections, &mut tasks, c);

    let part_kind_at = |offset: usize| {
        crate::document::part_at(&parts, offset)
            .map(|p| p.kind)
            .unwrap_or(PartKind::Other)
    };
    let found = tables::find(text, &lines, &mentions, template, c, &part_kind_at);
    let skip = not_prose(&headings, &found.tables);
    let cx = targets::Context {
        text,
        lines: &lines,
        mentions: &mentions,
        skip: &skip,
        template,
        compiled: c,
    };
    let mut all_targets = read_targets(&cx, &parts, &tasks, found.targets);
    for t in &mut all_targets {
        t.wording = wording(&mentions, t);
    }

    // A task-decomposition table's row assigns the task it names. An indicator table's
    // row assigns its indicator, not the tasks that mention it.
    let rows = assign::task_rows(
        text,
        &tasks,
        &found.tables,
        &template.vocabulary.title_verbs,
    );
    for (task, row) in tasks.iter_mut().zip(rows) {
        task.table_row = row;
    }

    let stages = schedule::stages(text, &lines, &headings, &parts);
    let date = schedule::document_date(text, &lines);
    let declared = declared::find(text, &parts, &sections, c, &count_words);
    let members = members::find(text, &lines, &parts, c);
    let title = title(text, &lines, &parts, c);
    let level = level(text, title.as_ref(), &clauses, &found.tables, template);
    let horizon = horizon(text, &title, &parts, &all_targets, c);
    let traditional = crate::reading::looks_traditional(text);
    let kind = if tasks.is_empty() || traditional {
        DocumentKind::NotAPlan
    } else {
        DocumentKind::Plan
    };

    let mut doc = Document {
        text,
        kind,
        numbering_lost,
        traditional,
        explanation: false,
        level,
        placeholders: marks::placeholders(text, &lines, c),
        citations: marks::citations(text),
        plain_title: title
            .as_ref()
            .map(|t| crate::chars::plain(&text[t.clone()])),
        title,
        horizon,
        date,
        declared,
        members,
        lines,
        headings,
        parts,
        sections,
        tasks,
        clauses,
        targets: all_targets,
        stages,
        tables: found.tables,
        mentions,
        keyword_hits,
    };
    key_units(&mut doc, c);
    doc
}

/// The plan's level: by its title (县, 区, 镇 …), else by the units it names.
fn level(
    text: &str,
    title: Option<&Span>,
    clauses: &[ResponsibilityClause],
    tables: &[Table],
    template: &Template,
) -> Option<crate::facts::places::Level> {
    let admin = &template.vocabulary.admin_prefixes;
    title
        .and_then(|t| crate::facts::places::level_of_title(&text[t.clone()], admin))
        .or_else(|| {
            let clause_units = clauses.iter().flat_map(|c| c.units.iter());
            let row_units = tables
                .iter()
                .flat_map(|t| t.rows.iter().flat_map(|r| r.units.iter()));
            crate::facts::places::level_of_units(
                clause_units.chain(row_units).map(|u| u.name.as_str()),
            )
        })
}

/// Where the text names the indicator a target was read by: the last mention of it in the
/// target (or, for a table row, in its indicator cell).
fn wording(mentions: &[Mention], t: &Target) -> Option<Span> {
    let scope = t.named.as_ref().unwrap_or(&t.span);
    mentions[range_in(mentions, |m| m.span.start, scope)]
        .iter()
        .rfind(|m| Some(m.indicator) == t.indicator)
        .map(|m| m.span.clone())
}

/// Each named unit's key: its name in one spelling ([`Compiled::canonical_unit`]). A plan
/// names a few dozen units hundreds of times; each distinct name is reduced once.
fn key_units(doc: &mut Document<'_>, c: &Compiled) {
    let mut keys: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let units = doc
        .clauses
        .iter_mut()
        .flat_map(|cl| cl.units.iter_mut())
        .chain(
            doc.tables
                .iter_mut()
                .flat_map(|t| t.rows.iter_mut().flat_map(|r| r.units.iter_mut())),
        )
        .chain(doc.members.iter_mut().flat_map(|m| m.units.iter_mut()));
    for unit in units {
        unit.key = match keys.get(&unit.name) {
            Some(k) => k.clone(),
            None => {
                let k = c.canonical_unit(&unit.name);
                keys.insert(unit.name.clone(), k.clone());
                k
            }
        };
    }
}

/// The lines and their headings: numbered ones, and — when the numbering was lost —
/// those recognised by their words. Says whether the numbering was lost.
fn read_headings(text: &str, template: &Template, c: &Compiled) -> (Vec<Line>, Vec<Heading>, bool) {
    let mut lines = lines::split_lines(text);
    let mut headings = Vec::new();
    for (i, line) in lines.iter_mut().enumerate() {
        if let Some(h) = lines::heading_of(text, i, line) {
            line.heading = Some(headings.len());
            headings.push(h);
        }
    }
    let unmarked = unmarked::headings(text, &lines, &headings, template, c);
    let numbering_lost = !unmarked.is_empty();
    if numbering_lost {
        headings.extend(unmarked);
        crate::order::sort_by_position(&mut headings, |h| h.line);
        for (k, h) in headings.iter().enumerate() {
            if let Some(line) = lines.get_mut(h.line) {
                line.heading = Some(k);
            }
        }
    }
    (lines, headings, numbering_lost)
}

/// Where the template's indicators and category keywords are named.
fn vocabulary_hits(
    hits: crate::compiled::VocabularyHits,
) -> (Vec<Mention>, Vec<KeywordHit>, Vec<Vec<usize>>) {
    let crate::compiled::VocabularyHits {
        aliases,
        keywords,
        counts,
    } = hits;
    let mentions = aliases
        .into_iter()
        .map(|(indicator, span)| Mention { indicator, span })
        .collect();
    let keyword_hits = keywords
        .into_iter()
        .map(|(category, keyword, span)| KeywordHit {
            category,
            keyword,
            span,
        })
        .collect();
    (mentions, keyword_hits, counts)
}

/// A reworded category heading still counts when the section's content is clearly about
/// one category.
fn name_sections_by_content(
    sections: &mut [Section],
    headings: &[Heading],
    template: &Template,
    mentions: &[Mention],
    keyword_hits: &[KeywordHit],
) {
    for section in sections.iter_mut().filter(|s| s.category.is_none()) {
        let level = section
            .heading
            .and_then(|h| headings.get(h))
            .map(|h| h.level);
        if level.is_some_and(|l| l <= 2) {
            section.category = category_by_content(template, mentions, keyword_hits, &section.span);
        }
    }
}

/// The responsibility clauses of each task, and of each section heading, which cover the
/// section's items.
fn read_clauses(
    text: &str,
    lines: &[Line],
    headings: &[Heading],
    sections: &[Section],
    tasks: &mut [Task],
    c: &Compiled,
) -> Vec<ResponsibilityClause> {
    let mut clauses = Vec::new();
    for task in tasks.iter_mut() {
        for clause in clauses::find(text, lines, &task.span, c) {
            task.clauses.push(clauses.len());
            clauses.push(clause);
        }
    }
    let mut by_section: Vec<Vec<usize>> = vec![Vec::new(); sections.len()];
    for (t, task) in tasks.iter().enumerate() {
        if let Some(list) = task.section.and_then(|s| by_section.get_mut(s)) {
            list.push(t);
        }
    }
    for (si, section) in sections.iter().enumerate() {
        let Some(h) = section.heading else { continue };
        let Some(line) = headings.get(h).and_then(|h| lines.get(h.line)) else {
            continue;
        };
        let items: Vec<usize> = by_section[si]
            .iter()
            .copied()
            .filter(|&t| tasks[t].heading != Some(h))
            .collect();
        if items.is_empty() {
            continue;
        }
        for clause in clauses::find(text, lines, &line.content, c) {
            let index = clauses.len();
            clauses.push(clause);
            for &t in &items {
                tasks[t].clauses.push(index);
            }
        }
    }
    clauses
}

/// What is not prose for the target reader: heading markers and tables, merged and in
/// order.
fn not_prose(headings: &[Heading], tables: &[Table]) -> Vec<Span> {
    let mut skip: Vec<Span> = headings.iter().map(|h| h.marker.clone()).collect();
    skip.extend(tables.iter().map(|t| t.span.clone()));
    crate::order::sort_by_position(&mut skip, |s| s.start);
    let mut merged: Vec<Span> = Vec::with_capacity(skip.len());
    for s in skip {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged
}

/// The targets of the goals parts, of each task and of the tables, in text order.
fn read_targets(
    cx: &targets::Context<'_>,
    parts: &[Part],
    tasks: &[Task],
    from_tables: Vec<Target>,
) -> Vec<Target> {
    let mut all = Vec::new();
    for part in parts.iter().filter(|p| p.kind == PartKind::Goals) {
        let scope = targets::Scope {
            span: part.span.clone(),
            part: PartKind::Goals,
            task: None,
        };
        targets::find(cx, &scope, &mut all);
    }
    for (i, task) in tasks.iter().enumerate() {
        let scope = targets::Scope {
            span: task.span.clone(),
            part: PartKind::Tasks,
            task: Some(i),
        };
        targets::find(cx, &scope, &mut all);
    }
    all.extend(from_tables);
    crate::order::sort_by_position(&mut all, |t| t.span.start);
    all
}

fn category_by_content(
    template: &Template,
    mentions: &[Mention],
    hits: &[KeywordHit],
    span: &Span,
) -> Option<usize> {
    use crate::document::{content_scores, SECTION_ABOUT};
    let scores = content_scores(
        template,
        mentions[range_in(mentions, |m| m.span.start, span)].iter(),
        hits[range_in(hits, |h| h.span.start, span)].iter(),
    );
    let best = (0..scores.len()).max_by_key(|&i| (scores[i], std::cmp::Reverse(i)))?;
    let runner_up = (0..scores.len())
        .filter(|&i| i != best)
        .map(|i| scores[i])
        .max()
        .unwrap_or(0);
    (scores[best] >= SECTION_ABOUT && scores[best] > runner_up).then_some(best)
}

/// The plan's title: a short line before the first part that names a 方案 or 意见.
fn title(text: &str, lines: &[Line], parts: &[Part], c: &Compiled) -> Option<Span> {
    let end = parts
        .iter()
        .find(|p| p.kind != PartKind::Preamble)
        .map(|p| p.span.start)
        .unwrap_or(text.len());
    let candidates: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].content.end <= end && !lines[i].content.is_empty())
        .collect();
    for (k, &i) in candidates.iter().enumerate() {
        let s = &text[lines[i].content.clone()];
        // Over 240 bytes is over 60 characters: the cheap tests first.
        if s.len() > 240 || s.contains(['。', '，']) || s.chars().count() > 60 {
            continue;
        }
        let names_plan = c.plan_title_words.iter().any(|w| s.contains(w.as_str()));
        if !names_plan || s.contains("通知") {
            continue;
        }
        let mut span = lines[i].content.clone();
        if let Some(&next) = candidates.get(k + 1) {
            let t = &text[lines[next].content.clone()];
            if t.chars().count() <= 14
                && (t.starts_with('（') || t.starts_with('('))
                && t.contains('稿')
            {
                span.end = lines[next].content.end;
            }
        }
        return Some(span);
    }
    None
}

/// The plan's target year: from a title such as （2025—2027年）, else the goals' first
/// deadline, else the year most targets are set for.
fn horizon(
    text: &str,
    title: &Option<Span>,
    parts: &[Part],
    targets: &[Target],
    c: &Compiled,
) -> Option<Deadline> {
    if let Some(t) = title {
        let s = &text[t.clone()];
        let years: Vec<(usize, u16)> = crate::facts::years::years_in(s).collect();
        if years.len() >= 2 {
            let (i, y) = years[years.len() - 1];
            return Some(Deadline {
                year: Some(y),
                span: t.start + i..t.start + i + 4,
            });
        }
    }
    for part in parts.iter().filter(|p| p.kind == PartKind::Goals) {
        let s = &text[part.span.clone()];
        if let Some(d) = targets::deadlines(s, part.span.start, c)
            .into_iter()
            .find(|d| d.year.is_some())
        {
            return Some(d);
        }
    }
    // year → (count, first offset); few distinct years.
    let mut counts: Vec<(u16, usize, usize)> = Vec::new();
    for t in targets.iter().filter(|t| t.part == PartKind::Tasks) {
        if let Some(y) = t.year {
            match counts.iter_mut().find(|c| c.0 == y) {
                Some(c) => c.1 += 1,
                None => counts.push((y, 1, t.span.start)),
            }
        }
    }
    let &(year, _, at) = counts.iter().max_by_key(|(y, n, _)| (*n, *y))?;
    let line_deadline = targets
        .iter()
        .find(|t| t.span.start == at)
        .map(|t| t.span.clone())
        .unwrap_or(at..at);
    Some(Deadline {
        year: Some(year),
        span: line_deadline,
    })
}
