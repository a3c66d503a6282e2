use super::*;

#[test]
fn heading_ids_follow_mdbook() {
    let text = "## What is a goroutine (vs OS thread)\n## `select` basics\n\
                ## Blocking syscalls & scheduler behavior\n## Example\n## Example\n## Custom {#mine}\n";
    let inventory = Inventory {
        root: PathBuf::new(),
        listings: Vec::new(),
        exercises: Vec::new(),
        quizzes: Vec::new(),
        strays: Vec::new(),
        sessions: Vec::new(),
    };
    let page = Page::parse("src/p.md".into(), text.into(), &inventory);
    let ids: Vec<&str> = page.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "what-is-a-goroutine-vs-os-thread",
            "select-basics",
            "blocking-syscalls--scheduler-behavior",
            "example",
            "example-1",
            "mine"
        ]
    );
}

#[test]
fn roadmap_items_are_numbered_within_their_chapter() {
    let roadmap = Roadmap::parse(
        "# R\n\n## 1️ One\n### Basics\n- [First](ch01/a.md#first)\n- Second\n\n## 3 Three\n- [Third](c.md)\n",
    );
    let item = roadmap.item(1, 2).unwrap();
    assert_eq!(
        (item.words.as_str(), item.link.as_deref(), item.line),
        ("Second", None, 6)
    );
    assert_eq!(roadmap.item(3, 1).unwrap().link.as_deref(), Some("c.md"));
}
