//! Reading details that once gave false findings: a line number in a message is the
//! line of the text as given; long noun phrases with a number and a classifier are
//! targets; provinces' names for indicators are the template's indicators.

// Tests fail loudly (unwrap, expect and panic are their assertions) and are not in the
// WebAssembly module (any sort will do).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use common::{check, count};

#[test]
fn a_message_names_the_line_of_the_text_as_given() {
    // A PDF copy: the goals paragraph hard-wrapped over several lines, read as one.
    let wrapped = "\
青山县质量强县培育建设实施方案
一、工作目标
为深入推进质量强县建设，全面提升全县质量工作水平，推动
经济社会高质量发展，结合我县实际，提出如下目标：到2027
年，全县质量工作基础更加牢固，食品抽检合格率达到98%。
二、重点任务
（一）提高产品、工程、服务质量水平
1.守牢食品安全底线。加强监管，强化抽检。到2027年，食品抽
检合格率不低于97%。（县市场监管局负责）
";
    let r = check(wrapped);
    let conflict = r
        .findings
        .iter()
        .find(|f| f.rule == "target-conflict")
        .expect("the two targets disagree");
    // The lines were joined: the text as read has the target on line 2 or 3.
    assert!(r.document.reading.joined_lines > 0);
    let given_line = wrapped
        .lines()
        .position(|l| l.contains("食品抽检合格率达到98%"))
        .map(|i| i + 1)
        .unwrap_or(0);
    assert_eq!(given_line, 5);
    assert!(
        conflict.message.contains(&format!("第{given_line}行")),
        "{}",
        conflict.message
    );
}

#[test]
fn long_noun_phrases_with_a_number_are_targets() {
    let text = "\
一、工作目标
到2027年，质量效益水平全面提高。
二、重点任务
（一）推进全民质量共治
1.完善便民服务。推进社区服务标准化，建成标准化社区便民服务站点15个。（县民政局负责）
2.做强特色农业。到2027年，打造区域公用品牌农产品示范基地3个。（县农业农村局负责）
";
    let r = check(text);
    let values: Vec<(&str, Option<u16>)> = r
        .targets
        .iter()
        .filter_map(|t| Some((t.value.as_deref()?, t.year)))
        .collect();
    assert!(values.contains(&("15", None)), "{values:?}");
    assert!(values.contains(&("3", Some(2027))), "{values:?}");
    // The undated one is flagged, the dated one is not.
    let undated: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.rule == "target-missing-date")
        .map(|f| f.excerpt.as_str())
        .collect();
    assert_eq!(undated, ["建成标准化社区便民服务站点15个"]);
}

#[test]
fn provinces_names_for_air_and_water_are_the_template_indicators() {
    let text = "\
一、工作目标
到2027年，城市环境空气优良天数比率达到90%，地表水水质优Ⅲ类比例保持100%。
二、重点任务
（一）提升绿色发展质量
1.改善空气和水质。深入打好蓝天碧水保卫战。到2027年，城市环境空气优良天数比率达到90%。（县生态环境分局负责）
";
    let r = check(text);
    let present = |id: &str| {
        r.indicators
            .iter()
            .any(|i| i.id == id && i.status.as_str() == "present")
    };
    assert!(present("air"));
    assert!(present("water"));
    assert_eq!(count(&r, "target-missing-unit"), 0);
}
