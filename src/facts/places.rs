//! The place a plan is for, from its title: 休宁县 in 休宁县推进质量强县培育建设工作实施方案.

/// The place named at the start of a plan's title: the title up to the first character
/// that ends a place's name (县, 区, 市 … — the vocabulary's administrative characters),
/// when that comes before the plan's own words. `None` for a title without a place
/// (质量强县培育建设实施方案).
pub fn place_of<'t>(title: &'t str, admin: &[String]) -> Option<&'t str> {
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
    use super::place_of;

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
    }
}
