//! Any bytes: the Data Contract Specification importer returns a value or an error, never
//! panics; what imports exports (as DCS and as ODCS) and imports again.
#![no_main]

use dpstudio_formats::{dcs, odcs};
use dpstudio_model::Workspace;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(imported) = dcs::import(text) else { return };
    let w = Workspace { context: imported.context, contracts: vec![imported.contract], ..Default::default() };
    let out = dcs::export(&w.contracts[0], &w);
    if let Err(e) = dcs::import(&out) {
        panic!("a DCS export does not import again: {e}\n{out}");
    }
    let out = odcs::export(&w.contracts[0], &w, &odcs::ExportOptions::default());
    if let Err(e) = odcs::import(&out) {
        panic!("an ODCS export of a DCS contract does not import again: {e}\n{out}");
    }
});
