//! Any bytes: the JSON sample importer returns a contract or an error, never panics; an
//! inferred contract exports to ODCS that imports again with the same schema, and survives the
//! workspace save format unchanged.
#![no_main]

use dpstudio_formats::{json_sample, odcs};
use dpstudio_model::Workspace;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(contract) = json_sample::import("sample", text) else { return };
    let w = Workspace { contracts: vec![contract], ..Default::default() };
    let out = odcs::export(&w.contracts[0], &w, &odcs::ExportOptions::default());
    match odcs::import(&out) {
        Ok(back) => assert_eq!(back.contract.schema, w.contracts[0].schema, "ODCS changed the inferred schema\n{out}"),
        Err(e) => panic!("the ODCS export of an inferred contract does not import again: {e}\n{out}"),
    }
    let saved = dpstudio_model::to_json(&w);
    match dpstudio_model::from_json(&saved) {
        Ok(loaded) => assert_eq!(loaded.contracts, w.contracts, "save → load changed the contract"),
        Err(e) => panic!("an inferred contract does not load back: {e}"),
    }
});
