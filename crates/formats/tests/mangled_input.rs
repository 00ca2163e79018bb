//! Robustness: thousands of mangled variants of the official examples (truncated, lines
//! dropped, duplicated or swapped, YAML punctuation sprinkled in) go through every importer.
//! None may panic; whatever imports must export and import again. Deterministic (fixed seed),
//! so a failure reproduces; the fuzz targets in `fuzz/` explore further.

mod support;

use dpstudio_formats::{bundle, dcs, odcs, odps};
use dpstudio_model::Workspace;

/// xorshift64*: tiny, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let n = lines.len();
    match rng.below(6) {
        0 => {
            let mut cut = rng.below(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            return text[..cut].to_owned();
        }
        1 if n > 0 => {
            lines.remove(rng.below(n));
        }
        2 if n > 0 => {
            let i = rng.below(n);
            let line = lines[i].clone();
            lines.insert(i, line);
        }
        3 if n > 1 => {
            let (i, j) = (rng.below(n), rng.below(n));
            lines.swap(i, j);
        }
        4 if n > 0 => {
            const PUNCT: [&str; 14] = [":", "- ", "[", "]", "{", "}", "&a ", "*a", "!!binary ", "|", ">", "'", "\"", "\t"];
            let i = rng.below(n);
            let mut at = rng.below(lines[i].len() + 1);
            while !lines[i].is_char_boundary(at) {
                at -= 1;
            }
            let p = PUNCT[rng.below(PUNCT.len())];
            lines[i].insert_str(at, p);
        }
        _ if n > 0 => {
            // Re-indent a line: breaks or changes the structure.
            let i = rng.below(n);
            let delta = rng.below(5);
            lines[i] = format!("{}{}", " ".repeat(delta), lines[i].trim_start());
        }
        _ => {}
    }
    lines.join("\n")
}

fn exercise(text: &str) -> usize {
    let mut imported = 0;
    let _ = bundle::detect(text);
    if let Ok(i) = odcs::import(text) {
        imported += 1;
        let w = Workspace { context: i.context, contracts: vec![i.contract], ..Default::default() };
        let out = odcs::export(&w.contracts[0], &w, &odcs::ExportOptions::default());
        odcs::import(&out).unwrap_or_else(|e| panic!("re-import of an ODCS export failed: {e}\n{out}"));
    }
    if let Ok(i) = odps::import(text) {
        imported += 1;
        let w = Workspace { context: i.context, products: vec![i.product], ..Default::default() };
        let out = odps::export(&w.products[0], &w);
        odps::import(&out).unwrap_or_else(|e| panic!("re-import of an ODPS export failed: {e}\n{out}"));
    }
    if let Ok(i) = dcs::import(text) {
        imported += 1;
        let w = Workspace { context: i.context, contracts: vec![i.contract], ..Default::default() };
        let out = dcs::export(&w.contracts[0], &w);
        dcs::import(&out).unwrap_or_else(|e| panic!("re-import of a DCS export failed: {e}\n{out}"));
    }
    imported
}

#[test]
fn mangled_examples_never_panic_and_what_imports_re_exports() {
    let Some(reference) = support::reference() else { return };
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut runs, mut imported) = (0, 0);
    for folder in ["odcs/examples", "odps/examples", "datacontract-specification/examples"] {
        for (name, text) in support::files(&reference.join(folder)) {
            // The 190 KB example is slow in debug builds; fewer variants of it suffice.
            let variants = if text.len() > 50_000 { 15 } else { 100 };
            for _ in 0..variants {
                let mangled = mutate(&text, &mut rng);
                let hits = std::panic::catch_unwind(|| exercise(&mangled))
                    .unwrap_or_else(|_| panic!("panic on a variant of {name}:\n{mangled}"));
                runs += 1;
                imported += hits;
            }
        }
    }
    println!("{runs} mangled documents, {imported} still imported; no panic");
    assert!(runs > 2500);
}
