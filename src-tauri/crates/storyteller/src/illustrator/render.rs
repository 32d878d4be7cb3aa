//! SVG → PNG with resvg, at full size and as a thumbnail.

use resvg::{tiny_skia, usvg};

use crate::{Result, StorytellerError};

/// Renders `svg` (a 1024-unit square) to a `size`×`size` PNG.
pub(super) fn png(svg: &str, size: u32) -> Result<Vec<u8>> {
    let tree = usvg::Tree::from_str(svg, &usvg::Options::default())
        .map_err(|e| StorytellerError::Internal(format!("illustration SVG is invalid: {e}")))?;
    let mut pixmap = tiny_skia::Pixmap::new(size, size)
        .ok_or_else(|| StorytellerError::Internal("cannot allocate the picture".into()))?;
    let scale = size as f32 / tree.size().width();
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| StorytellerError::Internal(format!("cannot encode PNG: {e}")))
}
