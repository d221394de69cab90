//! Charts as PNG images for slides: a chart's SVG drawn by resvg at twice its size on
//! white, its text set in the open font built into the binary (DejaVu Sans,
//! `assets/fonts/`), so no font of the machine is needed.

use std::sync::{Arc, LazyLock};

use resvg::{tiny_skia, usvg};

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// The family the built-in font is known by.
const FAMILY: &str = "DejaVu Sans";

/// The fonts a chart may use: only the built-in ones, standing for every generic family.
static FONTS: LazyLock<Arc<usvg::fontdb::Database>> = LazyLock::new(|| {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(REGULAR.to_vec());
    db.load_font_data(BOLD.to_vec());
    db.set_sans_serif_family(FAMILY);
    db.set_serif_family(FAMILY);
    db.set_monospace_family(FAMILY);
    db.set_cursive_family(FAMILY);
    db.set_fantasy_family(FAMILY);
    Arc::new(db)
});

/// How many image pixels per unit of the chart's viewBox: sharp on slides.
pub const SCALE: f32 = 2.0;

/// Draws an SVG document as a PNG image `SCALE` times its size, on white.
pub fn png(svg: &str) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        font_family: FAMILY.to_string(),
        fontdb: FONTS.clone(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(SCALE)
        .ok_or("the chart has no size")?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or("the chart is too large to draw")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_drawn_with_the_built_in_font() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40"><text x="4" y="28" font-family="sans-serif" font-size="24" fill="#000000">Åäö 12</text></svg>"##;
        let png = png(svg).unwrap();
        let image = image::load_from_memory(&png).unwrap().to_rgb8();
        assert_eq!(image.dimensions(), (200, 80));
        let dark = image.pixels().filter(|p| p.0[0] < 128).count();
        assert!(dark > 200, "{dark} dark pixels");
    }
}
