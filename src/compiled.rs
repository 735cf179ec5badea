//! A template prepared for checking: automata and regular expressions built once.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use crate::template::{Template, TemplateError};

#[derive(Clone, Debug)]
pub struct Compiled {
    aliases: AhoCorasick,
    alias_owner: Vec<usize>,
    keywords: AhoCorasick,
    keyword_owner: Vec<(usize, usize)>,
    category_heads: Vec<Vec<Vec<String>>>,
    pub measure_units: Vec<String>,
    pub comparators_before: Vec<String>,
    pub comparators_after: Vec<String>,
    pub not_quantified: Vec<Regex>,
    pub deadlines: Vec<Regex>,
    pub ratio_words: Vec<String>,
    pub lead_labels: Vec<String>,
    pub other_labels: Vec<String>,
    pub endings: Vec<String>,
    pub unit_suffixes: Vec<String>,
    synonyms: Vec<(String, String)>,
}

fn longest_first(list: &[String]) -> Vec<String> {
    let mut v: Vec<String> = list.to_vec();
    v.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    v.dedup();
    v
}

fn automaton(patterns: &[&str], field: &str) -> Result<AhoCorasick, TemplateError> {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .map_err(|e| TemplateError {
            path: field.to_string(),
            message: e.to_string(),
        })
}

fn regexes(list: &[String], field: &str) -> Result<Vec<Regex>, TemplateError> {
    list.iter()
        .enumerate()
        .map(|(i, p)| {
            Regex::new(p).map_err(|e| TemplateError {
                path: format!("{field}[{i}]"),
                message: format!("not a valid regular expression: {e}"),
            })
        })
        .collect()
}

impl Compiled {
    pub fn new(template: &Template) -> Result<Compiled, TemplateError> {
        let mut alias_patterns = Vec::new();
        let mut alias_owner = Vec::new();
        for (i, ind) in template.indicators.iter().enumerate() {
            for a in &ind.aliases {
                alias_patterns.push(a.as_str());
                alias_owner.push(i);
            }
        }
        let mut keyword_patterns = Vec::new();
        let mut keyword_owner = Vec::new();
        for (i, c) in template.categories.iter().enumerate() {
            for (k, w) in c.keywords.iter().enumerate() {
                keyword_patterns.push(w.as_str());
                keyword_owner.push((i, k));
            }
        }
        let v = &template.vocabulary;
        let mut synonyms = v.unit_synonyms.clone();
        synonyms.sort_by_key(|pair| std::cmp::Reverse(pair.0.chars().count()));
        Ok(Compiled {
            aliases: automaton(&alias_patterns, "indicators")?,
            alias_owner,
            keywords: automaton(&keyword_patterns, "categories")?,
            keyword_owner,
            category_heads: template
                .categories
                .iter()
                .map(|c| c.headings.clone())
                .collect(),
            measure_units: longest_first(&v.measure_units),
            comparators_before: longest_first(&v.comparators_before),
            comparators_after: longest_first(&v.comparators_after),
            not_quantified: regexes(&v.not_quantified, "vocabulary.not_quantified")?,
            deadlines: regexes(&v.deadlines, "vocabulary.deadlines")?,
            ratio_words: longest_first(&v.ratio_words),
            lead_labels: longest_first(&v.responsibility_labels.lead),
            other_labels: longest_first(&v.responsibility_labels.other),
            endings: longest_first(&v.responsibility_endings),
            unit_suffixes: longest_first(&v.unit_suffixes),
            synonyms,
        })
    }

    /// Every occurrence of an indicator alias: (indicator, byte range).
    pub fn alias_hits(&self, text: &str) -> Vec<(usize, std::ops::Range<usize>)> {
        self.aliases
            .find_iter(text)
            .filter_map(|m| {
                let owner = *self.alias_owner.get(m.pattern().as_usize())?;
                Some((owner, m.start()..m.end()))
            })
            .collect()
    }

    /// Every occurrence of a category keyword: (category, keyword, byte range).
    pub fn keyword_hits(&self, text: &str) -> Vec<(usize, usize, std::ops::Range<usize>)> {
        self.keywords
            .find_iter(text)
            .filter_map(|m| {
                let (c, k) = *self.keyword_owner.get(m.pattern().as_usize())?;
                Some((c, k, m.start()..m.end()))
            })
            .collect()
    }

    /// The category a section heading names, by the most specific set of words it
    /// contains; ties go to the template's order.
    pub fn category_of_heading(&self, title: &str) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (i, sets) in self.category_heads.iter().enumerate() {
            for words in sets {
                if words.iter().all(|w| title.contains(w.as_str())) {
                    let score: usize = words.iter().map(|w| w.chars().count()).sum();
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
            .filter(|c| !crate::parse::lines::is_blank(*c))
            .collect();
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

    pub fn ends_with_unit_suffix(&self, s: &str) -> bool {
        self.unit_suffixes.iter().any(|w| s.ends_with(w.as_str()))
    }
}
