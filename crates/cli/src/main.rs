//! `dpstudio`: the command-line face of Data Product Studio, for shells and repositories' CI.
//! It runs the same model and rules as the browser app, natively.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod commands;

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

#[derive(Subcommand)]
enum Command {
    /// Validate a workspace file and print its diagnostics (exit 1 if any error).
    Check {
        /// A workspace JSON file saved by Data Product Studio.
        workspace: PathBuf,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Print the catalog of validation rules.
    Rules {
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { workspace, format } => commands::check(&workspace, matches!(format, Format::Json)),
        Command::Rules { format } => commands::rules(matches!(format, Format::Json)),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("dpstudio: {message}");
            ExitCode::from(2)
        }
    }
}
