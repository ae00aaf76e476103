//! `goals report` run as a user would: the HTML parses as HTML5 without errors, every chart
//! plots exactly the numbers of the JSON reports, the page is the same bytes on every run, and
//! a small report is pinned as a snapshot.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::common::{decimal, goals, json_decimal, run, stdout_of};

const AS_OF: &str = "2027-06-30";

fn stdout(args: &[&str]) -> String {
    stdout_of(goals().args(args))
}

fn example_report() -> String {
    stdout(&[
        "--as-of",
        AS_OF,
        "report",
        "goals.example.toml",
        "--actuals",
        "examples/actuals.csv",
    ])
}

fn example_json(command: &str) -> Value {
    let mut args = vec!["--as-of", AS_OF, command, "goals.example.toml"];
    if command == "track" {
        args.extend(["--actuals", "examples/actuals.csv"]);
    }
    args.extend(["--format", "json"]);
    serde_json::from_str(&stdout(&args)).unwrap()
}

fn select<'a>(root: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    root.select(&Selector::parse(css).unwrap()).collect()
}

/// The `(data-label, data-value)` of every mark of one series of the chart `#id`.
fn plotted(page: &Html, id: &str, series: &str) -> Vec<(String, Decimal)> {
    let chart = select(page.root_element(), &format!("svg#{id}"));
    assert_eq!(chart.len(), 1, "one chart #{id}");
    select(
        chart[0],
        &format!("[data-series=\"{series}\"] [data-value]"),
    )
    .iter()
    .map(|e| {
        let v = e.value();
        (
            v.attr("data-label").unwrap().to_owned(),
            decimal(v.attr("data-value").unwrap()),
        )
    })
    .collect()
}

#[test]
fn the_report_is_valid_html5() {
    let page = Html::parse_document(&example_report());
    assert!(page.errors.is_empty(), "parse errors: {:?}", page.errors);
    let charts = select(page.root_element(), "svg");
    assert!(!charts.is_empty());
    for svg in charts {
        let id = svg.value().attr("id").unwrap();
        let labelled = svg.value().attr("aria-labelledby").unwrap();
        assert_eq!(labelled, format!("{id}-t {id}-d"));
        assert_eq!(
            select(svg, "title").first().map(|t| t.value().attr("id")),
            Some(Some(format!("{id}-t").as_str()))
        );
        assert_eq!(
            select(svg, &format!("desc#{id}-d")).len(),
            1,
            "{id} has a description"
        );
    }
}

#[test]
fn the_report_is_self_contained() {
    let text = example_report();
    for banned in [
        "<script", "<link", "@import", "url(", "src=", "http://", "https://",
    ] {
        let allowed = banned == "http://"
            && text.matches(banned).count() == text.matches("http://www.w3.org/2000/svg").count();
        assert!(allowed || !text.contains(banned), "the page has `{banned}`");
    }
}

#[test]
fn quota_bars_plot_the_plan_json() {
    let page = Html::parse_document(&example_report());
    let plan = example_json("plan");
    let targets = plan["targets"].as_array().unwrap();
    for (i, target) in targets.iter().enumerate() {
        let expected: Vec<(String, Decimal)> = target["periods"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["label"].as_str().unwrap().to_owned(),
                    json_decimal(&p["quota"]),
                )
            })
            .collect();
        assert_eq!(
            plotted(&page, &format!("t{}-quota", i + 1), "value"),
            expected,
            "target {i}"
        );
    }
}

#[test]
fn burn_ups_plot_the_track_json() {
    let page = Html::parse_document(&example_report());
    let track = example_json("track");
    for (i, target) in track["targets"].as_array().unwrap().iter().enumerate() {
        let periods = target["periods"].as_array().unwrap();
        let column = |field: &str| -> Vec<(String, Decimal)> {
            periods
                .iter()
                .filter(|p| !p[field].is_null())
                .map(|p| {
                    (
                        p["label"].as_str().unwrap().to_owned(),
                        json_decimal(&p[field]),
                    )
                })
                .collect()
        };
        let id = format!("t{}-burnup", i + 1);
        assert_eq!(
            plotted(&page, &id, "cumulative_plan"),
            column("cumulative_plan"),
            "{id}"
        );
        assert_eq!(
            plotted(&page, &id, "cumulative_actual"),
            column("cumulative_actual"),
            "{id}"
        );
        let marker: String = select(page.root_element(), &format!("svg#{id} .marker text"))[0]
            .text()
            .collect();
        assert_eq!(marker, format!("as of {AS_OF}"));
    }
}

#[test]
fn attainment_bars_and_distribution_plot_the_track_json() {
    let page = Html::parse_document(&example_report());
    let track = example_json("track");
    let leaders = track["leaderboard"].as_array().unwrap();
    let expected: Vec<(String, Decimal)> = leaders
        .iter()
        .map(|l| {
            (
                l["rep"].as_str().unwrap().to_owned(),
                json_decimal(&l["attainment"]),
            )
        })
        .collect();
    assert_eq!(plotted(&page, "leaderboard-chart", "attainment"), expected);
    let band = |from: &str, to: &str| {
        let (from, to) = (decimal(from), decimal(to));
        let n = expected
            .iter()
            .filter(|(_, a)| *a >= from && *a < to)
            .count();
        Decimal::from(n)
    };
    let counts: Vec<Decimal> = plotted(&page, "distribution-chart", "value")
        .into_iter()
        .map(|(_, n)| n)
        .collect();
    assert_eq!(
        counts,
        [
            band("1", "1000"),
            band("0.8", "1"),
            band("0.5", "0.8"),
            band("-1000", "0.5")
        ]
    );
}

#[test]
fn coverage_bars_plot_the_track_json() {
    let with = ["--pipeline", "tests/pipeline/open.csv"];
    let base = [
        "--as-of",
        AS_OF,
        "report",
        "tests/pipeline/coverage.toml",
        "--actuals",
        "tests/pipeline/won.csv",
    ];
    let page = Html::parse_document(&stdout(&[&base[..], &with[..]].concat()));
    assert!(page.errors.is_empty(), "parse errors: {:?}", page.errors);
    let mut args = vec!["--as-of", AS_OF, "track", "tests/pipeline/coverage.toml"];
    args.extend(["--actuals", "tests/pipeline/won.csv", "--format", "json"]);
    args.extend(with);
    let track: Value = serde_json::from_str(&stdout(&args)).unwrap();
    let expected: Vec<(String, Decimal)> = track["targets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| !t["coverage"].is_null())
        .map(|t| {
            (
                t["goal"].as_str().unwrap().to_owned(),
                json_decimal(&t["coverage"]),
            )
        })
        .collect();
    assert_eq!(expected, [("revenue".to_owned(), decimal("3"))]);
    assert_eq!(plotted(&page, "coverage-chart", "coverage"), expected);
    let needed: String = select(page.root_element(), "svg#coverage-chart .axis text")[0]
        .text()
        .collect();
    assert_eq!(needed, "4.55x needed");
    let without = stdout(&base);
    assert!(
        !without.contains("id=\"pipeline\""),
        "no pipeline, no section"
    );
}

#[test]
fn the_review_asks_the_guides_questions() {
    let page = Html::parse_document(&example_report());
    let track = example_json("track");
    let reviews = select(page.root_element(), "#review article.review");
    assert_eq!(reviews.len(), track["review"].as_array().unwrap().len());
    for (article, item) in reviews.iter().zip(track["review"].as_array().unwrap()) {
        let heading: String = select(*article, "h3")[0].text().collect();
        assert!(heading.contains(item["title"].as_str().unwrap()));
        let questions: Vec<String> = select(*article, "ul.questions li")
            .iter()
            .map(|q| q.text().collect())
            .collect();
        assert_eq!(
            questions,
            item["questions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|q| q.as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn weekly_and_quarterly_reports_plot_every_period() {
    for by in ["week", "quarter"] {
        let args = [
            "--as-of",
            AS_OF,
            "report",
            "goals.example.toml",
            "--actuals",
            "examples/actuals.csv",
            "--by",
            by,
        ];
        let page = Html::parse_document(&stdout(&args));
        assert!(page.errors.is_empty(), "--by {by}: {:?}", page.errors);
        let plan: Value = serde_json::from_str(&stdout(&[
            "--as-of",
            AS_OF,
            "plan",
            "goals.example.toml",
            "--by",
            by,
            "--format",
            "json",
        ]))
        .unwrap();
        for (i, target) in plan["targets"].as_array().unwrap().iter().enumerate() {
            let bars = plotted(&page, &format!("t{}-quota", i + 1), "value");
            assert_eq!(
                bars.len(),
                target["periods"].as_array().unwrap().len(),
                "--by {by}, target {i}"
            );
        }
    }
}

#[test]
fn a_big_organisation_opens_folded() {
    let mut text = String::from(
        "[plan]\nname = \"Big\"\nstart = 2027-01-01\n\n[[objectives]]\nid = \"grow\"\ntitle = \"Grow\"\n\n[metrics.deals]\nkind = \"count\"\nsource = \"CRM\"\n\n",
    );
    for t in 0..3 {
        write!(text, "[[teams]]\nid = \"t{t}\"\n\n").unwrap();
    }
    for r in 0..60 {
        write!(text, "[[reps]]\nid = \"r{r}\"\nteam = \"t{}\"\n\n", r % 3).unwrap();
    }
    text.push_str("[[goals]]\nid = \"all\"\ntitle = \"Close 6000 deals\"\nfamily = \"product\"\nobjective = \"grow\"\nowner = \"company\"\nreview = \"monthly\"\nsteps = [\"Call\"]\n  [[goals.targets]]\n  metric = \"deals\"\n  target = 6000\n\n");
    for g in 0..12 {
        write!(text, "[[goals]]\nid = \"g{g}\"\ntitle = \"Close 100 deals ({g})\"\nfamily = \"product\"\nobjective = \"grow\"\nowner = \"team:t{}\"\nreview = \"monthly\"\nsteps = [\"Call\"]\n  [[goals.targets]]\n  metric = \"deals\"\n  target = 100\n\n", g % 3).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.toml");
    std::fs::write(&path, text).unwrap();
    let html = stdout(&["--as-of", "2027-03-31", "report", path.to_str().unwrap()]);
    let page = Html::parse_document(&html);
    assert!(page.errors.is_empty(), "{:?}", page.errors);
    let owners = select(page.root_element(), "details.owner");
    assert_eq!(owners.len(), 4, "company and three teams");
    assert!(
        owners.iter().all(|d| d.value().attr("open").is_none()),
        "13 targets: folded"
    );
    // The company target's 60 reps are folded into their own table; the teams' 20 are shown.
    let folded: Vec<String> = select(page.root_element(), "article.target > details > summary")
        .iter()
        .map(|s| s.text().collect())
        .filter(|s: &String| s.starts_with("All "))
        .collect();
    assert_eq!(folded, ["All 60 reps"]);
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    assert_eq!(example_report(), example_report());
}

#[test]
fn the_report_goes_to_the_file_of_dash_o() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    let out = run(&[
        "--as-of",
        AS_OF,
        "report",
        "tests/report/small.toml",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(
        !text.contains("id=\"review\""),
        "without actuals there is no review"
    );
    let unwritable = run(&[
        "report",
        "goals.example.toml",
        "-o",
        "/nonexistent/dir/r.html",
    ]);
    assert_eq!(unwritable.status.code(), Some(2));
    let err = String::from_utf8_lossy(&unwritable.stderr);
    assert!(
        err.contains("cannot write the report to /nonexistent/dir/r.html"),
        "{err}"
    );
}

#[test]
fn a_goal_file_with_errors_gets_no_report() {
    let out = run(&["report", "examples/broken.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no report was written"));
}

#[test]
fn a_small_report_snapshot() {
    let page = stdout(&[
        "--as-of",
        "2027-02-28",
        "report",
        "tests/report/small.toml",
        "--actuals",
        "tests/report/small-actuals.csv",
    ]);
    assert!(
        page.contains("Bob &lt;Builder&gt; &amp; Sons"),
        "names are escaped"
    );
    // One element per line, so a change reads as a small diff.
    let lines = page.replace("><", ">\n<");
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("report-small.html", lines);
    });
}
