//! English for people: a count with its noun in the right number ("1 row", "2 rows").

/// `n` followed by `word`, with an `s` unless `n` is one.
pub fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn one_is_singular_everything_else_plural() {
        assert_eq!(count(1, "answer"), "1 answer");
        assert_eq!(count(0, "answer"), "0 answers");
        assert_eq!(count(2, "row"), "2 rows");
    }
}
