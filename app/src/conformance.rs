//! Official-schema findings as lines a person reads in a notice: `file:line:column: message`.

use dpstudio_protocol::Finding;

/// Findings shown in one notice at most; the rest are counted.
const SHOWN: usize = 12;

pub fn lines(findings: &[Finding], unchecked: usize) -> Vec<String> {
    let mut lines = Vec::new();
    if !findings.is_empty() {
        lines.push(format!(
            "{} finding{} against the official schemas:",
            findings.len(),
            if findings.len() == 1 { "" } else { "s" }
        ));
    }
    lines.extend(findings.iter().take(SHOWN).map(|f| {
        if f.line > 0 {
            format!("{}:{}:{}: {}", f.file, f.line, f.column, f.message)
        } else {
            format!("{}: {}", f.file, f.message)
        }
    }));
    if findings.len() > SHOWN {
        lines.push(format!("… and {} more", findings.len() - SHOWN));
    }
    if unchecked > 0 {
        lines.push(format!("{unchecked} more file{} not checked against the schemas (the check stops after the first few hundred)", if unchecked == 1 { "" } else { "s" }));
    }
    lines
}
