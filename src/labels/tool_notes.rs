//! What only report-tool's importer notes ([`ToolNoted`]: reading a PDF, a page's bytes, a text
//! copy's header; and why such a page does not import): words in both languages, compiled only
//! into report-tool (enhance mode reads the page's DOM, never these).

sentences! {
    /// Which sentence a note only report-tool makes says.
    ToolNoted, frame, ALL;
    /// A page larger than the importer reads: `{bytes}`, `{max}`.
    TooLarge => (
        "页面有 {bytes} 字节，超过导入上限 {max} 字节（64 MiB）：年度报告页面通常不到 1 MiB，请检查输入是否正确",
        "The page has {bytes} bytes, over the importer's limit of {max} (64 MiB): annual report pages are usually under 1 MiB; check that the input is right",
    ),
    /// An encrypted PDF.
    PdfEncrypted => (
        "PDF 文件已加密，无法读取其中的文字：请向发布单位索取未加密的文件，或在有权限时另存为未加密的 PDF 后再导入",
        "The PDF is encrypted and its text cannot be read: ask the publisher for an unencrypted file, or, where you may, save it as an unencrypted PDF and import that",
    ),
    /// A PDF without a text layer.
    PdfScanned => (
        "PDF 文件没有文字层（可能是扫描件或图片）：无法读取报告正文。请用文字识别（OCR）软件识别后导入，或向发布单位索取文字版",
        "The PDF has no text layer (perhaps a scan or images): the report's text cannot be read. Recognise it with OCR software and import the result, or ask the publisher for a text version",
    ),
    /// A PDF that does not read: `{why}`, the reader's words.
    PdfUnreadable => ("PDF 文件无法读取：{why}", "The PDF cannot be read: {why}"),
    /// Bytes not valid in the page's encoding: `{count}`, `{encoding}`, `{places}` (and `{more}`).
    BadBytes => (
        "页面有 {count} 处字节不是有效的 {encoding} 编码，已显示为 �（{places}{more}）：请检查原页面的编码",
        "The page has {count} bytes that are not valid {encoding}, shown as � ({places}{more}): check the encoding of the original page",
    ),
    /// A place in a page: `{line}`, `{column}`.
    LineColumn => ("第 {line} 行第 {column} 列", "line {line}, column {column}"),
    /// Between the places listed.
    Comma => ("、", "; "),
    /// More places than listed.
    AndMore => ("等", " and more"),
    /// The publisher taken from a PDF's title.
    AgencyFromTitle => (
        "发布机构取自标题：“{agency}”",
        "The publisher is taken from the title: “{agency}”",
    ),
    /// The date taken from a PDF's file information.
    DateFromPdf => (
        "发布日期取自 PDF 文件信息（创建时间），请核对",
        "The publication date is taken from the PDF's file information (its creation time): please check it",
    ),
    /// What a PDF's text layer gave: `{pages}`, `{lines}`.
    PdfRead => (
        "PDF：{pages} 页，{lines} 行文字（表格的行按单元格分列）",
        "PDF: {pages} pages, {lines} lines of text (table rows split into cells)",
    ),
    /// Left out of a PDF: `{what}` (page number, running head), `{text}`, on `{page}`.
    PdfDropped => (
        "略去 PDF 的{what}：“{text}”（第 {page} 页）",
        "Left out the PDF's {what}: “{text}” (page {page})",
    ),
    /// … a page number.
    PageNumber => ("页码", "page number"),
    /// … a running head or foot.
    RunningLine => ("页眉或页脚", "running head or foot"),
    /// A PDF that could be read only up to `{page}`: `{error}`, the reader's words.
    PdfStopped => (
        "PDF 的第 {page} 页之后无法读取（{error}）：只导入此前的内容",
        "The PDF cannot be read after page {page} ({error}): only what comes before is imported",
    ),
    /// … a header line of a text copy.
    CopyHeader => ("文本副本的头部行", "a header line of the text copy"),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_note_has_both_languages_with_the_same_holes() {
        crate::labels::assert_both_languages(ALL, frame);
    }
}
