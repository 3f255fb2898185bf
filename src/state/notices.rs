//! Short messages announced to the user (a change saved, demo data reset, storage trouble).

use leptos::prelude::*;

/// How a notice should be presented.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Success,
    Warning,
}

/// One notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: u64,
    pub kind: NoticeKind,
    pub text: String,
    /// A link after the text (its words, its address), opened in a new tab so this page keeps what was typed.
    pub link: Option<(String, String)>,
}

/// The notices on screen, newest last.
#[derive(Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
    next_id: StoredValue<u64>,
}

impl Notices {
    /// Shows a notice.
    pub fn push(&self, kind: NoticeKind, text: impl Into<String>) {
        self.push_with_link(kind, text, None);
    }

    /// Shows a notice ending with a link (its words, its address) that opens in a new tab.
    pub fn push_with_link(
        &self,
        kind: NoticeKind,
        text: impl Into<String>,
        link: Option<(String, String)>,
    ) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        let text = text.into();
        self.list.update(|list| {
            // The same message twice in a row adds nothing.
            list.retain(|n| n.text != text);
            list.push(Notice {
                id,
                kind,
                text,
                link,
            });
        });
    }

    /// Removes a notice.
    pub fn dismiss(&self, id: u64) {
        self.list.update(|list| list.retain(|n| n.id != id));
    }

    /// The notices, reactively.
    pub fn list(&self) -> Vec<Notice> {
        self.list.get()
    }
}

/// Creates the notice list; call once, in the app root.
pub fn provide_notices() -> Notices {
    let notices = Notices {
        list: RwSignal::new(Vec::new()),
        next_id: StoredValue::new(0),
    };
    provide_context(notices);
    notices
}

/// The notices provided by the app root.
pub fn use_notices() -> Notices {
    expect_context::<Notices>()
}
