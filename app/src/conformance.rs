//! Official-schema findings as lines a person reads in a notice: `file:line:column: message`.

use dpstudio_protocol::Finding;

use crate::plural::plural;

/// Findings shown in one notice at most; the rest are counted.
const SHOWN: usize = 12;

pub fn lines(findings: &[Finding], unchecked: usize) -> Vec<String> {
    let mut lines = Vec::new();
    if !findings.is_empty() {
        lines.push(format!(
            "{} finding{} against the official schemas:",
            findings.len(),
            plural(findings.len())
        ));
    }
    lines.extend(findings.iter().take(SHOWN).map(Finding::to_string));
    if findings.len() > SHOWN {
        lines.push(format!("… and {} more", findings.len() - SHOWN));
    }
    if unchecked > 0 {
        lines.push(format!("{unchecked} more file{} not checked against the schemas (the check stops after the first few hundred)", plural(unchecked)));
    }
    lines
}
