//! The designer preview's simulated conditions (Cargo feature `preview`), read from and written to a URL query so a
//! state can be shared as a link: `/requests?persona=new&latency=1000&fail=requests&mode=malformed&gpc=1`.
//!
//! Pure rules only; the api layer applies them to the mock backend, and only in a preview build.

/// How a simulated failure looks to the portal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FailMode {
    /// The server answers HTTP 500.
    #[default]
    ServerError,
    /// The server answers 200 with a body that is not the expected JSON.
    Malformed,
    /// No answer at all, as when the network is down.
    Offline,
}

impl FailMode {
    pub const ALL: [FailMode; 3] = [
        FailMode::ServerError,
        FailMode::Malformed,
        FailMode::Offline,
    ];

    /// The value in the URL.
    pub const fn slug(self) -> &'static str {
        match self {
            FailMode::ServerError => "500",
            FailMode::Malformed => "malformed",
            FailMode::Offline => "offline",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.slug() == slug)
    }
}

/// Which read fails.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FailTarget {
    /// Whichever document is read next.
    Next,
    /// The next read of the document with this key (`requests`, `profile`…).
    Document(String),
}

/// The longest latency the preview adds, in milliseconds.
pub const MAX_LATENCY_MS: u32 = 10_000;

/// The latencies the panel offers: none, 1 s and 5 s.
pub const LATENCIES: [u32; 3] = [0, 1_000, 5_000];

/// Everything the preview can simulate.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Simulation {
    /// The demo user to show, when the link names one.
    pub persona: Option<String>,
    /// Added to every read of the mock backend.
    pub latency_ms: u32,
    /// The read that fails (once: "Try again" then works, as it would after a passing outage).
    pub fail: Option<FailTarget>,
    pub mode: FailMode,
    /// Pretend the browser sends Global Privacy Control.
    pub gpc: bool,
    /// Pretend the browser sends Do Not Track.
    pub dnt: bool,
    /// Show the first-visit cookie banner again.
    pub banner: bool,
}

fn flag(value: Option<String>) -> bool {
    matches!(value.as_deref(), Some("1" | "true" | "yes" | "on"))
}

impl Simulation {
    /// Reads the conditions from query parameters (`get` returns a parameter's value); unknown or malformed values
    /// are ignored rather than guessed at.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let persona = get("persona").filter(|id| {
            !id.is_empty()
                && id.len() <= 40
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        });
        let latency_ms = get("latency")
            .and_then(|v| v.parse::<u32>().ok())
            .map_or(0, |ms| ms.min(MAX_LATENCY_MS));
        let fail = get("fail").and_then(|v| match v.as_str() {
            "" => None,
            "next" => Some(FailTarget::Next),
            key if key.bytes().all(|b| b.is_ascii_lowercase()) => {
                Some(FailTarget::Document(key.to_string()))
            }
            _ => None,
        });
        let mode = get("mode")
            .and_then(|m| FailMode::from_slug(&m))
            .unwrap_or_default();
        Simulation {
            persona,
            latency_ms,
            fail,
            mode,
            gpc: flag(get("gpc")),
            dnt: flag(get("dnt")),
            banner: flag(get("banner")),
        }
    }

    /// The query that reproduces these conditions (without the leading `?`); empty when nothing is simulated.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(persona) = &self.persona {
            parts.push(format!("persona={persona}"));
        }
        if self.latency_ms > 0 {
            parts.push(format!("latency={}", self.latency_ms));
        }
        match &self.fail {
            Some(FailTarget::Next) => parts.push("fail=next".to_string()),
            Some(FailTarget::Document(key)) => parts.push(format!("fail={key}")),
            None => {}
        }
        if self.fail.is_some() && self.mode != FailMode::ServerError {
            parts.push(format!("mode={}", self.mode.slug()));
        }
        for (name, on) in [
            ("gpc", self.gpc),
            ("dnt", self.dnt),
            ("banner", self.banner),
        ] {
            if on {
                parts.push(format!("{name}=1"));
            }
        }
        parts.join("&")
    }

    /// Whether a read of the document `key` should fail now.
    pub fn fails(&self, key: &str) -> bool {
        match &self.fail {
            Some(FailTarget::Next) => true,
            Some(FailTarget::Document(target)) => target == key,
            None => false,
        }
    }

    /// Whether any parameter of the preview is present in a query (so a link without them changes nothing).
    pub fn is_named_in(get: impl Fn(&str) -> Option<String>) -> bool {
        ["persona", "latency", "fail", "mode", "gpc", "dnt", "banner"]
            .iter()
            .any(|name| get(name).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn reads_the_example_link_of_the_issue() {
        let sim = Simulation::from_query(query(&[
            ("persona", "new"),
            ("latency", "1000"),
            ("fail", "requests"),
        ]));
        assert_eq!(sim.persona.as_deref(), Some("new"));
        assert_eq!(sim.latency_ms, 1000);
        assert!(sim.fails("requests"));
        assert!(!sim.fails("profile"));
        assert_eq!(sim.mode, FailMode::ServerError);
        assert_eq!(sim.to_query(), "persona=new&latency=1000&fail=requests");
    }

    #[test]
    fn odd_values_are_ignored_and_latency_is_capped() {
        let sim = Simulation::from_query(query(&[
            ("persona", "../etc"),
            ("latency", "999999"),
            ("fail", "Requests!"),
            ("mode", "teapot"),
            ("gpc", "0"),
            ("dnt", "1"),
        ]));
        assert_eq!(sim.persona, None);
        assert_eq!(sim.latency_ms, MAX_LATENCY_MS);
        assert_eq!(sim.fail, None);
        assert_eq!(sim.mode, FailMode::ServerError);
        assert!(!sim.gpc);
        assert!(sim.dnt);
    }

    #[test]
    fn every_state_survives_a_round_trip_through_the_url() {
        for mode in FailMode::ALL {
            for fail in [
                None,
                Some(FailTarget::Next),
                Some(FailTarget::Document("cookies".into())),
            ] {
                let sim = Simulation {
                    persona: Some("longtime".into()),
                    latency_ms: 5000,
                    fail: fail.clone(),
                    mode: if fail.is_some() {
                        mode
                    } else {
                        FailMode::ServerError
                    },
                    gpc: true,
                    dnt: false,
                    banner: true,
                };
                let text = sim.to_query();
                let pairs: Vec<(String, String)> = text
                    .split('&')
                    .filter_map(|p| p.split_once('='))
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect();
                let back = Simulation::from_query(|name| {
                    pairs
                        .iter()
                        .find(|(k, _)| k == name)
                        .map(|(_, v)| v.clone())
                });
                assert_eq!(back, sim, "{text}");
            }
        }
        assert_eq!(Simulation::default().to_query(), "");
        assert!(!Simulation::is_named_in(query(&[("kind", "access")])));
        assert!(Simulation::is_named_in(query(&[("latency", "0")])));
    }
}
