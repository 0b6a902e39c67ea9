//! The stylesheet as shipped: comments dropped and white space cut to what CSS needs (the wasm
//! holds it, so every byte is paid by every reader). Conservative on purpose: text inside quotes
//! is kept as written, and white space is only removed beside `{`, `}`, `;` and `,`, where CSS
//! never needs it (not beside `:`, which is a combinator-sensitive pseudo-class in selectors, nor
//! beside `+` and `-`, which `calc()` needs spaced).

/// The minified stylesheet.
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                pending_space = true;
            }
            '"' | '\'' => {
                flush_space(&mut out, &mut pending_space, c);
                out.push(c);
                let mut escaped = false;
                for d in chars.by_ref() {
                    out.push(d);
                    if escaped {
                        escaped = false;
                    } else if d == '\\' {
                        escaped = true;
                    } else if d == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => pending_space = true,
            '{' | '}' | ';' | ',' => {
                pending_space = false;
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                // White space after these is never needed either.
                while chars.peek().is_some_and(|d| d.is_whitespace()) {
                    chars.next();
                }
            }
            c => {
                flush_space(&mut out, &mut pending_space, c);
                out.push(c);
            }
        }
    }
    out.trim().to_string()
}

/// Writes the space held back before `next`, unless the text so far ends where none is needed.
fn flush_space(out: &mut String, pending: &mut bool, _next: char) {
    if *pending && !out.is_empty() && !out.ends_with(['{', '}', ';', ',']) {
        out.push(' ');
    }
    *pending = false;
}
