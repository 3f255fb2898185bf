//! Communication preferences: the non-essential messages a user can opt out of, and the essential ones they cannot.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::marketing::MarketingStop;
use super::product::Product;

/// A kind of non-essential message the policy names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Newsletters,
    NewProducts,
    Events,
    Offers,
    Surveys,
    MarketingSuggestions,
}

crate::from_json_enum!(Topic { Newsletters = "newsletters", NewProducts = "new_products", Events = "events", Offers = "offers", Surveys = "surveys", MarketingSuggestions = "marketing_suggestions" });

impl Topic {
    pub const ALL: [Topic; 6] = [
        Topic::Newsletters,
        Topic::NewProducts,
        Topic::Events,
        Topic::Offers,
        Topic::Surveys,
        Topic::MarketingSuggestions,
    ];

    /// Whether the messages promote something, so an objection to marketing or a GPC signal stops them. Surveys
    /// ask for the user's view and are not marketing.
    pub const fn is_marketing(self) -> bool {
        !matches!(self, Topic::Surveys)
    }
}

/// How a message is delivered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageChannel {
    Email,
    Sms,
    Phone,
}

crate::from_json_enum!(MessageChannel { Email = "email", Sms = "sms", Phone = "phone" });

impl MessageChannel {
    pub const ALL: [MessageChannel; 3] = [
        MessageChannel::Email,
        MessageChannel::Sms,
        MessageChannel::Phone,
    ];
}

/// One cell of the preference grid: a topic, on a channel, about a product.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Subscription {
    pub topic: Topic,
    pub channel: MessageChannel,
    pub product: Product,
}

crate::from_json_struct!(Subscription {
    topic,
    channel,
    product
});

/// Messages the policy says continue whatever the user chooses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EssentialMessage {
    Transactional,
    AccountAndSecurity,
    PolicyChanges,
    TermsChanges,
    ImportantNotices,
}

impl EssentialMessage {
    pub const ALL: [EssentialMessage; 5] = [
        EssentialMessage::Transactional,
        EssentialMessage::AccountAndSecurity,
        EssentialMessage::PolicyChanges,
        EssentialMessage::TermsChanges,
        EssentialMessage::ImportantNotices,
    ];
}

/// The user's current choices: the cells they are subscribed to; every other cell is off.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CommunicationPreferences {
    pub subscribed: Vec<Subscription>,
    pub updated_at: DateTime<Utc>,
    /// When the user chose to receive the marketing messages ticked although their browser sends Global Privacy
    /// Control; `None` while the signal is followed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub despite_gpc: Option<DateTime<Utc>>,
}

crate::from_json_struct!(CommunicationPreferences {
    subscribed,
    updated_at,
    despite_gpc
});

/// Number of cells in the preference grid.
pub const GRID_SIZE: usize = Topic::ALL.len() * MessageChannel::ALL.len() * Product::ALL.len();

impl CommunicationPreferences {
    /// Whether the user receives `subscription`.
    pub fn is_subscribed(&self, subscription: Subscription) -> bool {
        self.subscribed.contains(&subscription)
    }

    /// Whether the user receives `subscription` now: ticked, and not a marketing message while marketing is stopped.
    pub fn receives(&self, subscription: Subscription, stop: Option<&MarketingStop>) -> bool {
        self.is_subscribed(subscription) && (stop.is_none() || !subscription.topic.is_marketing())
    }

    /// How many distinct grid cells the user receives now.
    pub fn received_count(&self, stop: Option<&MarketingStop>) -> usize {
        let mut cells: Vec<Subscription> = self
            .subscribed
            .iter()
            .copied()
            .filter(|s| self.receives(*s, stop))
            .collect();
        cells.sort();
        cells.dedup();
        cells.len()
    }

    /// How many distinct grid cells are on.
    pub fn subscribed_count(&self) -> usize {
        let mut cells = self.subscribed.clone();
        cells.sort();
        cells.dedup();
        cells.len()
    }

    /// True when every non-essential message is off.
    pub fn is_unsubscribed_from_all(&self) -> bool {
        self.subscribed.is_empty()
    }

    /// The same choices with one cell on or off.
    pub fn with(&self, subscription: Subscription, on: bool) -> CommunicationPreferences {
        let mut subscribed: Vec<Subscription> = self
            .subscribed
            .iter()
            .copied()
            .filter(|s| *s != subscription)
            .collect();
        if on {
            subscribed.push(subscription);
        }
        subscribed.sort();
        CommunicationPreferences {
            subscribed,
            ..self.clone()
        }
    }

    /// Every non-essential message off. Essential messages are not choices, so they are untouched.
    pub fn unsubscribed_from_all(&self) -> CommunicationPreferences {
        CommunicationPreferences {
            subscribed: Vec::new(),
            ..self.clone()
        }
    }

    /// Whether the two hold the same choices (order and duplicates aside).
    pub fn same_choices(&self, other: &CommunicationPreferences) -> bool {
        let mut a = self.subscribed.clone();
        let mut b = other.subscribed.clone();
        a.sort();
        a.dedup();
        b.sort();
        b.dedup();
        a == b
    }

    /// How many cells `other` turns on and off compared with `self`.
    pub fn changes_to(&self, other: &CommunicationPreferences) -> (usize, usize) {
        let turned_on = other
            .subscribed
            .iter()
            .filter(|s| !self.is_subscribed(**s))
            .count();
        let turned_off = self
            .subscribed
            .iter()
            .filter(|s| !other.is_subscribed(**s))
            .count();
        (turned_on, turned_off)
    }
}

/// Whether an essential message can be turned off: never. Kept as a rule so the portal and its tests say so in one
/// place.
pub const fn can_turn_off(_message: EssentialMessage) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefs(subscribed: Vec<Subscription>) -> CommunicationPreferences {
        CommunicationPreferences {
            subscribed,
            updated_at: DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
                .unwrap()
                .with_timezone(&Utc),
            despite_gpc: None,
        }
    }

    #[test]
    fn grid_covers_every_topic_channel_and_product() {
        assert_eq!(GRID_SIZE, 54);
    }

    fn cell(topic: Topic, channel: MessageChannel, product: Product) -> Subscription {
        Subscription {
            topic,
            channel,
            product,
        }
    }

    #[test]
    fn toggling_a_cell_changes_only_that_cell() {
        let a = cell(Topic::Events, MessageChannel::Sms, Product::Smsndt);
        let b = cell(Topic::Offers, MessageChannel::Email, Product::Procrm);
        let p = prefs(vec![a]);
        let on = p.with(b, true);
        assert!(on.is_subscribed(a) && on.is_subscribed(b));
        let off = on.with(a, false);
        assert!(!off.is_subscribed(a) && off.is_subscribed(b));
        assert_eq!(p.changes_to(&off), (1, 1));
        assert!(p.with(a, true).same_choices(&p));
    }

    #[test]
    fn unsubscribe_all_turns_off_every_optional_cell_and_no_essential_message() {
        let p = prefs(vec![
            cell(Topic::Newsletters, MessageChannel::Email, Product::Procrm),
            cell(Topic::Surveys, MessageChannel::Phone, Product::EServiceApp),
        ]);
        let none = p.unsubscribed_from_all();
        assert!(none.is_unsubscribed_from_all());
        assert_eq!(p.changes_to(&none), (0, 2));
        for message in EssentialMessage::ALL {
            assert!(!can_turn_off(message));
        }
    }

    #[test]
    fn counts_distinct_subscriptions() {
        let cell = Subscription {
            topic: Topic::Newsletters,
            channel: MessageChannel::Email,
            product: Product::Procrm,
        };
        let p = prefs(vec![cell, cell]);
        assert_eq!(p.subscribed_count(), 1);
        assert!(p.is_subscribed(cell));
        assert!(!p.is_unsubscribed_from_all());
        assert!(prefs(vec![]).is_unsubscribed_from_all());
    }

    #[test]
    fn a_marketing_stop_turns_off_marketing_messages_and_keeps_the_ticks() {
        let offers = cell(Topic::Offers, MessageChannel::Email, Product::Procrm);
        let survey = cell(Topic::Surveys, MessageChannel::Email, Product::Procrm);
        let p = prefs(vec![offers, survey]);
        let stop = MarketingStop::Gpc {
            since: chrono::NaiveDate::from_ymd_opt(2026, 12, 15).unwrap(),
        };
        assert!(p.receives(offers, None) && p.receives(survey, None));
        assert!(!p.receives(offers, Some(&stop)));
        assert!(p.receives(survey, Some(&stop)), "surveys are not marketing");
        assert!(
            p.is_subscribed(offers),
            "the tick is kept for when the stop ends"
        );
        assert_eq!(
            (p.received_count(None), p.received_count(Some(&stop))),
            (2, 1)
        );
        let marketing: Vec<Topic> = Topic::ALL
            .into_iter()
            .filter(|t| t.is_marketing())
            .collect();
        assert_eq!(marketing.len(), 5);
    }
}
