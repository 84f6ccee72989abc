//! The `claimcheck` command line: glue around the core. All file reading happens here.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use claimcheck::bundle::import::{self, ImportOptions};
use claimcheck::bundle::source::{self, SourceTexts};
use claimcheck::bundle::{limits, Kind};
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
        /// Print the check as schema.org ClaimReview JSON-LD (a draft for an editor to
        /// review before publishing); needs --reviewer and --url.
        #[arg(long, requires_all = ["reviewer", "url"], conflicts_with = "json")]
        claimreview: bool,
        /// The organisation publishing the review (ClaimReview `author`).
        #[arg(long)]
        reviewer: Option<String>,
        /// The page the review will be published on (ClaimReview `url`).
        #[arg(long)]
        url: Option<String>,
        /// Who made the claim (ClaimReview `itemReviewed.author`), when known.
        #[arg(long)]
        claimant: Option<String>,
        /// The review's date, YYYY-MM-DD (default: today, UTC).
        #[arg(long)]
        date: Option<String>,
    },
    /// Run labelled claims (JSON lines) and print one line per case and a summary.
    ///
    /// Two formats: ours ({"id", "claim", "verdict": [...], "evidence": [phrases]}), and
    /// Climate-FEVER's ({"id", "claim", "label", "evidence": [{"id", "label"}]}), for which
    /// the summary has accuracy, macro-F1, a confusion matrix and decisive-evidence recall@5.
    Eval {
        file: PathBuf,
        #[arg(long)]
        bundle: Option<PathBuf>,
    },
    /// Measure claim matching: for each query (JSON lines {"id", "text", "gold": [review
    /// ids]}), rank the bundle's reviews and print MAP@5, recall@1, recall@5 and the
    /// time per query. CLEF CheckThat! 2022 Task 2A's query files read as they are.
    EvalMatching {
        file: PathBuf,
        /// A bundle with reviews (see `bundle import-reviews`).
        #[arg(long)]
        bundle: PathBuf,
        /// Print each query's rank of its first gold review.
        #[arg(long)]
        verbose: bool,
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
    /// Turn a corpus of one statement per line (JSON lines: "id", "text", "source", and
    /// optionally "url", "published", "publisher", "kind", "speaker") into a bundle.
    /// Writes the compiled form, or the JSON source format when OUTPUT ends in ".json".
    ///
    /// Climate-FEVER's evidence file: --source-field article --publisher Wikipedia
    Import {
        path: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        /// The field that names each statement's source.
        #[arg(long, default_value = "source")]
        source_field: String,
        /// The field that holds each statement's text.
        #[arg(long, default_value = "text")]
        text_field: String,
        /// The bundle's title (default: the input file's name).
        #[arg(long)]
        title: Option<String>,
        /// Publisher of sources whose lines name none (default: the source's name).
        #[arg(long)]
        publisher: Option<String>,
        /// Kind of sources whose lines give none: ngo, intergovernmental, government,
        /// news, court, testimony or other.
        #[arg(long, default_value = "other")]
        kind: String,
    },
    /// Read fact-checks published as schema.org ClaimReview into a bundle's reviews:
    /// JSON-LD files (one object, an array or an @graph), HTML pages with
    /// <script type="application/ld+json"> blocks, or Google Fact Check Tools API
    /// responses. Writes the compiled form, or the JSON source when OUTPUT ends in ".json".
    /// Nothing is written if any item has an error.
    ImportReviews {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(short, long)]
        output: PathBuf,
        /// Merge the reviews into this bundle (source JSON or compiled).
        #[arg(long)]
        into: Option<PathBuf>,
        /// The bundle's title when not merging into one.
        #[arg(long, default_value = "Fact-checks")]
        title: String,
    },
}

/// `println!` that ends the program quietly when standard output is closed (a reader
/// piping into `head`), where `println!` would panic.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(message) => {
            // Messages quote bundle text: escaped like the readable output, line by line.
            let message: Vec<String> = message.lines().map(plain).collect();
            eprintln!("claimcheck: {}", message.join("\n"));
            ExitCode::from(1)
        }
    }
}

fn run(command: Command) -> Result<ExitCode, String> {
    match command {
        Command::Check { claim, json, bundle, claimreview, reviewer, url, claimant, date } => {
            let checker = load(bundle.as_deref())?;
            let claim = match claim.as_deref() {
                Some("-") | None => read_stdin()?,
                Some(text) => text.to_string(),
            };
            let result = checker.check(&claim);
            if claimreview {
                use claimcheck::reviews::claimreview::{export, Publisher};
                let date = date.unwrap_or_else(today);
                let publisher = Publisher { reviewer: reviewer.as_deref().unwrap_or(""), url: url.as_deref().unwrap_or(""), date: &date, claimant: claimant.as_deref() };
                let review = export(&result, &publisher)?;
                say!("{}", serde_json::to_string_pretty(&review).map_err(|e| e.to_string())?);
                eprintln!("claimcheck: a draft ClaimReview of claimcheck's assessment: an editor should review it before it is published.");
            } else if json {
                say!("{}", serde_json::to_string(&result).map_err(|e| e.to_string())?);
            } else {
                print_readable(&result);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { file, bundle } => {
            let checker = load(bundle.as_deref())?;
            let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            if eval::is_labelled(&text) {
                let cases = eval::parse_labelled(&text, &file.display().to_string())?;
                let outcomes = eval::run_labelled(&checker, &cases);
                for o in &outcomes {
                    let mark = if o.label == o.verdict { "PASS" } else { "FAIL" };
                    let recall = match o.found_at_5 {
                        Some(true) => " gold@5",
                        Some(false) => " gold-missed",
                        None => "",
                    };
                    say!("{mark} {} label {} verdict {}{recall}", plain(&o.id), o.label.as_str(), o.verdict.as_str());
                }
                say!("{}", eval::metrics(&outcomes));
                return Ok(ExitCode::SUCCESS);
            }
            let cases = eval::parse_cases(&text, &file.display().to_string())?;
            let outcomes = eval::run(&checker, &cases);
            for o in &outcomes {
                let mark = if o.passed { "PASS" } else { "FAIL" };
                say!("{mark} {} {} {}", plain(&o.id), o.verdict.as_str(), plain(&o.detail));
            }
            say!("{}", eval::Summary(&outcomes));
            Ok(ExitCode::SUCCESS)
        }
        Command::EvalMatching { file, bundle, verbose } => {
            use claimcheck::reviews::eval;
            let name = file.display().to_string();
            let text = std::fs::read_to_string(&file).map_err(|e| format!("{name}: {e}"))?;
            let queries = eval::parse_queries(&text, &name)?;
            let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
            // Load, then the first check (a compiled bundle of format 4 brings the
            // reviews' index; older ones and JSON build it here), as a reader meets them.
            let started = std::time::Instant::now();
            let checker = load(Some(&bundle))?;
            let loaded = ms(started.elapsed());
            let started = std::time::Instant::now();
            let _ = checker.check(queries.first().map_or("", |q| q.text.as_str()));
            let first = ms(started.elapsed());
            // CheckThat!'s measure: the reviews ranked, judged or not.
            let started = std::time::Instant::now();
            let judged: Vec<Vec<claimcheck::reviews::Ranked>> = queries.iter().map(|q| checker.rank_reviews(&q.text, 20)).collect();
            let per_query = ms(started.elapsed()) / queries.len().max(1) as f64;
            let ranked: Vec<Vec<&str>> = judged.iter().map(|list| list.iter().take(5).map(|r| checker.bundle().reviews[r.review].id.as_str()).collect()).collect();
            // What a reader is shown: the whole check, timed one by one.
            let mut times = Vec::with_capacity(queries.len());
            let results: Vec<claimcheck::CheckResult> = queries
                .iter()
                .map(|q| {
                    let started = std::time::Instant::now();
                    let result = checker.check(&q.text);
                    times.push(ms(started.elapsed()));
                    result
                })
                .collect();
            times.sort_by(f64::total_cmp);
            let median = times.get(times.len() / 2).copied().unwrap_or(0.0);
            let shown: Vec<Vec<(&str, claimcheck::report::ReviewRelation)>> = results.iter().map(|r| r.reviews.iter().map(|m| (m.id.as_str(), m.relation)).collect()).collect();
            if verbose {
                for ((q, r), s) in queries.iter().zip(&ranked).zip(&shown) {
                    let rank = r.iter().position(|id| q.gold.iter().any(|g| g == id)).map_or("-".to_string(), |p| (p + 1).to_string());
                    let shown: Vec<String> =
                        s.iter().map(|(id, relation)| format!("{}{}", if q.gold.iter().any(|g| g == id) { "gold:" } else { "other:" }, relation.as_str())).collect();
                    say!("{rank} {} shown [{}]", plain(&q.id), shown.join(", "));
                }
            }
            say!("{}", eval::Scores::of(&queries, &ranked));
            say!("{}", eval::Shown::of(&queries, &shown));
            say!(
                "{} reviews loaded in {loaded:.0} ms; first check {first:.1} ms; a check takes {median:.2} ms (median of {}); ranking alone {per_query:.2} ms per query",
                checker.bundle().reviews.len(),
                times.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Analyze { text } => {
            let a = claimcheck::analysis::analyze(&text);
            for (i, t) in a.tokens.iter().enumerate() {
                let negated = if a.is_negated(i) { " NEG" } else { "" };
                let entity = if t.entity { " ENTITY" } else { "" };
                say!("{i:3} {:?} {:?} -> {:?}{entity}{negated}", t.kind, t.word, t.term);
            }
            for n in &a.negators {
                say!("negator {:?} cue {} scope {:?}", n.kind, n.cue, n.scope);
            }
            say!("quantities {:?}\nyears {:?}\nuniversal {}", a.quantities, a.years, a.universal);
            Ok(ExitCode::SUCCESS)
        }
        Command::Bundle { command: BundleCommand::Verify { path } } => {
            let checker = load(Some(&path))?;
            let b = checker.bundle();
            say!("{}: ok — {} sources, {} statements, {} relations, {} reviews", path.display(), b.sources.len(), b.statements.len(), b.relations.len(), b.reviews.len());
            Ok(ExitCode::SUCCESS)
        }
        Command::Bundle { command: BundleCommand::Build { path, output } } => {
            let checker = load(Some(&path))?;
            let bytes = checker.compile();
            write_output(&output, &bytes)?;
            let reviews = match checker.bundle().reviews.len() {
                0 => String::new(),
                n => format!(", {}", plural(n, "review")),
            };
            say!("{}: {} bytes, {} statements{reviews}", output.display(), bytes.len(), checker.bundle().statements.len());
            Ok(ExitCode::SUCCESS)
        }
        Command::Bundle { command: BundleCommand::ImportReviews { files, output, into, title } } => import_reviews(&files, &output, into.as_deref(), title),
        Command::Bundle { command: BundleCommand::Import { path, output, source_field, text_field, title, publisher, kind } } => {
            let kind = Kind::parse(&kind).ok_or_else(|| {
                let allowed: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                format!("--kind: unknown kind \"{kind}\"; expected one of {}", allowed.join(", "))
            })?;
            let name = path.display().to_string();
            let title = title.unwrap_or_else(|| path.file_stem().map_or(name.clone(), |s| s.to_string_lossy().into_owned()));
            let options = ImportOptions { source_field, text_field, title, publisher, kind };
            let bytes = std::fs::read(&path).map_err(|e| format!("{name}: {e}"))?;
            let text = std::str::from_utf8(&bytes).map_err(|e| {
                let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
                format!("{name}: line {line}: not UTF-8")
            })?;
            let mut bar = Progress::new();
            let bundle = import::import(text, &name, &options, &mut |done, total| bar.show("reading", done, total)).map_err(|e| {
                bar.finish();
                e.to_string()
            })?;
            let statements = bundle.statements.len();
            let sources = bundle.sources.len();
            let bytes = if output.extension().is_some_and(|e| e == "json") {
                bar.finish();
                source::to_json(&bundle).into_bytes()
            } else {
                let checker = Checker::new_with_progress(bundle, &mut |done| bar.show("indexing", done, statements));
                bar.finish();
                checker.compile()
            };
            write_output(&output, &bytes)?;
            say!("{}: {} bytes, {statements} statements from {sources} sources", output.display(), bytes.len());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// "1 review", "3 reviews".
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Writes an output file beside itself and renames it into place, so it is never half
/// written; a missing folder is named as such.
fn write_output(output: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(folder) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !folder.is_dir() {
            return Err(format!("{}: cannot write: the folder {} does not exist", output.display(), folder.display()));
        }
    }
    let partial = output.with_extension("partial");
    std::fs::write(&partial, bytes).and_then(|()| std::fs::rename(&partial, output)).map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        format!("{}: cannot write: {e}", output.display())
    })
}

fn import_reviews(files: &[PathBuf], output: &Path, into: Option<&Path>, title: String) -> Result<ExitCode, String> {
    use claimcheck::bundle::{rules, Bundle};
    use claimcheck::reviews::claimreview;
    let mut imported = claimreview::Imported::default();
    let mut errors = Vec::new();
    let mut bar = Progress::new();
    for (i, path) in files.iter().enumerate() {
        bar.show("reading", i, files.len());
        let name = path.display().to_string();
        let meta = std::fs::metadata(path).map_err(|e| format!("{name}: {e}"))?;
        if !meta.is_file() || meta.len() > claimreview::MAX_FEED_BYTES as u64 {
            return Err(format!("{name}: not a regular file of at most {} bytes", claimreview::MAX_FEED_BYTES));
        }
        let bytes = std::fs::read(path).map_err(|e| format!("{name}: {e}"))?;
        let text = std::str::from_utf8(&bytes).map_err(|e| format!("{name}: not UTF-8 at byte {}", e.valid_up_to()))?;
        claimreview::import_file(text, &name, &mut imported, &mut errors);
    }
    bar.finish();
    let imported = claimreview::finish(imported, errors).map_err(|e| e.to_string())?;
    let count = imported.reviews.len();
    let skipped: Vec<String> = imported.skipped.iter().map(|(kind, n)| format!("{n} {kind}")).collect();
    let skipped = if skipped.is_empty() { String::new() } else { format!("; skipped {}", skipped.join(", ")) };
    // A page or feed without a single ClaimReview is the wrong file, not an empty bundle.
    if count == 0 {
        let names: Vec<String> = files.iter().take(3).map(|p| p.display().to_string()).collect();
        let more = if files.len() > 3 { format!(" and {} more", files.len() - 3) } else { String::new() };
        return Err(format!("{}{more}: no ClaimReview found{skipped}; nothing written", names.join(", ")));
    }
    if let Some(path) = into {
        text_files_stay_reachable(path, output)?;
    }
    let mut bundle = match into {
        Some(path) => load(Some(path))?.bundle().clone(),
        None => Bundle { title, language: "en".into(), sources: Vec::new(), statements: Vec::new(), relations: Vec::new(), reviews: Vec::new() },
    };
    // A feed imported again refreshes its reviews: the same id (the fact-check's @id or
    // URL) replaces the review kept before, so a daily import never collides with itself.
    let mut updated = 0;
    let mut position: std::collections::HashMap<String, usize> = bundle.reviews.iter().enumerate().map(|(i, r)| (r.id.clone(), i)).collect();
    for review in imported.reviews {
        match position.get(&review.id) {
            Some(&i) => {
                bundle.reviews[i] = review;
                updated += 1;
            }
            None => {
                position.insert(review.id.clone(), bundle.reviews.len());
                bundle.reviews.push(review);
            }
        }
    }
    if bundle.reviews.len() > limits::MAX_REVIEWS {
        return Err(format!("{}: {} reviews; the limit is {}", output.display(), bundle.reviews.len(), limits::MAX_REVIEWS));
    }
    // The merged bundle passes the verifier's rules, as any bundle must (ids unique
    // across the bundle's reviews and the imported ones).
    let name = output.display().to_string();
    let mut report = rules::Report::new(&name);
    rules::verify(&bundle, &mut report);
    if !report.is_empty() {
        return Err(claimcheck::bundle::BundleErrors(report.into_errors()).to_string());
    }
    let reviews = bundle.reviews.len();
    let bytes = if output.extension().is_some_and(|e| e == "json") {
        source::to_json(&bundle).into_bytes()
    } else {
        // Indexing the reviews is the slow part (about 40 µs a review).
        let bytes = Checker::new(bundle).compile_with_progress(&mut |done| bar.show("indexing", done, reviews));
        bar.finish();
        bytes
    };
    write_output(output, &bytes)?;
    let repeats = if imported.duplicates > 0 { format!("; {} kept once", plural(imported.duplicates, "repeated review")) } else { String::new() };
    let updated = if updated > 0 { format!(" ({updated} of them replacing the review with the same id)") } else { String::new() };
    say!("{}: {} bytes, {} imported{updated}{skipped}{repeats}", output.display(), bytes.len(), plural(count, "review"));
    Ok(ExitCode::SUCCESS)
}

/// A JSON bundle written elsewhere than the folder of the bundle it merges into would name
/// text files that are not beside it (`text_file` paths are relative to the bundle's
/// folder, and must stay inside it): refused before anything is written, saying what to
/// do. The compiled form carries no texts, so it may go anywhere.
fn text_files_stay_reachable(into: &Path, output: &Path) -> Result<(), String> {
    if output.extension().is_none_or(|e| e != "json") || claimcheck::bundle::compiled::is_compiled(&std::fs::read(into).unwrap_or_default()) {
        return Ok(());
    }
    let folder = |p: &Path| p.parent().filter(|f| !f.as_os_str().is_empty()).unwrap_or(Path::new(".")).canonicalize().ok();
    let (from, to) = (folder(into), folder(output));
    if from.is_some() && from == to {
        return Ok(());
    }
    let bundle = load(Some(into))?.bundle().clone();
    if let Some(source) = bundle.sources.iter().find(|s| s.text_file.is_some()) {
        return Err(format!(
            "{}: cannot write the merged JSON bundle there: {} names its sources' text files relative to its own folder (source \"{}\": field \"text_file\": {}); write it into that folder, or write the compiled form (.ccb), which needs no text files",
            output.display(),
            into.display(),
            plain(&source.id),
            plain(source.text_file.as_deref().unwrap_or_default())
        ));
    }
    Ok(())
}

/// A one-line progress bar on standard error, drawn only when it is a terminal (so logs
/// and pipes stay clean) and only when the shown percentage changes.
struct Progress {
    enabled: bool,
    shown: Option<(&'static str, usize)>,
}

impl Progress {
    fn new() -> Progress {
        Progress { enabled: std::io::stderr().is_terminal(), shown: None }
    }

    fn show(&mut self, phase: &'static str, done: usize, total: usize) {
        if !self.enabled || total == 0 {
            return;
        }
        let percent = done.min(total) * 100 / total;
        if self.shown == Some((phase, percent)) {
            return;
        }
        self.shown = Some((phase, percent));
        let filled = percent * 30 / 100;
        eprint!("\r{phase:>9} [{}{}] {percent:3}%", "#".repeat(filled), " ".repeat(30 - filled));
    }

    fn finish(&mut self) {
        if self.enabled && self.shown.take().is_some() {
            eprintln!();
        }
    }
}

/// Reads source texts relative to the bundle file's folder: only regular files that are
/// inside that folder once symbolic links are resolved, and at most
/// `MAX_TEXT_FILE_BYTES`. A `text_file` naming `/dev/zero`, a FIFO or `/etc/passwd`
/// (through a link) is an error saying so, never read: a bundle from elsewhere must not
/// make the CLI hang, fill memory, or confirm what a local file says.
struct FileTexts {
    /// The bundle's folder, resolved (`None`: it could not be, with why).
    dir: Result<PathBuf, String>,
}

impl FileTexts {
    fn new(dir: &Path) -> FileTexts {
        FileTexts { dir: dir.canonicalize().map_err(|e| format!("the bundle's folder {}: {e}", dir.display())) }
    }
}

impl SourceTexts for FileTexts {
    fn read(&mut self, path: &str) -> Result<String, String> {
        use std::os::unix::fs::FileTypeExt;
        let dir = self.dir.as_ref().map_err(Clone::clone)?;
        let real = dir.join(path).canonicalize().map_err(|e| e.to_string())?;
        if !real.starts_with(dir) {
            return Err(format!("it resolves to {}, outside the bundle's folder", real.display()));
        }
        let meta = std::fs::metadata(&real).map_err(|e| e.to_string())?;
        let kind = meta.file_type();
        if !kind.is_file() {
            let what = if kind.is_dir() {
                "a folder"
            } else if kind.is_fifo() {
                "a FIFO"
            } else if kind.is_char_device() || kind.is_block_device() {
                "a device"
            } else if kind.is_socket() {
                "a socket"
            } else {
                "not a file"
            };
            return Err(format!("it is {what}, not a regular file"));
        }
        let limit = limits::MAX_TEXT_FILE_BYTES;
        if meta.len() > limit as u64 {
            return Err(format!("it is {} bytes; the limit is {limit}", meta.len()));
        }
        let mut bytes = Vec::new();
        std::fs::File::open(&real).and_then(|file| file.take(limit as u64 + 1).read_to_end(&mut bytes)).map_err(|e| e.to_string())?;
        if bytes.len() > limit {
            return Err(format!("it grew past the limit of {limit} bytes while being read"));
        }
        String::from_utf8(bytes).map_err(|e| format!("not UTF-8 at byte {}", e.utf8_error().valid_up_to()))
    }
}

fn load(path: Option<&Path>) -> Result<Checker, String> {
    let Some(path) = path else {
        return Checker::embedded().map_err(|e| e.to_string());
    };
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut texts = FileTexts::new(dir);
    Checker::from_bytes(&bytes, &path.display().to_string(), Some(&mut texts)).map_err(|e| e.to_string())
}

/// Today's date in UTC, `YYYY-MM-DD` (days since 1970 to a civil date, Howard Hinnant's
/// algorithm).
fn today() -> String {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400) as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
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

/// Text from a bundle or a claim as printed on a terminal: control characters (an escape
/// sequence could rewrite the lines above, set the window title or hide a link; a newline
/// could fake a "Verdict:" line) and bidirectional controls are shown escaped
/// (`\u{1b}`), never sent to the terminal.
fn plain(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let bidi = matches!(u32::from(c), 0x202A..=0x202E | 0x2066..=0x2069 | 0x200E | 0x200F | 0x061C);
            if c.is_control() || bidi {
                c.escape_unicode().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

fn print_readable(result: &CheckResult) {
    say!("Claim: {}", plain(&result.claim));
    let verdict = match result.verdict {
        claimcheck::Verdict::NoEvidence => "NO EVIDENCE in this bundle".to_string(),
        v => v.as_str().to_uppercase(),
    };
    // A fact-checker's verdict comes first, apart from claimcheck's own.
    for r in &result.reviews {
        let of = match r.relation {
            claimcheck::report::ReviewRelation::Same => "",
            claimcheck::report::ReviewRelation::Opposite => " (a fact-check of the opposite claim)",
        };
        say!("Fact-checked by {}, {}: {}{of}", plain(&r.reviewer), plain(&r.reviewed), plain(&r.rating));
        say!("   Reviewed claim: \"{}\"", plain(&r.claim));
        if !r.summary.is_empty() {
            say!("   {}", plain(&r.summary));
        }
        say!("   {}", plain(&r.url));
    }
    if !result.reviews.is_empty() {
        say!("claimcheck's own assessment of the statements:");
    }
    say!("Verdict: {verdict} (confidence {:.2}, {} independent source{})", result.confidence, result.independent_sources, if result.independent_sources == 1 { "" } else { "s" });
    if let Some(language) = &result.language {
        say!("Note: claimcheck reads English; this looks like {}. Nothing was checked.", plain(&language.name));
    }
    for reading in &result.readings {
        say!("Note: read \u{201C}{}\u{201D} as \u{201C}{}\u{201D}.", plain(&reading.written), plain(&reading.read_as));
    }
    for note in &result.notes {
        say!("Note: {}", plain(note));
    }
    for (i, e) in result.evidence.iter().enumerate() {
        say!("");
        say!("{}. [{}] {} ({}), {}", i + 1, e.stance.as_str(), plain(&e.speaker), e.speaker_kind, plain(&e.date));
        say!("   \"{}\"", plain(&e.quote));
        say!("   Why: {}", plain(&e.reason));
        for r in &e.relations {
            say!("   {}", plain(r));
        }
        say!("   Source: {} — {} ({}), {}", plain(&e.source.title), plain(&e.source.publisher), e.source.kind, plain(&e.source.published));
        say!("   {}", plain(&e.source.url));
    }
}
