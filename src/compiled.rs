//! A template prepared for checking: automata and regular expressions built once.

use crate::phrases::{self, Phrases};

use crate::template::{Template, TemplateError};

#[derive(Clone, Debug)]
pub struct Compiled {
    /// The indicator aliases (set 0) and the category keywords (set 1).
    vocabulary: Dictionary,
    alias_owner: Vec<usize>,
    keyword_owner: Vec<(usize, usize)>,
    /// Each category's heading word sets, as indexes into `heading_words`: a heading
    /// belongs to a category when it holds every word of one of its sets.
    category_heads: Vec<Vec<Vec<usize>>>,
    /// The distinct heading words, a set each, with their lengths in characters: which a
    /// heading holds, in one pass.
    heading_words: Dictionary,
    heading_word_chars: Vec<usize>,
    pub measure_units: Vec<String>,
    pub comparators_before: Vec<String>,
    pub comparators_after: Vec<String>,
    pub not_quantified: Phrases,
    pub deadlines: Phrases,
    pub ratio_words: Vec<String>,
    pub lead_labels: Vec<String>,
    pub other_labels: Vec<String>,
    /// The lead labels then the other labels, a set for each: every label's occurrences
    /// in one pass over a clause.
    labels: Dictionary,
    /// The roster titles (主任, 副县长 …) and the administrative prefixes (县, 区 …), each
    /// one set: the first of any, in one pass.
    roster: Dictionary,
    admin: Dictionary,
    pub endings: Vec<String>,
    pub unit_suffixes: Vec<String>,
    synonyms: Vec<(String, String)>,
    /// The synonyms' long spellings, one set: whether a name has any, in one pass.
    synonym_words: Dictionary,
    commitment_verbs: Vec<String>,
    past_markers: Vec<String>,
    rising_words: Vec<String>,
    falling_words: Vec<String>,
    pub admin_prefixes: Vec<String>,
    pub table_headers: Vec<String>,
    pub table_columns: crate::template::TableColumns,
    /// The title of the programme plans implement, brackets and blanks written one way.
    pub basis_title: Option<String>,
    pub time_words: Vec<String>,
    pub plan_title_words: Vec<String>,
    pub collective_prefixes: Vec<String>,
    /// The collective words (乡镇, 成员单位 …), one set: whether a name has any, in one pass.
    collective_words: Dictionary,
    pub collective_endings: Vec<String>,
    pub count_words: crate::template::CountWords,
    /// The heading words of the template's attachments part (附件).
    attachment_words: Vec<String>,
}

/// What [`Compiled::vocabulary_hits`] finds.
#[derive(Clone, Debug, Default)]
pub struct VocabularyHits {
    /// Each indicator alias: (indicator, byte range).
    pub aliases: Vec<(usize, std::ops::Range<usize>)>,
    /// Each category keyword: (category, keyword, byte range).
    pub keywords: Vec<(usize, usize, std::ops::Range<usize>)>,
    /// Where each count word starts, a list for each (the tasks', the sections', the
    /// parts', as [`Compiled::count_words`] lists them), each as `match_indices` finds it.
    pub counts: Vec<Vec<usize>>,
}

/// Distinct words, longest first; equally long ones in their given order.
fn longest_first(list: &[String]) -> Vec<String> {
    // Distinct by a set, not by a search of the list: a template may hold a hundred
    // thousand units.
    let mut seen = crate::order::Names::new();
    let mut v: Vec<&String> = Vec::new();
    for w in list {
        if seen.insert(w.as_str(), v.len()).is_none() {
            v.push(w);
        }
    }
    let mut order: Vec<(usize, usize)> = v
        .iter()
        .enumerate()
        .map(|(i, w)| (usize::MAX - w.chars().count(), i))
        .collect();
    crate::order::sort_pairs(&mut order);
    order.iter().map(|&(_, i)| v[i].clone()).collect()
}

const SLOTS: usize = 1024;

/// Sets of words, each found leftmost-longest and without overlaps within its set, all in
/// one pass over a text.
///
/// Words are bucketed by their first character, longest first, so each position of the
/// text costs one bucket lookup; for the few hundred short words of a template this is
/// as fast as an Aho-Corasick automaton and a fraction of its size in the wasm.
#[derive(Clone, Debug)]
pub struct Dictionary {
    /// (set, index within the set, word) of each entry.
    words: Vec<(usize, usize, String)>,
    sets: usize,
    /// Each slot's words, longest first, with their first characters.
    slots: Vec<Vec<(u32, usize)>>,
    /// One bit per slot, set when the slot holds a word: most characters of a text
    /// begin no word, and this says so without touching the slot.
    occupied: [u64; SLOTS / 64],
}

fn has(bits: &[u64], i: usize) -> bool {
    bits.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
}

impl Dictionary {
    /// The words of each set, in the sets' order.
    pub fn new(sets: &[Vec<&str>]) -> Dictionary {
        let words: Vec<(usize, usize, String)> = sets
            .iter()
            .enumerate()
            .flat_map(|(k, set)| {
                set.iter()
                    .enumerate()
                    .map(move |(i, w)| (k, i, w.to_string()))
            })
            .collect();
        let mut slots = vec![Vec::new(); SLOTS];
        for (i, (_, _, w)) in words.iter().enumerate() {
            if let Some(c) = w.chars().next() {
                slots[c as usize % SLOTS].push(i);
            }
        }
        let slots: Vec<Vec<(u32, usize)>> = slots
            .into_iter()
            .map(|slot: Vec<usize>| {
                let mut order: Vec<(usize, usize)> = slot
                    .iter()
                    .map(|&i| (usize::MAX - words[i].2.len(), i))
                    .collect();
                crate::order::sort_pairs(&mut order);
                order
                    .into_iter()
                    .map(|(_, i)| (words[i].2.chars().next().map_or(0, u32::from), i))
                    .collect()
            })
            .collect();
        let mut occupied = [0u64; SLOTS / 64];
        for (i, slot) in slots.iter().enumerate() {
            if !slot.is_empty() {
                occupied[i / 64] |= 1 << (i % 64);
            }
        }
        Dictionary {
            words,
            sets: sets.len(),
            slots,
            occupied,
        }
    }

    /// Each match, in order of its start: `found(set, index within the set, byte range)`.
    pub fn scan(&self, text: &str, mut found: impl FnMut(usize, usize, std::ops::Range<usize>)) {
        self.scan_until(text, &mut |k, i, range| {
            found(k, i, range);
            false
        });
    }

    /// Where each set's matches start, a list for each set.
    pub fn starts_by_set(&self, text: &str) -> Vec<Vec<usize>> {
        let mut hits = vec![Vec::new(); self.sets];
        self.scan(text, |k, _, at| {
            if let Some(list) = hits.get_mut(k) {
                list.push(at.start);
            }
        });
        hits
    }

    /// The first match in the text (of any set): `(set, index within the set, byte range)`.
    pub fn first(&self, text: &str) -> Option<(usize, usize, std::ops::Range<usize>)> {
        let mut first = None;
        self.scan_until(text, &mut |k, i, range| {
            first = Some((k, i, range));
            true
        });
        first
    }

    /// As [`Dictionary::scan`], until `found` says to stop. One copy of the loop for
    /// every caller: a match is rare beside the characters scanned.
    fn scan_until(
        &self,
        text: &str,
        found: &mut dyn FnMut(usize, usize, std::ops::Range<usize>) -> bool,
    ) {
        // Where each set may match next: its last match's end (a set matched at a place
        // is thereby done with it: its words are not empty).
        let mut free = vec![0; self.sets];
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let (c, len) = crate::chars::code_point(bytes, at);
            let slot = c as usize % SLOTS;
            if has(&self.occupied, slot) {
                let rest = &bytes[at..];
                for &(first, i) in &self.slots[slot] {
                    // Other characters share the slot: the first character is compared
                    // before the word.
                    if first != c {
                        continue;
                    }
                    let (k, index, w) = &self.words[i];
                    if free[*k] > at || !rest.starts_with(w.as_bytes()) {
                        continue;
                    }
                    free[*k] = at + w.len();
                    if found(*k, *index, at..at + w.len()) {
                        return;
                    }
                }
            }
            at += len;
        }
    }
}

fn regexes(list: &[String], field: &str) -> Result<Vec<regex::Regex>, TemplateError> {
    if list.len() > phrases::MAX_PATTERNS {
        return Err(TemplateError {
            path: field.to_string(),
            message: format!("{} patterns; at most {}", list.len(), phrases::MAX_PATTERNS),
        });
    }
    list.iter()
        .enumerate()
        .map(|(i, p)| {
            phrases::compile(p).map_err(|e| TemplateError {
                path: format!("{field}[{i}]"),
                message: format!("not a regular expression the regex crate accepts: {e}"),
            })
        })
        .collect()
}

/// The one pass over a text for the template's words: every indicator's aliases (a set),
/// every category's keywords (a set), and each count word (项重点任务, 方面 …) a set of its
/// own; with the indicator of each alias and the (category, keyword) of each keyword.
fn vocabulary_pass(template: &Template) -> (Dictionary, Vec<usize>, Vec<(usize, usize)>) {
    let mut aliases = Vec::new();
    let mut alias_owner = Vec::new();
    for (i, ind) in template.indicators.iter().enumerate() {
        for a in &ind.aliases {
            aliases.push(a.as_str());
            alias_owner.push(i);
        }
    }
    let mut keywords = Vec::new();
    let mut keyword_owner = Vec::new();
    for (i, c) in template.categories.iter().enumerate() {
        for (k, w) in c.keywords.iter().enumerate() {
            keywords.push(w.as_str());
            keyword_owner.push((i, k));
        }
    }
    let counts = &template.vocabulary.count_words;
    let count_sets = counts
        .tasks
        .iter()
        .chain(&counts.sections)
        .chain(&counts.parts)
        .map(|w| vec![w.as_str()]);
    let sets: Vec<Vec<&str>> = [aliases, keywords].into_iter().chain(count_sets).collect();
    (Dictionary::new(&sets), alias_owner, keyword_owner)
}

/// Each category's heading word sets as indexes into the distinct heading words, and
/// those words. Distinct by a map, not by a search of the list: a template may hold a
/// hundred thousand headings.
fn heading_words(template: &Template) -> (Vec<Vec<Vec<usize>>>, Vec<&String>) {
    let mut distinct: Vec<&String> = Vec::new();
    let mut index = crate::order::Names::new();
    let heads = template
        .categories
        .iter()
        .map(|c| {
            c.headings
                .iter()
                .map(|set| {
                    set.iter()
                        .map(|w| {
                            *index.entry(w.as_str()).or_insert_with(|| {
                                distinct.push(w);
                                distinct.len() - 1
                            })
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    (heads, distinct)
}

impl Compiled {
    pub fn new(template: &Template) -> Result<Compiled, TemplateError> {
        let v = &template.vocabulary;
        let mut synonyms = v.unit_synonyms.clone();
        crate::order::sort_by_position(&mut synonyms, |pair| usize::MAX - pair.0.chars().count());
        let lead_labels = longest_first(&v.responsibility_labels.lead);
        let other_labels = longest_first(&v.responsibility_labels.other);
        let labels: Vec<Vec<&str>> = lead_labels
            .iter()
            .chain(&other_labels)
            .map(|l| vec![l.as_str()])
            .collect();
        let one_set =
            |words: &[String]| Dictionary::new(&[words.iter().map(String::as_str).collect()]);
        let (vocabulary, alias_owner, keyword_owner) = vocabulary_pass(template);
        let (category_heads, distinct_heads) = heading_words(template);
        let synonym_words =
            Dictionary::new(&[synonyms.iter().map(|(long, _)| long.as_str()).collect()]);
        Ok(Compiled {
            vocabulary,
            synonym_words,
            labels: Dictionary::new(&labels),
            roster: one_set(&v.roster_titles),
            admin: one_set(&v.admin_prefixes),
            alias_owner,
            keyword_owner,
            category_heads,
            heading_words: Dictionary::new(
                &distinct_heads
                    .iter()
                    .map(|w| vec![w.as_str()])
                    .collect::<Vec<_>>(),
            ),
            heading_word_chars: distinct_heads.iter().map(|w| w.chars().count()).collect(),
            measure_units: longest_first(&v.measure_units),
            comparators_before: longest_first(&v.comparators_before),
            comparators_after: longest_first(&v.comparators_after),
            not_quantified: Phrases::new(regexes(&v.not_quantified, "vocabulary.not_quantified")?),
            deadlines: Phrases::new(regexes(&v.deadlines, "vocabulary.deadlines")?),
            ratio_words: longest_first(&v.ratio_words),
            lead_labels,
            other_labels,
            endings: longest_first(&v.responsibility_endings),
            unit_suffixes: longest_first(&v.unit_suffixes),
            synonyms,
            commitment_verbs: longest_first(&v.commitment_verbs),
            rising_words: v.rising_words.clone(),
            falling_words: v.falling_words.clone(),
            admin_prefixes: v.admin_prefixes.clone(),
            table_headers: v.table_headers.clone(),
            table_columns: v.table_columns.clone(),
            basis_title: template
                .basis
                .as_ref()
                .map(|b| crate::chars::plain(&b.title)),
            time_words: v.time_words.clone(),
            plan_title_words: v.plan_title_words.clone(),
            collective_prefixes: v.collective_prefixes.clone(),
            collective_words: one_set(&v.collective_words),
            collective_endings: v.collective_endings.clone(),
            count_words: v.count_words.clone(),

            attachment_words: template
                .parts
                .iter()
                .filter(|p| p.kind == crate::template::PartKind::Attachments)
                .flat_map(|p| p.headings.iter().cloned())
                .collect(),
            past_markers: v.past_markers.clone(),
        })
    }

    /// The vocabulary's occurrences in the text, in one pass over it.
    pub fn vocabulary_hits(&self, text: &str) -> VocabularyHits {
        let mut hits = VocabularyHits {
            aliases: Vec::new(),
            keywords: Vec::new(),
            counts: vec![Vec::new(); self.vocabulary.sets.saturating_sub(2)],
        };
        self.vocabulary.scan(text, |set, i, range| match set {
            0 => hits
                .aliases
                .extend(self.alias_owner.get(i).map(|&ind| (ind, range))),
            1 => hits
                .keywords
                .extend(self.keyword_owner.get(i).map(|&(c, k)| (c, k, range))),
            _ => {
                if let Some(list) = hits.counts.get_mut(set - 2) {
                    list.push(range.start);
                }
            }
        });
        hits
    }

    /// The category a section heading names, by the most specific set of words it
    /// contains; ties go to the template's order.
    pub fn category_of_heading(&self, title: &str) -> Option<usize> {
        // An empty word is held by every heading, as `contains` says.
        let mut held: Vec<bool> = self.heading_word_chars.iter().map(|&n| n == 0).collect();
        self.heading_words.scan(title, |k, _, _| {
            if let Some(h) = held.get_mut(k) {
                *h = true;
            }
        });
        let mut best: Option<(usize, usize)> = None;
        for (i, sets) in self.category_heads.iter().enumerate() {
            for words in sets {
                if words.iter().all(|&w| held.get(w) == Some(&true)) {
                    let score: usize = words
                        .iter()
                        .filter_map(|&w| self.heading_word_chars.get(w))
                        .sum();
                    if best.map(|(_, s)| score > s).unwrap_or(true) {
                        best = Some((i, score));
                    }
                }
            }
        }
        best.map(|(i, _)| i)
    }

    /// A unit name reduced to one spelling, so that 县市场监督管理局 and 县市场监管局 compare
    /// equal.
    pub fn canonical_unit(&self, name: &str) -> String {
        let mut s: String = name
            .chars()
            .filter(|c| !crate::chars::is_blank(*c))
            .collect();
        // Most names have none of the long spellings: one pass says so.
        if self.synonym_words.first(&s).is_none() {
            return s;
        }
        for (long, short) in &self.synonyms {
            if s.contains(long.as_str()) {
                s = s.replace(long.as_str(), short);
            }
        }
        s
    }

    /// The longest measure unit at the start of `s`.
    pub fn unit_at<'s>(&self, s: &'s str) -> Option<&'s str> {
        self.measure_units
            .iter()
            .find(|u| s.starts_with(u.as_str()))
            .map(|u| &s[..u.len()])
    }

    pub fn ends_with_comparator(&self, s: &str) -> Option<usize> {
        self.comparators_before
            .iter()
            .find(|c| s.ends_with(c.as_str()))
            .map(|c| c.len())
    }

    pub fn starts_with_comparator_after(&self, s: &str) -> Option<usize> {
        self.comparators_after
            .iter()
            .find(|c| s.starts_with(c.as_str()))
            .map(|c| c.len())
    }

    pub fn ends_with_ratio_word(&self, s: &str) -> bool {
        self.ratio_words.iter().any(|w| s.ends_with(w.as_str()))
    }

    /// The way a comparator says a value moves: 提高到 up, 下降到 down.
    pub fn direction_of(&self, comparator: &str) -> Option<crate::template::Direction> {
        use crate::template::Direction;
        let starts = |words: &[String]| words.iter().any(|w| comparator.starts_with(w.as_str()));
        if starts(&self.rising_words) {
            Some(Direction::Higher)
        } else if starts(&self.falling_words) {
            Some(Direction::Lower)
        } else {
            None
        }
    }

    /// Whether a phrase before a number and its classifier commits to it: it starts or
    /// ends with a commitment verb (建成3个, 新增注册商标200件) and says nothing of the past.
    pub fn commits(&self, phrase: &str) -> bool {
        let verb = self
            .commitment_verbs
            .iter()
            .any(|v| phrase.starts_with(v.as_str()) || phrase.ends_with(v.as_str()));
        // A past marker stands just before the verb (已建成): only the phrase's end is read.
        let tail = phrase
            .char_indices()
            .rev()
            .nth(11)
            .map_or(phrase, |(i, _)| &phrase[i..]);
        verb && !self.past_markers.iter().any(|w| tail.contains(w.as_str()))
    }

    pub fn ends_with_unit_suffix(&self, s: &str) -> bool {
        self.unit_suffixes.iter().any(|w| s.ends_with(w.as_str()))
    }
}

impl Compiled {
    /// Whether a unit's name starts like a county's unit (县, 区, 镇 …).
    pub fn admin_prefixed(&self, name: &str) -> bool {
        self.admin_prefixes
            .iter()
            .any(|p| name.starts_with(p.as_str()))
    }

    /// A unit's name without its leading administrative prefixes: 县科技局 → 科技局.
    pub fn without_admin_prefix<'n>(&self, mut name: &'n str) -> &'n str {
        while let Some(rest) = self
            .admin_prefixes
            .iter()
            .find_map(|p| name.strip_prefix(p.as_str()))
        {
            name = rest;
        }
        name
    }

    /// Where the first administrative prefix of a text begins.
    pub fn first_admin_prefix(&self, s: &str) -> Option<usize> {
        self.admin.first(s).map(|(_, _, at)| at.start)
    }

    /// Where the first roster title (主任, 副县长 …) is in `s`.
    pub fn first_roster_title(&self, s: &str) -> Option<usize> {
        self.roster.first(s).map(|(_, _, at)| at.start)
    }

    /// Where each responsibility label occurs in `s`, a list for each (the lead labels,
    /// then the others, as [`Compiled::lead_labels`] and [`Compiled::other_labels`] list
    /// them), each without overlaps of its own: one pass over `s`.
    pub fn label_hits(&self, s: &str) -> Vec<Vec<usize>> {
        self.labels.starts_by_set(s)
    }

    /// Whether a line starts like an attachment: 附件 / 附件1.
    pub fn starts_attachment(&self, s: &str) -> bool {
        self.attachment_words
            .iter()
            .any(|w| s.starts_with(w.as_str()))
    }

    /// A name for a group of units, not one unit: 各乡镇, 有关单位, 县直各部门, 县政府.
    pub fn collective(&self, name: &str) -> bool {
        self.collective_prefixes
            .iter()
            .any(|p| name.starts_with(p.as_str()))
            || self.collective_words.first(name).is_some()
            || self
                .collective_endings
                .iter()
                .any(|w| name.ends_with(w.as_str()))
    }
}
