//! Colour for people: ANSI styles when the stream is a terminal and colour is wanted, plain
//! text otherwise. Decided once in `main` and passed down as a value.

use anstyle::{AnsiColor, Effects, Style};

/// Whether to colour output, and the styles used when it does.
#[derive(Clone, Copy, Debug, Default)]
pub struct Paint {
    pub enabled: bool,
}

impl Paint {
    /// Wraps `text` in `style` when colour is on.
    pub fn paint(self, style: Style, text: &str) -> String {
        if self.enabled {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }

    /// Red bold, for errors.
    pub fn error(self, text: &str) -> String {
        self.paint(AnsiColor::Red.on_default().effects(Effects::BOLD), text)
    }

    /// Yellow bold, for warnings.
    pub fn warning(self, text: &str) -> String {
        self.paint(AnsiColor::Yellow.on_default().effects(Effects::BOLD), text)
    }

    /// Cyan, for infos and help.
    pub fn note(self, text: &str) -> String {
        self.paint(AnsiColor::Cyan.on_default(), text)
    }

    /// Green, for good news.
    pub fn good(self, text: &str) -> String {
        self.paint(AnsiColor::Green.on_default(), text)
    }

    /// Bold, for headings.
    pub fn bold(self, text: &str) -> String {
        self.paint(Style::new().effects(Effects::BOLD), text)
    }

    /// Dim blue, for gutters and arrows.
    pub fn gutter(self, text: &str) -> String {
        self.paint(AnsiColor::Blue.on_default().effects(Effects::BOLD), text)
    }
}
