//! Round-trip hints: how an import stays lossless where the typed model cannot say exactly
//! what the file said (an explicit `required: false`, an empty `tags: []`, a 3.0-style team
//! list, a status outside the model's lifecycle, …).
//!
//! At import, each object is rendered back from its typed form and compared key by key with
//! the original. Every key that differs is recorded in the object's `extra` bag under the
//! format's hint key (`_odcs`, `_odps`) as `{"was": original, "as": rendering}` (`was` or
//! `as` absent = the key was absent). At export, a hint is applied only while the typed
//! rendering still equals `as`, i.e. while nobody edited that field: an edit always wins.
//! Hints live beside the other unknown fields because `extra` is flattened into the typed
//! object; reusing the original key name there would collide with the typed field.

use dpstudio_model::Extra;
use serde_json::{Map, Value};

/// Compares `original` with `rendered` and stores the differences in `extra[hint_key]`.
/// Keys in `ignore` (e.g. `apiVersion`, which export sets from its options) are not compared.
pub fn record(original: &Map<String, Value>, rendered: &Map<String, Value>, extra: &mut Extra, hint_key: &str, ignore: &[&str]) {
    let mut hints = Map::new();
    let keys = original.keys().chain(rendered.keys().filter(|k| !original.contains_key(*k)));
    for key in keys {
        if HINT_KEYS.contains(&key.as_str()) || ignore.contains(&key.as_str()) {
            continue;
        }
        let was = original.get(key);
        let now = rendered.get(key);
        if was != now {
            let mut hint = Map::new();
            if let Some(was) = was {
                hint.insert("was".to_owned(), was.clone());
            }
            if let Some(now) = now {
                hint.insert("as".to_owned(), now.clone());
            }
            hints.insert(key.clone(), Value::Object(hint));
        }
    }
    if !hints.is_empty() {
        extra.insert(hint_key.to_owned(), Value::Object(hints));
    }
}

/// The hint keys of every format: none of them is ever written into a document.
pub const HINT_KEYS: [&str; 3] = ["_odcs", "_odps", "_dcs"];

/// Writes `extra` (without any format's hints) into `out`, keys already rendered from typed
/// fields taking precedence, then applies this format's hints (see [`apply`]).
pub fn finish(out: &mut Map<String, Value>, extra: &Extra, hint_key: &str) {
    for (key, value) in extra {
        if !HINT_KEYS.contains(&key.as_str()) && !out.contains_key(key) {
            out.insert(key.clone(), value.clone());
        }
    }
    apply(out, extra, hint_key);
}

/// Applies the hints whose field was not edited since import: sets the original value back
/// (or removes a key the original did not have).
pub fn apply(out: &mut Map<String, Value>, extra: &Extra, hint_key: &str) {
    let Some(Value::Object(hints)) = extra.get(hint_key) else { return };
    for (key, hint) in hints {
        let Value::Object(hint) = hint else { continue };
        if out.get(key) != hint.get("as") {
            continue;
        }
        match hint.get("was") {
            Some(was) => {
                out.insert(key.clone(), was.clone());
            }
            None => {
                out.remove(key);
            }
        }
    }
}
