//! `goals schema`: the goal file's JSON Schema as pretty-printed JSON and a final newline.

use std::io::{self, Write};

use serde_json::Value;

/// Writes `schema`; a write error is the writer's own (a closed pipe stays a broken pipe).
pub fn render(schema: &Value, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, schema).map_err(io::Error::from)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_ends_with_a_newline() {
        let mut out = Vec::new();
        render(&serde_json::json!({"title": "goals"}), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\n  \"title\": \"goals\"\n}\n"
        );
    }
}
