//! The `claimcheck` command line: glue around the core. All file reading happens here.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use claimcheck::bundle::source::SourceTexts;
use claimcheck::{eval, CheckResult, Checker};

#[derive(Parser)]
#[command(name = "claimcheck", version, about = "Check a claim against a bundle of sourced statements, offline.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check one claim. With no CLAIM or with "-", the claim is read from standard input.
    Check {
        claim: Option<String>,
        /// Print exactly one JSON object (the same shape the web widget returns).
        #[arg(long)]
        json: bool,
        /// A bundle (source JSON or compiled) instead of the embedded default.
        #[arg(long)]
        bundle: Option<PathBuf>,
    },
    /// Run labelled claims (JSON lines) and print one line per case and a summary.
    Eval {
        file: PathBuf,
        #[arg(long)]
        bundle: Option<PathBuf>,
    },
    /// Show how a text is analysed: tokens, terms, negation scopes, amounts (for
    /// people tuning the engine).
    #[command(hide = true)]
    Analyze { text: String },
    /// Verify or compile bundles.
    Bundle {
        #[command(subcommand)]
        command: BundleCommand,
    },
}

#[derive(Subcommand)]
enum BundleCommand {
    /// Check a bundle: format, ids, references, dates, kinds, URLs, and that every quote
    /// appears in its source text.
    Verify { path: PathBuf },
    /// Compile a bundle (verifying it first) into the form that loads fastest.
    Build {
        path: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("claimcheck: {message}");
            ExitCode::from(1)
        }
    }
}

fn run(command: Command) -> Result<ExitCode, String> {
    match command {
        Command::Check { claim, json, bundle } => {
            let checker = load(bundle.as_deref())?;
            let claim = match claim.as_deref() {
                Some("-") | None => read_stdin()?,
                Some(text) => text.to_string(),
            };
            let result = checker.check(&claim);
            if json {
                println!("{}", serde_json::to_string(&result).map_err(|e| e.to_string())?);
            } else {
                print_readable(&result);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { file, bundle } => {
            let checker = load(bundle.as_deref())?;
            let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let cases = eval::parse_cases(&text, &file.display().to_string())?;
            let outcomes = eval::run(&checker, &cases);
            let passed = outcomes.iter().filter(|o| o.passed).count();
            for o in &outcomes {
                let mark = if o.passed { "PASS" } else { "FAIL" };
                println!("{mark} {} {} {}", o.id, o.verdict.as_str(), o.detail);
            }
            println!("{passed} passed, {} failed", outcomes.len() - passed);
            Ok(ExitCode::SUCCESS)
        }
        Command::Analyze { text } => {
            let a = claimcheck::analysis::analyze(&text);
            for (i, t) in a.tokens.iter().enumerate() {
                let negated = if a.is_negated(i) { " NEG" } else { "" };
                let entity = if t.entity { " ENTITY" } else { "" };
                println!("{i:3} {:?} {:?} -> {:?}{entity}{negated}", t.kind, t.word, t.term);
            }
            for n in &a.negators {
                println!("negator {:?} cue {} scope {:?}", n.kind, n.cue, n.scope);
            }
            println!("quantities {:?}\nyears {:?}\nuniversal {}", a.quantities, a.years, a.universal);
            Ok(ExitCode::SUCCESS)
        }
        Command::Bundle { command: BundleCommand::Verify { path } } => {
            let checker = load(Some(&path))?;
            let b = checker.bundle();
            println!("{}: ok — {} sources, {} statements, {} relations", path.display(), b.sources.len(), b.statements.len(), b.relations.len());
            Ok(ExitCode::SUCCESS)
        }
        Command::Bundle { command: BundleCommand::Build { path, output } } => {
            let checker = load(Some(&path))?;
            let bytes = checker.compile();
            std::fs::write(&output, &bytes).map_err(|e| format!("{}: {e}", output.display()))?;
            println!("{}: {} bytes, {} statements", output.display(), bytes.len(), checker.bundle().statements.len());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Reads source texts relative to the bundle file's folder.
struct FileTexts<'a> {
    dir: &'a Path,
}

impl SourceTexts for FileTexts<'_> {
    fn read(&mut self, path: &str) -> Result<String, String> {
        std::fs::read_to_string(self.dir.join(path)).map_err(|e| e.to_string())
    }
}

fn load(path: Option<&Path>) -> Result<Checker, String> {
    let Some(path) = path else {
        return Checker::embedded().map_err(|e| e.to_string());
    };
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut texts = FileTexts { dir };
    Checker::from_bytes(&bytes, &path.display().to_string(), Some(&mut texts)).map_err(|e| e.to_string())
}

fn read_stdin() -> Result<String, String> {
    let mut stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!("Paste the claim, then press Ctrl-D:");
    }
    let mut bytes = Vec::new();
    stdin.read_to_end(&mut bytes).map_err(|e| format!("standard input: {e}"))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn print_readable(result: &CheckResult) {
    println!("Claim: {}", result.claim);
    let verdict = match result.verdict {
        claimcheck::Verdict::NoEvidence => "NO EVIDENCE in this bundle".to_string(),
        v => v.as_str().to_uppercase(),
    };
    println!("Verdict: {verdict} (confidence {:.2}, {} independent source{})", result.confidence, result.independent_sources, if result.independent_sources == 1 { "" } else { "s" });
    for note in &result.notes {
        println!("Note: {note}");
    }
    for (i, e) in result.evidence.iter().enumerate() {
        println!();
        println!("{}. [{}] {} ({}), {}", i + 1, e.stance.as_str(), e.speaker, e.speaker_kind, e.date);
        println!("   \"{}\"", e.quote);
        println!("   Why: {}", e.reason);
        for r in &e.relations {
            println!("   {r}");
        }
        println!("   Source: {} — {} ({}), {}", e.source.title, e.source.publisher, e.source.kind, e.source.published);
        println!("   {}", e.source.url);
    }
}
