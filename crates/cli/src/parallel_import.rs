//! Standard files → one workspace, parsing the files on all cores. Parsing YAML is nearly all
//! the time `check` spends on a folder of specs, and each file parses on its own; joining them
//! (domains, teams, input links) is cheap and stays sequential, in file order, so the result
//! is exactly `bundle::import_all`'s.

use dpstudio_formats::bundle::{self, FileError, ParsedFile, Source};
use dpstudio_model::Workspace;

/// The workspace of `sources` and each source's standard (in source order); the first file
/// (in order) that fails is the error, as in a sequential import.
pub fn import(name: &str, sources: &[Source<'_>]) -> Result<(Workspace, Vec<bundle::Standard>), FileError> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(sources.len().max(1));
    let chunk = sources.len().div_ceil(threads).max(1);
    let parsed: Vec<Result<ParsedFile, FileError>> = std::thread::scope(|scope| {
        let workers: Vec<_> = sources
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(bundle::parse_file).collect::<Vec<_>>()))
            .collect();
        // A worker only panics if parsing does, which the formats crate never does; should it,
        // the panic is passed on rather than turned into a wrong result.
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    });
    let files = parsed.into_iter().collect::<Result<Vec<_>, _>>()?;
    let standards = files.iter().map(ParsedFile::standard).collect();
    Ok((bundle::import_parsed(name, files), standards))
}

#[cfg(test)]
mod tests {
    use dpstudio_formats::bundle::{self, Source};
    use dpstudio_formats::{odcs, odps};

    #[test]
    fn same_workspace_as_the_sequential_import_and_the_same_first_error() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/retail.workspace.json");
        let w = dpstudio_model::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut files: Vec<(String, String)> = w.products.iter().map(|p| (format!("{}.odps.yaml", p.id), odps::export(p, &w))).collect();
        files.extend(w.contracts.iter().map(|c| (format!("{}.odcs.yaml", c.id), odcs::export(c, &w, &Default::default()))));
        let sources: Vec<Source> = files.iter().map(|(name, text)| Source { name, text }).collect();
        let (parallel, standards) = super::import("t", &sources).unwrap();
        assert_eq!(parallel, bundle::import_all("t", &sources).unwrap());
        assert_eq!(standards.len(), files.len());

        files[1].1 = "kind: DataContract\napiVersion: [".into();
        files[5].1 = "not: a spec".into();
        let sources: Vec<Source> = files.iter().map(|(name, text)| Source { name, text }).collect();
        assert_eq!(super::import("t", &sources).unwrap_err(), bundle::import_all("t", &sources).unwrap_err());
    }
}
