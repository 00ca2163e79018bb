//! Any bytes: the ODCS importer returns a value or an error, never panics; what imports
//! exports and imports again.
#![no_main]

use dpstudio_formats::odcs;
use dpstudio_model::Workspace;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(imported) = odcs::import(text) else { return };
    let w = Workspace { context: imported.context, contracts: vec![imported.contract], ..Default::default() };
    for version in [odcs::OdcsVersion::V3_2_0, odcs::OdcsVersion::V3_1_0] {
        let out = odcs::export(&w.contracts[0], &w, &odcs::ExportOptions { version });
        if let Err(e) = odcs::import(&out) {
            panic!("an export does not import again: {e}\n{out}");
        }
    }
});
