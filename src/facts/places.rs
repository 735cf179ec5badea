//! The place a plan is for, from its title: 休宁县 in 休宁县推进质量强县培育建设工作实施方案,
//! and its level: a county's, a district's, a town's or a city's plan.

crate::names::named_enum! {
    /// The level of government a plan is written for.
    pub enum Level {
        County = "county",
        District = "district",
        Town = "town",
        City = "city",
    }
}

impl Level {
    /// The character that names the level: 县, 区, 镇, 市.
    pub fn character(self) -> char {
        match self {
            Level::County => '县',
            Level::District => '区',
            Level::Town => '镇',
            Level::City => '市',
        }
    }

    /// How a reader names it: 县级方案.
    pub fn label(self) -> &'static str {
        match self {
            Level::County => "县级",
            Level::District => "区级",
            Level::Town => "镇级",
            Level::City => "市级",
        }
    }

    fn of_character(c: char) -> Option<Level> {
        match c {
            '县' | '旗' => Some(Level::County),
            '区' => Some(Level::District),
            '镇' | '乡' => Some(Level::Town),
            '市' => Some(Level::City),
            _ => None,
        }
    }

    /// A unit such a plan would name, for an example in a suggestion: 县××局, 镇××办.
    pub fn sample_unit(self) -> &'static str {
        match self {
            Level::County => "县××局",
            Level::District => "区××局",
            Level::Town => "镇××办",
            Level::City => "市××局",
        }
    }

    /// A lead unit and the units beside it, for an example of a responsibility clause.
    pub fn sample_units(self) -> (&'static str, &'static str) {
        match self {
            Level::Town => ("镇经济发展办", "镇市场监管所、镇农业服务中心"),
            Level::County => ("县××局", "县××局、县××局"),
            Level::District => ("区××局", "区××局、区××局"),
            Level::City => ("市××局", "市××局、市××局"),
        }
    }
}

/// The level a plan's title names: 质量强县 / 强区 / 强镇 / 强市, else the place's last
/// character (青禾区, 某某镇).
pub fn level_of_title(title: &str, admin: &[String]) -> Option<Level> {
    if let Some(k) = title.find("质量强") {
        let after = title[k + "质量强".len()..].chars().next();
        if let Some(level) = after.and_then(Level::of_character) {
            return Some(level);
        }
    }
    place_of(title, admin)
        .and_then(|p| p.chars().last())
        .and_then(Level::of_character)
}

/// The level most responsible units' names start with (县科技局, 镇农业服务中心), when
/// most agree.
pub fn level_of_units<'n>(names: impl Iterator<Item = &'n str>) -> Option<Level> {
    let mut counts = [0usize; 4];
    let mut total = 0;
    for name in names {
        total += 1;
        if let Some(level) = name.chars().next().and_then(Level::of_character) {
            counts[Level::ALL.iter().position(|l| *l == level).unwrap_or(0)] += 1;
        }
    }
    let (i, &n) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
    (n >= 3 && n * 2 > total)
        .then(|| Level::ALL.get(i).copied())
        .flatten()
}

/// The place named at the start of a plan's title: the title up to the first character
/// that ends a place's name (县, 区, 市 … — the vocabulary's administrative characters),
/// when that comes before the plan's own words. `None` for a title without a place
/// (质量强县培育建设实施方案).
pub fn place_of<'t>(title: &'t str, admin: &[String]) -> Option<&'t str> {
    // A title quoted in book-title marks or quotes (《灵璧县…》) is read inside them.
    let title = title.trim_start_matches(['《', '〈', '“', '"', '「', '（', '(']);
    // A place name is short; the plan's own words (质量, 推进, 关于) end the search.
    let head_end = ["质量", "推进", "关于", "培育", "实施", "人民政府"]
        .iter()
        .filter_map(|w| title.find(w))
        .min()
        .unwrap_or(title.len());
    let head = &title[..head_end];
    let end = head
        .char_indices()
        .rev()
        .find(|(_, c)| {
            admin
                .iter()
                .any(|a| a.starts_with(*c) && a.chars().count() == 1)
        })
        .map(|(i, c)| i + c.len_utf8())?;
    let place = &title[..end];
    (place.chars().count() >= 2 && place.chars().count() <= 12).then_some(place)
}

#[cfg(test)]
mod tests {
    use super::{level_of_title, level_of_units, place_of, Level};

    #[test]
    fn levels_from_a_title_and_from_units() {
        let admin: Vec<String> = ["县", "市", "区", "镇", "乡"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let level = |t: &str| level_of_title(t, &admin);
        assert_eq!(
            level("休宁县推进质量强县培育建设工作实施方案"),
            Some(Level::County)
        );
        assert_eq!(
            level("青禾区质量强区培育建设工作实施方案"),
            Some(Level::District)
        );
        assert_eq!(level("某某镇创建质量强镇实施方案"), Some(Level::Town));
        assert_eq!(level("桐城市质量强市培育建设实施方案"), Some(Level::City));
        assert_eq!(level("某某镇质量提升工作方案"), Some(Level::Town));
        assert_eq!(level("质量强国建设纲要"), None);
        let units = [
            "镇经济发展办",
            "镇市场监管所",
            "镇农业服务中心",
            "县市场监管局",
        ];
        assert_eq!(level_of_units(units.into_iter()), Some(Level::Town));
        assert_eq!(level_of_units(["县科技局"].into_iter()), None);
    }

    #[test]
    fn places_at_the_start_of_a_title() {
        let admin: Vec<String> = ["县", "市", "区", "镇", "乡", "州", "省", "旗"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            place_of("休宁县推进质量强县培育建设工作实施方案", &admin),
            Some("休宁县")
        );
        assert_eq!(
            place_of("澧县质量强县培育建设实施方案（征求意见稿）", &admin),
            Some("澧县")
        );
        assert_eq!(
            place_of("某市某区质量强区培育建设实施方案", &admin),
            Some("某市某区")
        );
        assert_eq!(
            place_of("休宁县人民政府办公室关于印发", &admin),
            Some("休宁县")
        );
        assert_eq!(place_of("质量强县培育建设实施方案", &admin), None);
        assert_eq!(
            place_of("《灵璧县开展创建国家质量强县实施意见》", &admin),
            Some("灵璧县")
        );
    }
}
