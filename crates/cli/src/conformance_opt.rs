//! `dpstudio check --conformance DIR`: every standard file checked is also validated against
//! its standard's official JSON Schema, read from DIR (the shared reference folder, e.g.
//! `../shared/reference`). Findings print as `file:line:column: error [conformance.schema] …`,
//! like import errors, and count as errors.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use dpstudio_conformance::{Finding, Severity, Standard, Validator};

use crate::formats_cmd;

/// The findings of each recognised standard file among `inputs`. Files that are not standard
/// documents (a workspace JSON) or do not parse are left to the import, which reports them.
/// An unreadable schema is an error: the folder is probably not the reference folder.
pub fn findings(inputs: &[PathBuf], reference: &Path) -> Result<Vec<Finding>, String> {
    let Ok(files) = formats_cmd::read_spec_files(inputs) else { return Ok(Vec::new()) };
    let mut validators: HashMap<Standard, Validator> = HashMap::new();
    let mut findings = Vec::new();
    for (name, text) in &files {
        let Ok(standard) = Standard::detect(text) else { continue };
        if !validators.contains_key(&standard) {
            validators.insert(standard, validator(reference, standard)?);
        }
        if let Some(validator) = validators.get(&standard) {
            findings.extend(validator.validate(name, text));
        }
    }
    Ok(findings)
}

pub fn error_count(findings: &[Finding]) -> usize {
    findings.iter().filter(|f| f.severity == Severity::Error).count()
}

fn validator(reference: &Path, standard: Standard) -> Result<Validator, String> {
    let read = |file: &str| {
        let path = reference.join(file);
        std::fs::read_to_string(&path).map_err(|e| {
            format!(
                "--conformance: cannot read the {} schema {}: {e} (is it the reference folder?)",
                standard.label(),
                path.display()
            )
        })
    };
    let schema = read(standard.schema_file())?;
    let companions =
        standard.companions().iter().map(|c| Ok((c.reference, read(c.file)?))).collect::<Result<Vec<_>, String>>()?;
    let pairs: Vec<(&str, &str)> = companions.iter().map(|(name, text)| (*name, text.as_str())).collect();
    Validator::with_companions(standard, &schema, &pairs).map_err(|e| format!("--conformance: {e}"))
}
