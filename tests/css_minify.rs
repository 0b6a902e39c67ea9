//! The stylesheet's minifier (build.rs): what it keeps and what it drops.

#[path = "../build_support/minify_css.rs"]
mod minify_css;
use minify_css::minify_css;

#[test]
fn comments_and_white_space_go_where_css_does_not_need_them() {
    let css = "/* a comment */\n.rv-a ,\n .rv-b  {\n  color : red ;\n  margin: 0 auto;\n}\n\n@media (max-width: 600px) {\n  .rv-c { display: none; }\n}\n";
    assert_eq!(
        minify_css(css),
        ".rv-a,.rv-b{color : red;margin: 0 auto}@media (max-width: 600px){.rv-c{display: none}}"
    );
}

#[test]
fn what_css_needs_is_kept() {
    // A descendant combinator before a pseudo-class, calc()'s spaced operators, quoted text with
    // braces, semicolons, comment marks and escaped quotes.
    let css = ".rv-a :focus { width: calc(100% - 2em); content: \"{ a; b } /* x */ \\\" c\"; }";
    assert_eq!(
        minify_css(css),
        ".rv-a :focus{width: calc(100% - 2em);content: \"{ a; b } /* x */ \\\" c\"}"
    );
}

#[test]
fn the_shipped_stylesheet_has_every_rule_of_the_source() {
    let source = std::fs::read_to_string("style/report-viewer.css").unwrap();
    let min = minify_css(&source);
    assert!(
        min.len() < source.len() * 85 / 100,
        "{} -> {}",
        source.len(),
        min.len()
    );
    assert!(!min.contains("/*"));
    // Same braces, so the same rules and blocks.
    let count = |s: &str, c: char| s.chars().filter(|&x| x == c).count();
    let strip_comments = |s: &str| {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find("/*") {
            out.push_str(&rest[..i]);
            rest = rest[i..].find("*/").map_or("", |j| &rest[i + j + 2..]);
        }
        out + rest
    };
    let plain = strip_comments(&source);
    assert_eq!(count(&min, '{'), count(&plain, '{'));
    assert_eq!(count(&min, '}'), count(&plain, '}'));
}
