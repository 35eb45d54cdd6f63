//! Breaking text into lines that fit a given width, using real glyph widths.
//!
//! Ragged right, greedy, word by word; a word longer than the whole line is
//! broken between characters. A line returned from here must never be wider
//! than the width asked for (except a single character wider than the line,
//! which cannot happen at letter sizes). Never hyphenates or justifies.
use super::fonts::{FontKey, Metrics};

/// Wrap `text` to `max_width` points at `size` in face `font`. Newlines in
/// the text are kept as line breaks; runs of spaces collapse to one.
pub(crate) fn wrap(text: &str, font: FontKey, size: f32, max_width: f32) -> Vec<String> {
    let m = Metrics::get();
    let space = m.width(" ", font, size);
    let mut lines = Vec::new();
    for hard in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0f32;
        let mut any = false;
        for word in hard.split_whitespace() {
            any = true;
            let w = m.width(word, font, size);
            if !line.is_empty() && line_w + space + w <= max_width {
                line.push(' ');
                line.push_str(word);
                line_w += space + w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if w <= max_width {
                line.push_str(word);
                line_w = w;
            } else {
                // A word wider than the line: break it between characters.
                let mut pieces = break_word(m, word, font, size, max_width);
                let last = pieces.pop().unwrap_or_default();
                lines.extend(pieces);
                line_w = m.width(&last, font, size);
                line = last;
            }
        }
        if !line.is_empty() || !any {
            lines.push(line);
        }
    }
    lines
}

fn break_word(m: &Metrics, word: &str, font: FontKey, size: f32, max_width: f32) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_w = 0.0;
    let mut buf = [0u8; 4];
    for c in word.chars() {
        let cw = m.width(c.encode_utf8(&mut buf), font, size);
        if !cur.is_empty() && cur_w + cw > max_width {
            out.push(std::mem::take(&mut cur));
            cur_w = 0.0;
        }
        cur.push(c);
        cur_w += cw;
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_never_exceed_width() {
        let m = Metrics::get();
        let text = "The quick brown fox jumps over the lazy dog. ".repeat(20)
            + "Supercalifragilisticexpialidocious-and-then-some-more-letters-that-never-end";
        for width in [40.0, 90.0, 200.0, 468.0] {
            let lines = wrap(&text, FontKey::Serif, 11.0, width);
            assert!(lines.len() > 1);
            for l in &lines {
                assert!(m.width(l, FontKey::Serif, 11.0) <= width + 0.001, "{l:?} at {width}");
            }
            let joined: String = lines.concat().split_whitespace().collect();
            let orig: String = text.split_whitespace().collect();
            assert_eq!(joined, orig, "no text lost at {width}");
        }
    }

    #[test]
    fn keeps_hard_breaks_and_empty_text() {
        assert_eq!(wrap("a\nb", FontKey::Serif, 10.0, 400.0), vec!["a", "b"]);
        assert_eq!(wrap("", FontKey::Serif, 10.0, 400.0), vec![""]);
    }
}
