//! The bundle's README: what each folder holds and how the files relate, so someone opening
//! the repository without the studio can find their way.

use dpstudio_model::Workspace;

/// The README text for `w`'s bundle. The workspace name is user text: it is only placed in
/// the title, with line breaks removed so it cannot start new Markdown blocks.
pub fn text(w: &Workspace) -> String {
    let name: String = w.name.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let name = if name.trim().is_empty() { "Data products".to_owned() } else { name.trim().to_owned() };
    format!(
        "# {name}\n\n\
         Exported by Data Product Studio: {products} data product(s), {contracts} data contract(s).\n\n\
         ## Layout\n\n\
         | path | what it holds |\n\
         |---|---|\n\
         | `workspace.dpstudio.json` | the whole workspace as Data Product Studio saves it; open it in the studio to edit, then export again |\n\
         | `products/<id>/<id>.odps.yaml` | each data product as a Bitol ODPS 1.1.0 document; output ports name their contracts by `contractId` and `version` |\n\
         | `products/<id>/<id>.dpds.json` | the same product as an Open Data Mesh DPDS 1.0.0 descriptor; its ports point at the contract files |\n\
         | `contracts/<id>.odcs.yaml` | each data contract as a Bitol ODCS 3.2.0 document |\n\
         | `sql/postgres/<id>.sql` | `CREATE TABLE` statements (PostgreSQL) for each contract's schema objects |\n\
         | `dbt/` | a dbt project: one model per schema object served by a product, with enforced contracts, tests from the quality rules, sources, semantic models and metrics |\n\
         | `docs/<product>.md` | a page per product with its ports, contracts and a Mermaid lineage diagram |\n\
         | `.github/workflows/dpstudio.yml` | CI: builds the `dpstudio` CLI and runs `dpstudio check workspace.dpstudio.json` |\n\n\
         File names are the ids with characters other than letters, digits, `-`, `_` and `.` replaced by `-`.\n\n\
         ## Checking locally\n\n\
         ```sh\n\
         dpstudio check workspace.dpstudio.json\n\
         ```\n\n\
         It prints every diagnostic and exits with 1 when any is an error. The workflow needs the\n\
         CLI's source in this repository: see the comment at its top.\n\n\
         ## Editing\n\n\
         The workspace file is the source of truth; the other files are generated from it. Edit it in\n\
         the studio and export again. `dpstudio import contracts products --out other.json` reads the\n\
         standard files into a new workspace, without what only the workspace file holds (glossary,\n\
         metrics, source systems, use cases, layout).\n",
        products = w.products.len(),
        contracts = w.contracts.len(),
    )
}
