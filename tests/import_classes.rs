//! One minimal page per class of real-page failure (issue: real published reports), each
//! reproducing what a real page did: a body paragraph holding an e-mail address, parts run inline
//! in a text copy, metadata in the forms portals print it, a 2019 表二 whose Word spans disagree
//! with its header. Each failed before the importer was fixed.
#![cfg(feature = "tool")]

mod common;
use report_viewer::import::{import, Imported, Options};
use report_viewer::model::{check_report, Block, Report};

fn run(page: &str) -> Imported {
    import(page.as_bytes(), &Options::default()).expect("imports")
}

fn texts(r: &Report) -> Vec<String> {
    let mut out = Vec::new();
    for b in &r.introduction {
        if let Block::Paragraph { text } = b {
            out.push(text.clone());
        }
    }
    for s in r.all_sections() {
        out.push(format!("{}{}", s.number, s.title));
        for b in &s.blocks {
            if let Block::Paragraph { text } = b {
                out.push(text.clone());
            }
        }
    }
    out
}

const PARTS: &str = "<p>一、总体情况</p><p>今年公开信息100条。</p><p>二、主动公开政府信息情况</p><p>见下表。</p>\
<p>三、收到和处理政府信息公开申请情况</p><p>见下表。</p><p>四、政府信息公开行政复议、行政诉讼情况</p><p>无。</p>\
<p>五、存在的主要问题及改进情况</p><p>问题在于宣传不够。</p><p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>";

#[test]
fn a_body_paragraph_that_gives_an_email_address_is_kept() {
    let page = format!(
        "<html><body><div class=\"TRS_Editor\"><p>某县2021年度政府信息公开工作年度报告</p>\
         <p>本报告由县政务公开办编制，如有疑问请联系县政务公开办，电子邮箱：gk@example.gov.cn，联系电话：0591-1234567。</p>{PARTS}</div>\
         <div>联系电话：0591-7654321</div><div>电子邮箱：web@example.gov.cn</div></body></html>"
    );
    let imported = run(&page);
    let t = texts(&imported.report);
    assert!(
        t.iter()
            .any(|p| p.starts_with("本报告由县政务公开办编制") && p.contains("电子邮箱")),
        "{t:#?}"
    );
}

#[test]
fn every_dropped_line_is_listed_with_its_text() {
    let page = format!(
        "<html><body><div class=\"TRS_Editor\"><p>【打印本页】【关闭窗口】</p><p>字体：【大 中 小】</p>{PARTS}<p>分享到：微信 微博</p></div></body></html>"
    );
    let imported = run(&page);
    for dropped in [
        "【打印本页】【关闭窗口】",
        "字体：【大 中 小】",
        "分享到：微信 微博",
    ] {
        assert!(
            imported
                .notes_in(&report_viewer::labels::ZH)
                .iter()
                .any(|n| n.contains(dropped)),
            "{dropped}: {:#?}",
            imported.notes_in(&report_viewer::labels::ZH)
        );
    }
}

#[test]
fn a_text_copy_with_parts_inline_imports_its_six_parts() {
    let text = "某县2021年度政府信息公开工作年度报告\n根据《条例》要求，编制本报告。情况如下：一、总体情况（一）主动公开今年公开信息100条。（二）依申请公开全年收到申请3件。二、主动公开政府信息情况 见附表。三、收到和处理政府信息公开申请情况 全年收到申请3件。四、政府信息公开行政复议、行政诉讼情况 无。五、存在的主要问题及改进情况 宣传不够。六、其他需要报告的事项 本年度未收取信息处理费。";
    let imported = run(text);
    let r = &imported.report;
    let parts: Vec<String> = r.sections.iter().map(|s| s.title.clone()).collect();
    assert_eq!(
        parts,
        [
            "总体情况",
            "主动公开政府信息情况",
            "收到和处理政府信息公开申请情况",
            "政府信息公开行政复议、行政诉讼情况",
            "存在的主要问题及改进情况",
            "其他需要报告的事项"
        ]
    );
    let t = texts(r);
    assert!(
        t.contains(&"（一）主动公开今年公开信息100条。".to_string()),
        "{t:#?}"
    );
    assert!(
        imported
            .notes_in(&report_viewer::labels::ZH)
            .iter()
            .any(|n| n.contains("连排")),
        "{:?}",
        imported.notes_in(&report_viewer::labels::ZH)
    );
    // And where 一、 starts a line but the rest runs inline.
    let text = "某县2021年度政府信息公开工作年度报告\n一、总体情况今年公开信息100条。二、主动公开政府信息情况 见附表。三、收到和处理政府信息公开申请情况 无。";
    let r = run(text).report;
    assert_eq!(r.sections.len(), 3, "{:#?}", texts(&r));
}

#[test]
fn metadata_in_the_forms_portals_print_it() {
    let body = format!("<div class=\"TRS_Editor\">{PARTS}</div>");
    let cases: Vec<(String, &str, &str)> = vec![
        (
            format!("<html><body><h1>某县2021年度政府信息公开工作年度报告</h1><div>来源：县政府办 时间：2021-03-05 08:58</div>{body}</body></html>"),
            "2021-03-05T08:58",
            "",
        ),
        (
            format!("<html><body><h1>某县2021年度政府信息公开工作年度报告</h1><div>发布时间：2022年1月20日</div><div>发布机构：某县人民政府办公室</div>{body}</body></html>"),
            "2022-01-20",
            "某县人民政府办公室",
        ),
        (
            format!("<html><body><h1>某县2021年度政府信息公开工作年度报告</h1><div>公开日期：2022-01-21</div>{body}</body></html>"),
            "2022-01-21",
            "",
        ),
        (
            format!("<html><head><meta name=\"PubDate\" content=\"2022-01-22 09:30\"></head><body><h1>某县2021年度政府信息公开工作年度报告</h1>{body}</body></html>"),
            "2022-01-22T09:30",
            "",
        ),
        (
            format!("<html><body><h1>某县2021年度政府信息公开工作年度报告</h1><publishtime>2022-01-23 10:00:00</publishtime>{body}</body></html>"),
            "2022-01-23T10:00",
            "",
        ),
    ];
    for (page, published, agency) in cases {
        let r = run(&page).report;
        assert_eq!(r.meta.published, published, "{page}");
        assert_eq!(r.meta.agency, agency, "{page}");
        if page.contains("来源：县政府办") {
            assert_eq!(r.meta.source.as_deref(), Some("县政府办"));
        }
        // The report text never holds the metadata lines.
        assert!(texts(&r)
            .iter()
            .all(|t| !t.contains("发布") && !t.contains("时间：")));
    }
}

#[test]
fn a_time_line_of_report_text_is_not_metadata() {
    let page = format!(
        "<html><body><div class=\"TRS_Editor\"><p>某县2021年度政府信息公开工作年度报告</p><p>时间：全年共开展培训3次。</p>{PARTS}</div></body></html>"
    );
    let r = run(&page).report;
    assert!(texts(&r).contains(&"时间：全年共开展培训3次。".to_string()));
}

#[test]
fn rows_written_with_their_group_are_placed_by_the_importer() {
    // 表三 in the 2021 format, with its sub-rows written as "（三）不予公开 1.属于国家秘密" in
    // one cell (no row-spanning group cell).
    let mut rows = String::new();
    let row = |label: &str, v: [u32; 7]| {
        let cells: String = v.iter().map(|x| format!("<td>{x}</td>")).collect();
        format!("<tr><td>{label}</td>{cells}</tr>")
    };
    rows += &row("一、本年新收政府信息公开申请数量", [3, 0, 0, 0, 0, 0, 3]);
    rows += &row("二、上年结转政府信息公开申请数量", [0; 7]);
    rows += &row("三、本年度办理结果（一）予以公开", [1, 0, 0, 0, 0, 0, 1]);
    rows += &row(
        "三、本年度办理结果（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        [0; 7],
    );
    for (i, l) in [
        "属于国家秘密",
        "其他法律行政止公开",
        "危及“三安全一稳定”",
        "保护第三方合法权益",
        "属于三类内部事务信息",
        "属于四类过程性信息",
        "属于行政执法案卷",
        "属于行政查询事项",
    ]
    .iter()
    .enumerate()
    {
        let v = if i == 0 {
            [1, 0, 0, 0, 0, 0, 1]
        } else {
            [0; 7]
        };
        rows += &row(&format!("（三）不予公开／{}.{l}", i + 1), v);
    }
    for (i, l) in [
        "本机关不掌握相关政府信息",
        "没有现成信息需要另行制作",
        "补正后申请内容仍不明确",
    ]
    .iter()
    .enumerate()
    {
        rows += &row(&format!("（四）无法提供-{}.{l}", i + 1), [0; 7]);
    }
    for (i, l) in [
        "信访举报投诉类申请",
        "重复申请",
        "要求提供公开出版物",
        "无正当理由大量反复申请",
        "要求行政机关确认或重新出具已获取信息",
    ]
    .iter()
    .enumerate()
    {
        rows += &row(&format!("（五）不予处理·{}.{l}", i + 1), [0; 7]);
    }
    for (i, l) in [
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "其他",
    ]
    .iter()
    .enumerate()
    {
        let v = if i == 2 {
            [1, 0, 0, 0, 0, 0, 1]
        } else {
            [0; 7]
        };
        rows += &row(&format!("（六）其他处理<br>{}.{l}", i + 1), v);
    }
    rows += &row("（七）总计", [3, 0, 0, 0, 0, 0, 3]);
    rows += &row("四、结转下年度继续办理", [0; 7]);
    let table = format!(
        "<table><tr><td rowspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=\"7\">申请人情况</td></tr>\
         <tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>\
         <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>{rows}</table>"
    );
    let page = format!(
        "<html><body><div class=\"TRS_Editor\"><p>某县2021年度政府信息公开工作年度报告</p><p>一、总体情况</p><p>好。</p><p>二、主动公开政府信息情况</p><p>无。</p><p>三、收到和处理政府信息公开申请情况</p>{table}<p>四、政府信息公开行政复议、行政诉讼情况</p><p>无。</p></div></body></html>"
    );
    let imported = run(&page);
    let checked = check_report(imported.report.clone());
    let t3 = checked
        .tables
        .values()
        .find(|t| t.template.is_some())
        .expect("表三");
    // Every row placed: no paragraph of unplaced rows, all 25 rows given.
    assert!(
        imported
            .notes_in(&report_viewer::labels::ZH)
            .iter()
            .all(|n| !n.contains("未能放入")),
        "{:#?}",
        imported.notes_in(&report_viewer::labels::ZH)
    );
    let (_, secret) = t3
        .keyed_cell("refused_state_secret", "natural_person")
        .unwrap();
    assert_eq!(secret.text, "1");
    let (_, other) = t3.keyed_cell("other_other", "total").unwrap();
    assert_eq!(other.text, "1");
    // The typo is reported as a loose match, and the identities hold: nothing else to say.
    assert!(imported
        .notes_in(&report_viewer::labels::ZH)
        .iter()
        .any(|n| n.contains("其他法律行政止公开")));
    let about_tables: Vec<_> = checked
        .findings
        .iter()
        .filter(|f| f.needs_attention() && f.table_id.is_some())
        .collect();
    assert!(about_tables.is_empty(), "{about_tables:#?}");
}

#[test]
fn formulas_in_an_imported_page_reach_the_csv_neutralised() {
    let page = format!(
        "<html><body><div class=\"TRS_Editor\"><p>某县2021年度政府信息公开工作年度报告</p>{PARTS}\
         <table><tr><td>项目</td><td>说明</td><td>件数</td></tr>\
         <tr><td>@SUM(1+1)</td><td>=HYPERLINK(\"http://evil.example\",\"118\")</td><td>+12</td></tr></table></div></body></html>"
    );
    let checked = check_report(run(&page).report);
    let table = checked
        .tables
        .values()
        .find(|t| t.template.is_none())
        .expect("generic table");
    let csv = report_viewer::export::table_csv(table, &report_viewer::labels::ZH);
    assert!(csv.contains("'@SUM(1+1)"), "{csv}");
    assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
    assert!(csv.trim_end().ends_with(",+12"), "{csv}");
}

#[test]
fn a_page_over_the_documented_size_is_refused_with_a_message() {
    let big = vec![b' '; report_viewer::import::MAX_PAGE_BYTES + 1];
    let err = import(&big, &Options::default()).unwrap_err();
    assert!(err.to_string().contains("超过导入上限"), "{err}");
}

#[test]
fn a_flattened_copy_of_the_body_is_dropped_and_listed_even_among_thousands_of_lines() {
    // Thousands of distinct paragraphs, then one line that runs three of them together (as
    // a page's print copy does): found without comparing every line with every other.
    let mut body = String::from("<p>一、总体情况</p>");
    for i in 0..3000 {
        body += &format!("<p>第{i}段内容，说明本年度政府信息公开工作的一个方面。</p>");
    }
    body += "<p>第5段内容，说明本年度政府信息公开工作的一个方面。第6段内容，说明本年度政府信息公开工作的一个方面。第7段内容，说明本年度政府信息公开工作的一个方面。</p>";
    let page = format!("<html><body><div class=\"TRS_Editor\"><p>某县2021年度政府信息公开工作年度报告</p>{body}</div></body></html>");
    let imported = run(&page);
    let t = texts(&imported.report);
    // The part heading and the 3000 paragraphs: the flattened copy is gone, and the title printed
    // again as the first line is the title, not text.
    assert_eq!(t.len(), 3001);
    assert!(imported
        .notes_in(&report_viewer::labels::ZH)
        .iter()
        .any(|n| n.contains("连排副本") && n.contains("第5段内容")));
}

#[test]
fn check_quotes_a_huge_figure_short() {
    let figure = "9".repeat(2_000_000);
    let json = format!(
        r#"{{"version":1,"meta":{{"title":"T","agency":"A","published":"2023-01-01 08:00","year":2022}},
        "sections":[{{"id":"p","title":"三","blocks":[{{"type":"table","id":"t3","template":"table3-2021",
        "values":{{"new_requests":{{"natural_person":"{figure}x","total":1}},"（八）其他":{{"total":"{figure}"}}}}}}]}}]}}"#
    );
    let checked = check_report(report_viewer::model::parse_report(&json).unwrap());
    for f in &checked.findings {
        assert!(
            f.message().chars().count() < 400,
            "{} characters",
            f.message().chars().count()
        );
        assert!(f.printed.as_deref().unwrap_or("").chars().count() <= 100);
    }
    assert!(checked
        .findings
        .iter()
        .any(|f| f.message().contains("（共 2000001 字）")));
}

#[test]
fn full_width_digits_in_dates_titles_and_numbering_are_read() {
    // Text pasted from Word often has full-width digits: the date, the title's year and item
    // numbers (（１）) read as their ASCII forms would.
    let page = format!(
        "<html><head><title>某县２０２１年度政府信息公开工作年度报告</title></head><body>\
         <div>发布日期：２０２２年２月８日</div><div class=\"TRS_Editor\">{}</div></body></html>",
        PARTS.replace(
            "<p>今年公开信息100条。</p>",
            "<p>（一）主动公开</p><p>（１）公开文件</p><p>今年公开信息100条。</p>"
        )
    );
    let imported = run(&page);
    let meta = &imported.report.meta;
    assert_eq!(meta.year, 2021);
    assert_eq!(meta.published, "2022-02-08");
    let part = &imported.report.sections[0];
    assert_eq!(part.sections[0].sections[0].number, "（１）");
    assert_eq!(part.sections[0].sections[0].title, "公开文件");
}

/// 表四 as pages print it: one data row under 行政复议 and 行政诉讼's two groups.
const TABLE4: &str = "<table><tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>\
<tr><td rowspan=2>结果维持</td><td rowspan=2>结果纠正</td><td rowspan=2>其他结果</td><td rowspan=2>尚未审结</td><td rowspan=2>总计</td>\
<td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr>\
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>\
<tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>2</td><td>0</td><td>0</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>";

#[test]
fn headings_of_two_parts_on_one_line_keep_the_table_in_its_own_part() {
    let page = format!(
        "<html><body><div class=\"TRS_Editor\"><p>某县2021年度政府信息公开工作年度报告</p>\
         <p>一、总体情况</p><p>今年公开信息100条。</p><p>二、主动公开政府信息情况</p><p>见下表。</p>\
         <p>三、收到和处理政府信息公开申请情况</p><p>见下表。</p>\
         <p>四、政府信息公开行政复议、行政诉讼情况　五、存在的主要问题及改进情况</p>{TABLE4}\
         <p>问题在于宣传不够，将加强培训。</p><p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p></div></body></html>"
    );
    let imported = run(&page);
    let r = &imported.report;
    let part = |n: char| r.sections.iter().find(|s| s.number.starts_with(n)).unwrap();
    assert!(
        part('四').blocks.iter().any(
            |b| matches!(b, Block::Table(t) if t.template.is_some_and(|id| id.table_number() == 4))
        ),
        "{:#?}",
        r.sections
    );
    assert!(part('五')
        .blocks
        .iter()
        .all(|b| !matches!(b, Block::Table(_))));
    assert!(
        imported
            .notes_in(&report_viewer::labels::ZH)
            .iter()
            .any(|n| n.contains("表四") && n.contains("已放回")),
        "{:?}",
        imported.notes_in(&report_viewer::labels::ZH)
    );
    // Its figures are placed (行政复议 1, 未经复议直接起诉 2).
    let checked = check_report(r.clone());
    let t4 = checked
        .tables
        .values()
        .find(|t| t.label.as_deref() == Some("表四"))
        .unwrap();
    assert_eq!(t4.keyed_cell("review", "total").unwrap().1.text, "1");
    assert_eq!(t4.keyed_cell("direct_suit", "total").unwrap().1.text, "2");
}

#[test]
fn hidden_elements_are_not_read_and_are_listed() {
    let page = format!(
        "<html><body><div class=\"TRS_Editor\"><p>某县2021年度政府信息公开工作年度报告</p>\
         <div style=\"display: none\">朗读插件：点击开始朗读</div>\
         <div hidden>隐藏的模板文字</div><span aria-hidden=\"true\">图标文字</span>\
         <p style=\"color:red\">一段显示的文字。</p>{PARTS}</div></body></html>"
    );
    let imported = run(&page);
    let t = texts(&imported.report);
    for hidden in ["朗读插件", "隐藏的模板文字", "图标文字"] {
        assert!(t.iter().all(|p| !p.contains(hidden)), "{hidden}: {t:#?}");
        assert!(
            imported
                .notes_in(&report_viewer::labels::ZH)
                .iter()
                .any(|n| n.contains(hidden) && n.contains("隐藏")),
            "{hidden}: {:?}",
            imported.notes_in(&report_viewer::labels::ZH)
        );
    }
    assert!(t.iter().any(|p| p == "一段显示的文字。"), "{t:#?}");
}

#[test]
fn the_agency_printed_in_a_table_in_the_page_head_is_read() {
    let page = format!(
        "<html><body><table class=\"xxgk\"><tr><td>索引号：</td><td>000123/2022-00001</td><td>发布机构：</td><td>某县人民政府办公室</td></tr>\
         <tr><td>发布日期</td><td>2022-01-20</td><td>分类</td><td>年度报告</td></tr></table>\
         <div class=\"TRS_Editor\"><p>某县2021年度政府信息公开工作年度报告</p>{PARTS}</div></body></html>"
    );
    let imported = run(&page);
    assert_eq!(imported.report.meta.agency, "某县人民政府办公室");
    assert!(
        imported.report.meta.published.starts_with("2022-01-20"),
        "{}",
        imported.report.meta.published
    );
}

#[test]
fn the_title_printed_again_over_two_lines_is_not_text() {
    let page = format!(
        "<html><head><title>某县2021年度政府信息公开工作年度报告</title></head><body><div class=\"TRS_Editor\">\
         <p>某县</p><p>2021年度政府信息公开工作年度报告</p><p>根据条例编制本报告。</p>{PARTS}</div></body></html>"
    );
    let imported = run(&page);
    let t = texts(&imported.report);
    assert_eq!(t[0], "根据条例编制本报告。", "{t:#?}");
    assert!(
        imported
            .notes_in(&report_viewer::labels::ZH)
            .iter()
            .filter(|n| n.contains("重复的标题"))
            .count()
            == 2
    );
}

#[test]
fn a_sentence_said_again_in_other_parts_is_kept_in_each() {
    let page = "<html><body><div class=\"TRS_Editor\"><p>某县2021年度政府信息公开工作年度报告</p>\
        <p>一、总体情况</p><p>今年公开信息100条。</p><p>二、主动公开政府信息情况</p><p>见下表。</p>\
        <p>三、收到和处理政府信息公开申请情况</p><p>见下表。</p><p>四、政府信息公开行政复议、行政诉讼情况</p>\
        <p>本年度未发生此类情况。</p><p>五、存在的主要问题及改进情况</p><p>本年度未发生此类情况。</p>\
        <p>六、其他需要报告的事项</p><p>本年度未发生此类情况。</p></div></body></html>";
    let imported = run(page);
    for n in ['四', '五', '六'] {
        let part = imported
            .report
            .sections
            .iter()
            .find(|s| s.number.starts_with(n))
            .unwrap();
        assert!(
            matches!(part.blocks.first(), Some(Block::Paragraph { text }) if text == "本年度未发生此类情况。"),
            "part {n}: {:?}",
            part.blocks
        );
    }
    assert!(
        imported
            .notes_in(&report_viewer::labels::ZH)
            .iter()
            .all(|n| !n.contains("重复的正文行")),
        "{:?}",
        imported.notes_in(&report_viewer::labels::ZH)
    );
    // A whole body printed twice is still kept once.
    let twice = page.replace("</div></body>", "<p>一、总体情况</p><p>今年公开信息100条。</p><p>二、主动公开政府信息情况</p><p>见下表。</p></div></body>");
    let imported = run(&twice);
    let t = texts(&imported.report);
    assert_eq!(
        t.iter().filter(|p| *p == "今年公开信息100条。").count(),
        1,
        "{t:#?}"
    );
}

#[test]
fn a_one_cell_table_is_text_that_is_shown() {
    let page = format!(
        "<html><body><div class=\"TRS_Editor\"><p>某县2021年度政府信息公开工作年度报告</p>\
         <table><tr><td>注：本报告所列数据的统计期限自2021年1月1日起至12月31日止。</td></tr></table>{PARTS}</div></body></html>"
    );
    let imported = run(&page);
    let t = texts(&imported.report);
    assert!(
        t.iter()
            .any(|p| p.starts_with("注：本报告所列数据的统计期限")),
        "{t:#?}"
    );
    let html = common::saved_page(&check_report(imported.report.clone()));
    assert!(
        html.contains("注：本报告所列数据的统计期限"),
        "the saved page shows it"
    );
}
