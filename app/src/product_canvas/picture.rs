//! The canvas view as a file: an SVG drawn from the blocks' content (rectangles and text, no
//! HTML inside, so every browser and design tool opens it and it draws onto an HTML canvas for
//! the PNG without tainting it). Colours and the font come from the view on screen, so the file
//! looks like the view in the theme it is shown in; text is wrapped with the browser's own
//! text measurement in that font.

use wasm_bindgen::JsCast;

use super::content::{Block, BlockKind, Entry};
use crate::io::{download, download_blob};

/// The page: 16:10, the projector's shape, unless a block needs more room (then it is taller,
/// so nothing is cut); the PNG is twice this.
const WIDTH: f64 = 1600.0;
const HEIGHT: f64 = 1000.0;
const MARGIN: f64 = 24.0;
const GAP: f64 = 12.0;
const GRID_TOP: f64 = 100.0;
const PAD: f64 = 14.0;
/// Relative row heights of the grid on the 16:10 page, close to what the screen shows (where
/// the top row fits its content, main.css). A row grows past its share when a block in it
/// needs more.
const ROWS: [f64; 4] = [0.9, 1.0, 1.0, 1.25];

/// Where a block sits in the 4-column grid: column, row, columns spanned, rows spanned. The
/// same places as `.sheet-grid`'s `grid-template-areas` in main.css.
fn area(kind: BlockKind) -> (usize, usize, usize, usize) {
    match kind {
        BlockKind::Domain => (0, 0, 1, 1),
        BlockKind::Name => (1, 0, 2, 1),
        BlockKind::Classification => (3, 0, 1, 1),
        BlockKind::Inputs => (0, 1, 1, 2),
        BlockKind::Design => (1, 1, 2, 2),
        BlockKind::Outputs => (3, 1, 1, 1),
        BlockKind::Consumers => (3, 2, 1, 1),
        BlockKind::Language => (0, 3, 2, 1),
        BlockKind::Metadata => (2, 3, 1, 1),
        BlockKind::Observability => (3, 3, 1, 1),
    }
}

fn fail(what: &str) -> String {
    format!("could not {what}")
}

/// The view's colours and font, read from the page so the file matches the theme shown.
struct Palette {
    page: String,
    surface: String,
    border: String,
    text: String,
    muted: String,
    accent: String,
    font: String,
}

impl Palette {
    fn of_view() -> Palette {
        let style = web_sys::window().and_then(|w| {
            let sheet = w.document()?.query_selector(".product-sheet").ok().flatten()?;
            w.get_computed_style(&sheet).ok().flatten()
        });
        let read = |name: &str, fallback: &str| {
            style
                .as_ref()
                .and_then(|s| s.get_property_value(name).ok())
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| fallback.to_owned())
        };
        Palette {
            page: read("--bg", "#f4f5f8"),
            surface: read("--surface", "#ffffff"),
            border: read("--border-strong", "#c3c9d4"),
            text: read("--text", "#1c2230"),
            muted: read("--text-muted", "#5b6477"),
            accent: read("--accent", "#3b5bdb"),
            font: read("font-family", "sans-serif"),
        }
    }
}

/// Text in one size and weight, measured by the browser in the view's font.
#[derive(Clone, Copy)]
struct Font {
    size: f64,
    bold: bool,
    italic: bool,
}

const TITLE: Font = Font { size: 16.0, bold: true, italic: false };
const CAPTION: Font = Font { size: 12.0, bold: false, italic: false };
const PROMPT: Font = Font { size: 13.0, bold: false, italic: true };
const LABEL: Font = Font { size: 11.0, bold: true, italic: false };
const VALUE: Font = Font { size: 14.0, bold: false, italic: false };
const BIG: Font = Font { size: 24.0, bold: true, italic: false };
const MAIN: Font = Font { size: 13.0, bold: true, italic: false };
const DETAIL: Font = Font { size: 12.5, bold: false, italic: false };

struct Measure {
    context: Option<web_sys::CanvasRenderingContext2d>,
    family: String,
}

impl Measure {
    fn new(family: &str) -> Measure {
        let context = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        Measure { context, family: family.to_owned() }
    }

    fn width(&self, text: &str, font: Font) -> f64 {
        match &self.context {
            Some(context) => {
                let style = if font.italic { "italic " } else { "" };
                let weight = if font.bold { "bold " } else { "" };
                context.set_font(&format!("{style}{weight}{}px {}", font.size, self.family));
                measured(context, text).unwrap_or(text.chars().count() as f64 * font.size * 0.6)
            }
            // No canvas to measure with: an average glyph width errs on the wide side.
            None => text.chars().count() as f64 * font.size * 0.6,
        }
    }

    /// `text` broken into lines no wider than `width`; a word wider than a line is cut.
    fn wrap(&self, text: &str, font: Font, width: f64) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if self.width(&candidate, font) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if self.width(&piece, font) > width && piece.chars().count() > 1 {
                    piece.pop();
                    lines.push(std::mem::take(&mut piece));
                    piece.push(c);
                }
            }
            line = piece;
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }
}

/// `measureText(text).width`, called by name: web-sys's typed `measure_text` needs its
/// `TextMetrics` bindings, a feature the app would switch on for this one number.
fn measured(context: &web_sys::CanvasRenderingContext2d, text: &str) -> Option<f64> {
    let measure = js_sys::Reflect::get(context, &"measureText".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let metrics = measure.call1(context, &text.into()).ok()?;
    js_sys::Reflect::get(&metrics, &"width".into()).ok()?.as_f64()
}

/// `&`, `<`, `>` and quotes as XML entities: user text is text in the file, never markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Writes one block's text top-down, stopping with "…" where the block ends (which the grid's
/// rows, grown to fit, should never make it do).
struct Column<'a> {
    out: &'a mut String,
    measure: &'a Measure,
    x: f64,
    y: f64,
    width: f64,
    bottom: f64,
    full: bool,
}

impl Column<'_> {
    fn line(&mut self, text: &str, font: Font, fill: &str) {
        if self.full {
            return;
        }
        let height = font.size * 1.35;
        if self.y + height > self.bottom {
            self.full = true;
            self.out.push_str(&format!(r#"<text x="{}" y="{:.1}" font-size="13" fill="{}">…</text>"#, self.x, self.y + 4.0, escape(fill)));
            return;
        }
        self.y += height;
        let weight = if font.bold { r#" font-weight="700""# } else { "" };
        let style = if font.italic { r#" font-style="italic""# } else { "" };
        self.out.push_str(&format!(
            r#"<text x="{}" y="{:.1}" font-size="{}"{weight}{style} fill="{}">{}</text>"#,
            self.x,
            self.y - font.size * 0.3,
            font.size,
            escape(fill),
            escape(text)
        ));
    }

    fn paragraph(&mut self, text: &str, font: Font, fill: &str) {
        for line in self.measure.wrap(text, font, self.width) {
            self.line(&line, font, fill);
        }
    }

    fn space(&mut self, height: f64) {
        self.y += height;
    }
}

/// The grid's row heights: each row's share of the 16:10 page, grown where a block needs more
/// (a block over two rows grows the lower one).
struct Grid {
    rows: [f64; 4],
}

impl Grid {
    /// The width of a block over `cols` of the four columns.
    fn span_width(cols: usize) -> f64 {
        let column = (WIDTH - 2.0 * MARGIN - 3.0 * GAP) / 4.0;
        cols as f64 * column + cols.saturating_sub(1) as f64 * GAP
    }

    fn fitting(blocks: &[Block], measure: &Measure, palette: &Palette) -> Grid {
        let page = HEIGHT - MARGIN - GRID_TOP - 3.0 * GAP;
        let total: f64 = ROWS.iter().sum();
        let shares = ROWS.map(|share| share / total * page);
        // The least each row needs: its tallest block, and a block over two rows grows the
        // lower one (single rows first, so it sees their final needs).
        let mut least = [0.0f64; 4];
        let needs: Vec<(BlockKind, f64)> = blocks.iter().map(|b| (b.kind, needed_height(measure, palette, b))).collect();
        for spanning in [false, true] {
            for &(kind, need) in &needs {
                let (_, row, _, span) = area(kind);
                if (span > 1) != spanning {
                    continue;
                }
                let has: f64 = least[row..row + span].iter().sum::<f64>() + (span - 1) as f64 * GAP;
                if need > has {
                    least[row + span - 1] += need - has;
                }
            }
        }
        // Each row keeps its share of the page where that is enough. A row that needs more
        // takes it from the others' spare room first; only what they cannot give makes the
        // page taller.
        let mut rows: [f64; 4] = std::array::from_fn(|r| shares[r].max(least[r]));
        let over = rows.iter().sum::<f64>() - page;
        let spare: f64 = (0..4).map(|r| rows[r] - least[r]).sum();
        if over > 0.0 && spare > 0.0 {
            let give = over.min(spare) / spare;
            for r in 0..4 {
                rows[r] -= (rows[r] - least[r]) * give;
            }
        }
        Grid { rows }
    }

    fn height(&self) -> f64 {
        GRID_TOP + self.rows.iter().sum::<f64>() + 3.0 * GAP + MARGIN
    }

    /// A block's rectangle: x, y, width, height.
    fn rect(&self, kind: BlockKind) -> (f64, f64, f64, f64) {
        let (col, row, cols, rows) = area(kind);
        let row_top = |r: usize| GRID_TOP + self.rows[..r].iter().sum::<f64>() + r as f64 * GAP;
        let x = MARGIN + col as f64 * (Self::span_width(1) + GAP);
        let w = Self::span_width(cols);
        let y = row_top(row);
        (x, y, w, row_top(row + rows) - GAP - y)
    }
}

/// The height a block needs to show all its text, found by writing it with no bottom.
fn needed_height(measure: &Measure, palette: &Palette, block: &Block) -> f64 {
    let (_, _, cols, _) = area(block.kind);
    let width = Grid::span_width(cols) - 2.0 * PAD;
    let mut scratch = String::new();
    let start = PAD - 4.0;
    let mut column = Column { out: &mut scratch, measure, x: 0.0, y: start, width, bottom: f64::INFINITY, full: false };
    write_block_text(&mut column, palette, block);
    // The text starts PAD - 4 below the top and must end PAD above the bottom; a little slack
    // keeps rounding from cutting the last line.
    column.y - start + 2.0 * PAD - 4.0 + 2.0
}

fn write_block_text(column: &mut Column, palette: &Palette, block: &Block) {
    column.line(block.kind.title(), TITLE, &palette.accent);
    column.paragraph(block.kind.caption(), CAPTION, &palette.muted);
    column.space(6.0);
    if block.wanting {
        column.paragraph(block.kind.prompt(), PROMPT, &palette.muted);
        column.space(4.0);
    }
    for field in block.fields.iter().filter(|f| !f.detail.trim().is_empty()) {
        if block.kind == BlockKind::Name {
            column.paragraph(&field.detail, BIG, &palette.text);
            continue;
        }
        column.line(&field.main.to_uppercase(), LABEL, &palette.muted);
        column.paragraph(&field.detail, VALUE, &palette.text);
        column.space(4.0);
    }
    for Entry { main, detail } in &block.entries {
        column.paragraph(main, MAIN, &palette.text);
        column.paragraph(detail, DETAIL, &palette.muted);
        column.space(4.0);
    }
}

fn draw_block(out: &mut String, measure: &Measure, palette: &Palette, grid: &Grid, block: &Block) {
    let (x, y, w, h) = grid.rect(block.kind);
    out.push_str(&format!(
        r#"<g data-block="{}"><rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="8" fill="{}" stroke="{}" stroke-width="1.5"/>"#,
        block.kind.slug(),
        escape(&palette.surface),
        escape(&palette.border)
    ));
    let mut column = Column { out: &mut *out, measure, x: x + PAD, y: y + PAD - 4.0, width: w - 2.0 * PAD, bottom: y + h - PAD, full: false };
    write_block_text(&mut column, palette, block);
    out.push_str("</g>");
}

/// The canvas of the product named `title` as a standalone SVG document, and its height.
pub fn svg_text(title: &str, blocks: &[Block]) -> (String, f64) {
    let palette = Palette::of_view();
    let measure = Measure::new(&palette.font);
    let grid = Grid::fitting(blocks, &measure, &palette);
    let height = grid.height().ceil();
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="{}"><title>{}</title>"#,
        escape(&palette.font),
        escape(&format!("Data Product Canvas: {title}"))
    );
    out.push_str(&format!(r#"<rect width="{WIDTH}" height="{height}" fill="{}"/>"#, escape(&palette.page)));
    out.push_str(&format!(
        r#"<text x="{MARGIN}" y="42" font-size="12" font-weight="700" letter-spacing="1" fill="{}">DATA PRODUCT CANVAS</text>"#,
        escape(&palette.accent)
    ));
    let heading = measure.wrap(title, BIG, WIDTH - 2.0 * MARGIN).into_iter().next().unwrap_or_default();
    out.push_str(&format!(r#"<text x="{MARGIN}" y="76" font-size="26" font-weight="700" fill="{}">{}</text>"#, escape(&palette.text), escape(&heading)));
    for block in blocks {
        draw_block(&mut out, &measure, &palette, &grid, block);
    }
    out.push_str("</svg>");
    (out, height)
}

pub fn download_svg(title: &str, blocks: &[Block], file_stem: &str) -> Result<String, String> {
    let name = format!("{file_stem}.product-canvas.svg");
    download(&name, "image/svg+xml", &svg_text(title, blocks).0)?;
    Ok(name)
}

pub async fn download_png(title: &str, blocks: &[Block], file_stem: &str) -> Result<String, String> {
    let (svg, height) = svg_text(title, blocks);
    let png = crate::canvas::picture::png_of_svg(&svg, WIDTH, height).await?;
    let name = format!("{file_stem}.product-canvas.png");
    download_blob(&name, "image/png", &png).map_err(|_| fail("save the picture"))?;
    Ok(name)
}
