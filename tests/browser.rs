//! Components in a real browser (headless Chromium through wasm-bindgen-test): the accordion keeps
//! aria-expanded and hidden in step, and tables tie every figure to its headers.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use report_viewer::model::{check_report, parse_report};
use report_viewer::ui::ReportView;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("../public/reports/sample-2021.json");

/// Mounts the sample report into a fresh container and returns it.
async fn mount_sample() -> HtmlElement {
    let doc = document();
    let host: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    let checked = Arc::new(check_report(parse_report(SAMPLE).unwrap()));
    leptos::mount::mount_to(host.clone(), move || view! { <ReportView checked/> }).forget();
    leptos::task::tick().await;
    // Collapsed parts are filled in the first task after the first frame.
    let next_frame_then_task = js_sys::Promise::new(&mut |resolve, _| {
        let later = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        });
        let _ = window().request_animation_frame(later.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(next_frame_then_task).await;
    leptos::task::tick().await;
    host
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn click(el: &Element) {
    el.unchecked_ref::<HtmlElement>().click();
}

#[wasm_bindgen_test]
async fn parts_toggle_and_keep_aria_expanded_right() {
    let host = mount_sample().await;
    let button = find(&host, "#part-3-button");
    let panel = find(&host, "#part-3-panel");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        button.get_attribute("aria-controls").as_deref(),
        Some("part-3-panel")
    );
    assert_eq!(
        panel.get_attribute("hidden").as_deref(),
        Some("until-found")
    );
    assert_eq!(button.parent_element().unwrap().tag_name(), "H2");

    click(&button);
    leptos::task::tick().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(panel.get_attribute("hidden"), None);
    // Opening a part puts it in the address without a new history entry.
    assert_eq!(window().location().hash().unwrap(), "#part-3");

    click(&button);
    leptos::task::tick().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        panel.get_attribute("hidden").as_deref(),
        Some("until-found")
    );

    // 展开全部 then 收起全部 reach every part.
    let tools = host.query_selector_all(".rv-toolbar button").unwrap();
    click(&tools.item(0).unwrap().unchecked_into());
    leptos::task::tick().await;
    let buttons = host.query_selector_all(".rv-part__button").unwrap();
    assert_eq!(buttons.length(), 6);
    for i in 0..buttons.length() {
        let b: Element = buttons.item(i).unwrap().unchecked_into();
        assert_eq!(b.get_attribute("aria-expanded").as_deref(), Some("true"));
    }
    click(&tools.item(1).unwrap().unchecked_into());
    leptos::task::tick().await;
    for i in 0..buttons.length() {
        let b: Element = buttons.item(i).unwrap().unchecked_into();
        assert_eq!(b.get_attribute("aria-expanded").as_deref(), Some("false"));
    }
    // The browser's find-in-page reveals a collapsed part through beforematch.
    let event = web_sys::Event::new("beforematch").unwrap();
    find(&host, "#part-5-panel").dispatch_event(&event).unwrap();
    leptos::task::tick().await;
    assert_eq!(
        find(&host, "#part-5-button")
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
    host.remove();
}

/// The texts of the header cells a data cell names in its `headers` attribute.
fn header_texts(table: &Element, cell: &Element) -> Vec<String> {
    cell.get_attribute("headers")
        .unwrap_or_default()
        .split_whitespace()
        .map(|id| {
            let th = find(table, &format!("#{id}"));
            assert_eq!(th.tag_name(), "TH", "{id} is not a header cell");
            th.text_content().unwrap_or_default().trim().to_string()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn tables_tie_figures_to_their_headers() {
    let host = mount_sample().await;
    let table = find(&host, "#table-3 table");
    assert!(find(&table, "caption")
        .text_content()
        .unwrap()
        .contains("表三　收到和处理政府信息公开申请情况"));
    assert_eq!(table.query_selector_all("thead tr").unwrap().length(), 3);
    assert_eq!(table.query_selector_all("tbody tr").unwrap().length(), 25);

    let cell = find(&table, "td[data-cell='refused_third_party.commercial']");
    assert_eq!(cell.text_content().unwrap().trim(), "1");
    assert!(cell.class_list().contains("rv-num"));
    assert_eq!(
        header_texts(&table, &cell),
        [
            "申请人情况",
            "法人或其他组织",
            "商业企业",
            "三、本年度办理结果",
            "（三）不予公开",
            "4.保护第三方合法权益"
        ]
    );
    // Spans as on the printed form.
    let natural = find(&table, "thead th[scope='col']");
    assert_eq!(natural.text_content().unwrap(), "自然人");
    assert_eq!(natural.get_attribute("rowspan").as_deref(), Some("2"));

    // 表四: the planted violation is flagged in words on its cell and below the table.
    let t4 = find(&host, "#table-4");
    let flagged = find(&t4, "td[data-cell='review.total']");
    assert!(flagged.class_list().contains("rv-flagged"));
    assert!(flagged.text_content().unwrap().contains("数据不一致"));
    assert_eq!(header_texts(&t4, &flagged), ["行政复议", "总计"]);
    let described = flagged.get_attribute("aria-describedby").unwrap();
    let findings = find(&t4, &format!("#{described}"));
    assert!(findings.text_content().unwrap().contains("表中为 6"));
    host.remove();
}
