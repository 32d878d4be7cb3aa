//! Splits long text into chunks the synthesiser takes one at a time: whole paragraphs, and
//! sentences within a paragraph that is too long, each with its byte offset in the text.

/// Longest chunk, in bytes.
pub(crate) const MAX_CHUNK: usize = 1_500;

/// One piece of the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Chunk<'a> {
    pub text: &'a str,
    pub offset: usize,
    /// True when a paragraph ends with this chunk (a longer pause follows).
    pub paragraph_end: bool,
}

/// Chunks of `text`, in order, covering every non-blank paragraph.
pub(crate) fn chunks(text: &str) -> Vec<Chunk<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for paragraph in text.split("\n\n") {
        let start = offset + (paragraph.len() - paragraph.trim_start().len());
        offset += paragraph.len() + 2;
        let trimmed = paragraph.trim();
        if trimmed.is_empty() {
            continue;
        }
        let mut piece_start = 0;
        let mut last_break = 0;
        for (i, c) in trimmed.char_indices() {
            if matches!(c, '.' | '!' | '?' | '…') {
                last_break = i + c.len_utf8();
            }
            if i.saturating_sub(piece_start) >= MAX_CHUNK && last_break > piece_start {
                out.push(Chunk {
                    text: trimmed[piece_start..last_break].trim(),
                    offset: start + piece_start,
                    paragraph_end: false,
                });
                piece_start = last_break
                    + (trimmed[last_break..].len() - trimmed[last_break..].trim_start().len());
            }
        }
        let rest = &trimmed[piece_start..];
        out.push(Chunk {
            text: rest,
            offset: start + piece_start,
            paragraph_end: true,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_are_slices_of_the_text_at_their_offsets() {
        let long: String = (0..200)
            .map(|i| format!("Sentence number {i} is here. "))
            .collect();
        let text = format!("First paragraph.\n\n{long}\n\nLast one.");
        let chunks = chunks(&text);
        assert!(chunks.len() > 3);
        for c in &chunks {
            assert!(c.text.len() <= MAX_CHUNK + 40);
            assert_eq!(&text[c.offset..c.offset + c.text.len()], c.text);
        }
        assert_eq!(chunks.last().unwrap().text, "Last one.");
    }
}
