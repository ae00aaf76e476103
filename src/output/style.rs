//! Colour for people: ANSI styles when the stream is a terminal and colour is wanted, plain
//! text otherwise. Decided once in `main` and passed down as a value.

use anstyle::{AnsiColor, Effects, Style};

/// Whether to colour output, and the styles used when it does.
#[derive(Clone, Copy, Debug, Default)]
pub struct Paint {
    pub enabled: bool,
}

impl Paint {
    /// Errors: red bold.
    pub const ERROR: Style = AnsiColor::Red.on_default().effects(Effects::BOLD);
    /// Warnings: yellow bold.
    pub const WARNING: Style = AnsiColor::Yellow.on_default().effects(Effects::BOLD);
    /// Infos and help: cyan.
    pub const NOTE: Style = AnsiColor::Cyan.on_default();
    /// Gutters and arrows: blue bold.
    pub const GUTTER: Style = AnsiColor::Blue.on_default().effects(Effects::BOLD);

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
        self.paint(Self::ERROR, text)
    }

    /// Yellow bold, for warnings.
    pub fn warning(self, text: &str) -> String {
        self.paint(Self::WARNING, text)
    }

    /// Cyan, for infos and help.
    pub fn note(self, text: &str) -> String {
        self.paint(Self::NOTE, text)
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
        self.paint(Self::GUTTER, text)
    }
}
