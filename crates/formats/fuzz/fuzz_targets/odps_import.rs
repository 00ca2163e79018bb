//! Any bytes: the ODPS importer returns a value or an error, never panics; what imports
//! exports and imports again.
#![no_main]

use dpstudio_formats::odps;
use dpstudio_model::Workspace;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(imported) = odps::import(text) else { return };
    let w = Workspace { context: imported.context, products: vec![imported.product], ..Default::default() };
    let out = odps::export(&w.products[0], &w);
    if let Err(e) = odps::import(&out) {
        panic!("an export does not import again: {e}\n{out}");
    }
});
