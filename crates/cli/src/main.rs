//! `dpstudio`: the command-line face of Data Product Studio, for shells and repositories' CI.
//! It runs the same model and rules as the browser app, natively.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// mimalloc rather than the system allocator: reading standard files builds and drops millions
/// of small strings and maps, on all cores at once.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

// Every `print!` and `println!` of this crate (these macros shadow std's in all modules below)
// goes through `write_stdout`, so a reader that stops early (`dpstudio rules | head`) ends the
// program quietly instead of making std's macros panic on a broken pipe.
macro_rules! print {
    ($($arg:tt)*) => { $crate::write_stdout(format_args!($($arg)*)) };
}

macro_rules! println {
    () => { $crate::write_stdout(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::write_stdout(format_args!("{}\n", format_args!($($arg)*))) };
}

mod check_input;
mod commands;
mod diff_cmd;
mod conformance_opt;
mod formats_cmd;
mod generate;
mod inspect;
mod parallel_import;
mod sample_input;
mod spec_scope;

#[derive(Parser)]
#[command(
    name = "dpstudio",
    version,
    about = "Check and export data product workspaces designed in Data Product Studio",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

/// `rules` can also print the catalog as Markdown (the source of docs/rules.md).
#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Human,
    Json,
    Markdown,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a workspace file, or ODCS/ODPS/DCS files and folders of them, and print the
    /// diagnostics (exit 1 if any error; 2 when a file cannot be read or imported).
    Check {
        /// A workspace JSON file saved by Data Product Studio, or `*.odcs.yaml`, `*.odps.yaml`
        /// and DCS files and folders of them (imported together into one workspace).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Also validate each standard file against its official JSON Schema, read from this
        /// folder (the shared reference folder, e.g. ../shared/reference).
        #[arg(long, value_name = "DIR")]
        conformance: Option<PathBuf>,
    },
    /// Print the catalog of validation rules.
    Rules {
        #[arg(long, value_enum, default_value = "human")]
        format: RulesFormat,
    },
    /// List every port, product, field and use case downstream of a product, an output port,
    /// a contract or a field.
    Impact {
        workspace: PathBuf,
        /// A product id, an output port as `product-id/port-id`, a contract id, or a field as
        /// `contract-id/object.property`.
        id: String,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Compare contracts: two workspace files or folders of standard files (same id = same
    /// contract; added and removed contracts are listed), two contract files (`.odcs.yaml`,
    /// DCS), or a contract file and a workspace or folder; exit 1 if any change is breaking.
    Diff {
        /// The old version: a workspace JSON file, a folder of ODCS/ODPS/DCS files, or one
        /// contract file (ODCS YAML or JSON, DCS).
        old: PathBuf,
        /// The new version, likewise.
        new: PathBuf,
        /// Only this contract id.
        #[arg(long)]
        contract: Option<String>,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Write a workspace as standard files (ODCS, ODPS, DPDS, DCS, dbt, SQL, JSON Schema, Markdown)
    /// under a folder, in the repo bundle's layout.
    Export {
        workspace: PathBuf,
        #[arg(long, value_enum)]
        format: formats_cmd::ExportFormat,
        /// Output folder (for `--format bundle`: the zip file).
        #[arg(long)]
        out: PathBuf,
        /// ODCS version to write.
        #[arg(long, value_enum, default_value = "3.2.0")]
        odcs_version: formats_cmd::OdcsVersionArg,
        /// SQL dialect for `--format sql`.
        #[arg(long, value_enum, default_value = "postgres")]
        dialect: formats_cmd::DialectArg,
    },
    /// Read ODCS, ODPS and DCS files (or folders of them), SQL `CREATE TABLE` scripts
    /// (`*.sql`, one contract per file) and JSON samples (`*.json` that is neither a standard
    /// document nor a workspace, `*.ndjson`, `*.jsonl`: one inferred contract per file) into
    /// one workspace JSON file.
    Import {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The workspace file to write.
        #[arg(long)]
        out: PathBuf,
        /// Workspace name (default: the output file's name).
        #[arg(long)]
        name: Option<String>,
        /// SQL dialect of `*.sql` inputs.
        #[arg(long, value_enum, default_value = "postgres")]
        dialect: formats_cmd::DialectArg,
        /// Read every `*.json` file named as a JSON sample, even one that looks like a
        /// standard document or a workspace.
        #[arg(long)]
        sample: bool,
    },
    /// Write a synthetic, realistic workspace (for demos, tests and benchmarks).
    Generate {
        /// Number of data products.
        #[arg(long)]
        products: usize,
        /// Same seed, same workspace.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output file; standard output when absent.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// Writes to standard output. When the reader has gone (broken pipe) there is nobody left to
/// tell, so the process exits at once with success; any other write error ends it with 2.
fn write_stdout(args: std::fmt::Arguments) {
    use std::io::Write;
    if let Err(error) = std::io::stdout().lock().write_fmt(args) {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("dpstudio: cannot write to standard output: {error}");
        std::process::exit(2);
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { inputs, format, conformance } => {
            commands::check(&inputs, matches!(format, Format::Json), conformance.as_deref())
        }
        Command::Rules { format: RulesFormat::Markdown } => commands::rules_markdown(),
        Command::Rules { format } => commands::rules(matches!(format, RulesFormat::Json)),
        Command::Impact { workspace, id, format } => inspect::impact(&workspace, &id, matches!(format, Format::Json)),
        Command::Diff { old, new, contract, format } => {
            diff_cmd::diff(&old, &new, contract.as_deref(), matches!(format, Format::Json))
        }
        Command::Export { workspace, format, out, odcs_version, dialect } => {
            formats_cmd::export(&workspace, format, &out, odcs_version, dialect)
        }
        Command::Import { inputs, out, name, dialect, sample } => {
            formats_cmd::import(&inputs, &out, name.as_deref(), dialect, sample)
        }
        Command::Generate { products, seed, out } => generate::generate(products, seed, out.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("dpstudio: {message}");
            ExitCode::from(2)
        }
    }
}
