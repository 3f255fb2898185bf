//! The words the portal uses for domain values.

use crate::api::{ApiError, Endpoint, StorageError};
use crate::domain::activity::{AccessReason, ActivityDetail, ChangeArea, EmployeeRole};
use crate::domain::activity_filter::KindFilter;
use crate::domain::category_policy::{LegalHold, Purpose, Recipient, Retention, Right, UserAction};
use crate::domain::communications::{EssentialMessage, MessageChannel, Topic};
use crate::domain::cookies::{Basis, ConsentMethod, CookieCategory, CookieParty};
use crate::domain::inventory::{CategoryId, DataSource};
use crate::domain::nomination::Relation;
use crate::domain::policy::Unstated;
use crate::domain::profile::AccountField;
use crate::domain::profile_rules::{OptionalField, PhotoProblem, Problem};
use crate::domain::records::FieldKey;
use crate::domain::requests::AccountPart;
use crate::domain::requests::{
    ConcernTopic, DeletionScope, ExportFormat, PrivacyRequest, RequestKind, RequestStatus,
};
use crate::domain::sharing::ProviderKind;
use crate::i18n::{td_string, Locale};
use crate::routes::Page;
use crate::text::format;
use crate::text::format::fill;

pub fn source(l: Locale, source: DataSource) -> &'static str {
    match source {
        DataSource::ProvidedByYou => td_string!(l, labels.source.provided),
        DataSource::CollectedAutomatically => td_string!(l, labels.source.automatic),
        DataSource::FromThirdParties => td_string!(l, labels.source.third_parties),
        DataSource::ServiceData => td_string!(l, labels.source.service),
    }
}

pub fn category(l: Locale, category: CategoryId) -> &'static str {
    use CategoryId::*;
    match category {
        AccountSignUp => td_string!(l, labels.category.account),
        OptionalProfile => td_string!(l, labels.category.optional),
        SecurityQuestion => td_string!(l, labels.category.security),
        Payment => td_string!(l, labels.category.payment),
        Interactions => td_string!(l, labels.category.interactions),
        BrowserLogs => td_string!(l, labels.category.logs),
        AppUsage => td_string!(l, labels.category.usage),
        FederatedSignIn => td_string!(l, labels.category.sign_in),
        ResellingPartners => td_string!(l, labels.category.partners),
        EventOrganisers => td_string!(l, labels.category.events),
        ReviewSites => td_string!(l, labels.category.reviews),
        MarketingProviders => td_string!(l, labels.category.marketing),
        SocialMedia => td_string!(l, labels.category.social),
        PublicSources => td_string!(l, labels.category.public),
        ServiceRecords => td_string!(l, labels.category.service),
        MobileDevices => td_string!(l, labels.category.devices),
    }
}

/// The noun counted for a category, singular and plural.
pub fn category_unit(l: Locale, category: CategoryId) -> (&'static str, &'static str) {
    use CategoryId::*;
    match category {
        AccountSignUp | OptionalProfile | Payment => (
            td_string!(l, labels.unit.item),
            td_string!(l, labels.unit.items),
        ),
        SecurityQuestion => (
            td_string!(l, labels.unit.question),
            td_string!(l, labels.unit.questions),
        ),
        Interactions => (
            td_string!(l, labels.unit.conversation),
            td_string!(l, labels.unit.conversations),
        ),
        BrowserLogs => (
            td_string!(l, labels.unit.log_entry),
            td_string!(l, labels.unit.log_entries),
        ),
        AppUsage | ServiceRecords => (
            td_string!(l, labels.unit.product),
            td_string!(l, labels.unit.products),
        ),
        FederatedSignIn => (
            td_string!(l, labels.unit.connection),
            td_string!(l, labels.unit.connections),
        ),
        ResellingPartners | MarketingProviders => (
            td_string!(l, labels.unit.record),
            td_string!(l, labels.unit.records),
        ),
        EventOrganisers => (
            td_string!(l, labels.unit.registration),
            td_string!(l, labels.unit.registrations),
        ),
        ReviewSites => (
            td_string!(l, labels.unit.comment),
            td_string!(l, labels.unit.comments),
        ),
        SocialMedia => (
            td_string!(l, labels.unit.item),
            td_string!(l, labels.unit.items),
        ),
        PublicSources => (
            td_string!(l, labels.unit.record),
            td_string!(l, labels.unit.records),
        ),
        MobileDevices => (
            td_string!(l, labels.unit.device),
            td_string!(l, labels.unit.devices),
        ),
    }
}

pub fn request_kind(l: Locale, kind: RequestKind) -> &'static str {
    match kind {
        RequestKind::Export => td_string!(l, labels.request_kind.export),
        RequestKind::Deletion => td_string!(l, labels.request_kind.deletion),
        RequestKind::Rectification => td_string!(l, labels.request_kind.correction),
        RequestKind::Objection => td_string!(l, labels.request_kind.objection),
        RequestKind::Restriction => td_string!(l, labels.request_kind.restriction),
        RequestKind::Concern => td_string!(l, labels.request_kind.concern),
        RequestKind::Appeal => td_string!(l, labels.request_kind.appeal),
    }
}

/// A request's kind with what it is about: "Deletion: Social media", "Objection to marketing".
pub fn request_title(l: Locale, request: &PrivacyRequest) -> String {
    match (request.kind, request.category) {
        (kind, Some(about)) => format!("{}: {}", request_kind(l, kind), category(l, about)),
        (RequestKind::Objection, None) => {
            td_string!(l, labels.request_kind.marketing_objection).to_string()
        }
        (kind, None) => request_kind(l, kind).to_string(),
    }
}

/// A right exercised by a request about a category: the words of its link on "Your information".
pub fn right(l: Locale, right: Right) -> &'static str {
    match right {
        Right::Correct => td_string!(l, labels.right.correct),
        Right::Delete => td_string!(l, labels.right.delete),
        Right::Restrict => td_string!(l, labels.right.restrict),
        Right::Object => td_string!(l, labels.right.object),
    }
}

/// The kind of request that exercises `right`.
pub const fn right_kind(right: Right) -> RequestKind {
    match right {
        Right::Correct => RequestKind::Rectification,
        Right::Delete => RequestKind::Deletion,
        Right::Restrict => RequestKind::Restriction,
        Right::Object => RequestKind::Objection,
    }
}

pub fn concern_topic(l: Locale, topic: ConcernTopic) -> &'static str {
    match topic {
        ConcernTopic::Request => td_string!(l, labels.concern_topic.request),
        ConcernTopic::Category => td_string!(l, labels.concern_topic.category),
        ConcernTopic::StaffAccess => td_string!(l, labels.concern_topic.staff_access),
        ConcernTopic::Other => td_string!(l, labels.concern_topic.other),
    }
}

pub fn request_status(l: Locale, status: RequestStatus) -> &'static str {
    use RequestStatus::*;
    match status {
        Received => td_string!(l, labels.status.received),
        Preparing => td_string!(l, labels.status.preparing),
        Ready => td_string!(l, labels.status.ready),
        Expired => td_string!(l, labels.status.expired),
        InReview => td_string!(l, labels.status.in_review),
        Scheduled => td_string!(l, labels.status.scheduled),
        RemovedFromActive => td_string!(l, labels.status.removed_active),
        Completed => td_string!(l, labels.status.completed),
        Declined => td_string!(l, labels.status.declined),
        Cancelled => td_string!(l, labels.status.cancelled),
    }
}

pub fn employee_role(l: Locale, role: EmployeeRole) -> &'static str {
    match role {
        EmployeeRole::SupportEngineer => td_string!(l, labels.role.support),
        EmployeeRole::SpamAnalyst => td_string!(l, labels.role.spam),
        EmployeeRole::OcrReviewer => td_string!(l, labels.role.ocr),
        EmployeeRole::DataImportSpecialist => td_string!(l, labels.role.import),
        EmployeeRole::SiteReliabilityEngineer => td_string!(l, labels.role.sre),
    }
}

pub fn access_reason(l: Locale, reason: AccessReason) -> &'static str {
    match reason {
        AccessReason::ResolveError => td_string!(l, labels.reason.error),
        AccessReason::VerifySpam => td_string!(l, labels.reason.spam),
        AccessReason::VerifyOcr => td_string!(l, labels.reason.ocr),
        AccessReason::SupportRequest => td_string!(l, labels.reason.support),
        AccessReason::DataImport => td_string!(l, labels.reason.import),
    }
}

pub fn cookie_category(l: Locale, category: CookieCategory) -> &'static str {
    match category {
        CookieCategory::StrictlyNecessary => td_string!(l, labels.cookie.necessary_lower),
        CookieCategory::Functional => td_string!(l, labels.cookie.functional_lower),
        CookieCategory::Analytics => td_string!(l, labels.cookie.analytics_lower),
        CookieCategory::Marketing => td_string!(l, labels.cookie.marketing_lower),
    }
}

pub fn field(l: Locale, key: FieldKey) -> &'static str {
    use FieldKey::*;
    match key {
        Name => td_string!(l, labels.field.name),
        ContactNumber => td_string!(l, labels.field.contact_number),
        Email => td_string!(l, labels.field.email),
        Company => td_string!(l, labels.field.company),
        Country => td_string!(l, labels.field.country),
        Username => td_string!(l, labels.field.username),
        SignedUp => td_string!(l, labels.field.signed_up),
        SignUpMethod => td_string!(l, labels.field.sign_up_method),
        Photo => td_string!(l, labels.field.photo),
        TimeZone => td_string!(l, labels.field.time_zone),
        Language => td_string!(l, labels.field.language),
        SecurityQuestionSet => td_string!(l, labels.field.question_set),
        SecurityQuestion => td_string!(l, labels.field.question),
        SecurityQuestionSetOn => td_string!(l, labels.field.set_on),
        SecurityAnswer => td_string!(l, labels.field.answer),
        BillingName => td_string!(l, labels.field.billing_name),
        BillingEmail => td_string!(l, labels.field.billing_email),
        BillingPhone => td_string!(l, labels.field.billing_phone),
        BillingAddress => td_string!(l, labels.field.billing_address),
        CardDetails => td_string!(l, labels.field.card),
        PaidOn => td_string!(l, labels.field.paid_on),
        Product => td_string!(l, labels.field.product),
        Description => td_string!(l, labels.field.description),
        Amount => td_string!(l, labels.field.amount),
        PaymentProcessor => td_string!(l, labels.field.processor),
        Date => td_string!(l, labels.field.date),
        Channel => td_string!(l, labels.field.channel),
        Team => td_string!(l, labels.field.team),
        Subject => td_string!(l, labels.field.subject),
        Recorded => td_string!(l, labels.field.recorded),
        Site => td_string!(l, labels.field.site),
        IpAddress => td_string!(l, labels.field.ip),
        Browser => td_string!(l, labels.field.browser),
        BrowserLanguage => td_string!(l, labels.field.browser_language),
        BrowserTimeZone => td_string!(l, labels.field.time_zone),
        Referrer => td_string!(l, labels.field.referrer),
        OperatingSystem => td_string!(l, labels.field.os),
        DeviceManufacturer => td_string!(l, labels.field.manufacturer),
        MobileNetwork => td_string!(l, labels.field.mobile_network),
        FeaturesUsed => td_string!(l, labels.field.features),
        Clicks => td_string!(l, labels.field.clicks),
        Scrolls => td_string!(l, labels.field.scrolls),
        Sessions => td_string!(l, labels.field.sessions),
        LastAccess => td_string!(l, labels.field.last_access),
        UsualHours => td_string!(l, labels.field.usual_hours),
        Errors => td_string!(l, labels.field.errors),
        PageLoad => td_string!(l, labels.field.page_load),
        StorageUsed => td_string!(l, labels.field.storage),
        Settings => td_string!(l, labels.field.settings),
        Device => td_string!(l, labels.field.device),
        Location => td_string!(l, labels.field.location),
        LastSeen => td_string!(l, labels.field.last_seen),
        Provider => td_string!(l, labels.field.provider),
        Connected => td_string!(l, labels.field.connected),
        Shared => td_string!(l, labels.field.shared),
        Partner => td_string!(l, labels.field.partner),
        Received => td_string!(l, labels.status.received),
        Context => td_string!(l, labels.field.context),
        Organiser => td_string!(l, labels.field.organiser),
        Event => td_string!(l, labels.field.event),
        EventDate => td_string!(l, labels.field.event_date),
        ReviewSite => td_string!(l, labels.field.review_site),
        Posted => td_string!(l, labels.field.posted),
        Excerpt => td_string!(l, labels.field.excerpt),
        Purpose => td_string!(l, labels.field.purpose),
        Network => td_string!(l, labels.field.network),
        Handle => td_string!(l, labels.field.handle),
        ProfileFields => td_string!(l, labels.field.profile_fields),
        InteractionKind => td_string!(l, labels.field.kind),
        Source => td_string!(l, labels.field.source),
        Information => td_string!(l, labels.field.information),
        Collected => td_string!(l, labels.field.collected),
        DataRole => td_string!(l, labels.field.data_role),
        Records => td_string!(l, labels.field.records),
        Files => td_string!(l, labels.field.files),
        LastUpdated => td_string!(l, labels.field.last_updated),
        Granted => td_string!(l, labels.field.granted),
        Camera => td_string!(l, labels.field.camera),
        CallHistory => td_string!(l, labels.field.call_history),
        Contacts => td_string!(l, labels.field.contacts),
        PhotoLibrary => td_string!(l, labels.field.photo_library),
        LocationAccess => td_string!(l, labels.field.location),
        LastLocation => td_string!(l, labels.field.last_location),
    }
}

pub fn purpose(l: Locale, purpose: Purpose) -> &'static str {
    use Purpose::*;
    match purpose {
        ProvideServices => td_string!(l, labels.purpose.provide),
        Communicate => td_string!(l, labels.purpose.communicate),
        Marketing => td_string!(l, labels.purpose.marketing),
        Surveys => td_string!(l, labels.purpose.surveys),
        ImproveProducts => td_string!(l, labels.purpose.improve),
        Support => td_string!(l, labels.purpose.support),
        PreventFraud => td_string!(l, labels.purpose.fraud),
        UpdateRecords => td_string!(l, labels.purpose.records),
        AnalyseWebsites => td_string!(l, labels.purpose.websites),
        ImproveMarketing => td_string!(l, labels.purpose.improve_marketing),
        ProcessPayments => td_string!(l, labels.purpose.payments),
        ResetPassword => td_string!(l, labels.purpose.reset_password),
        MapLocations => td_string!(l, labels.purpose.map),
    }
}

pub fn recipient(l: Locale, recipient: Recipient) -> &'static str {
    use Recipient::*;
    match recipient {
        EmployeesNeedToKnow => td_string!(l, labels.recipient.need_to_know),
        EmployeesAudited => td_string!(l, labels.recipient.audited),
        PaymentProcessors => td_string!(l, labels.recipient.payment),
        MarketingProviders => td_string!(l, labels.recipient.marketing),
        WebAnalytics => td_string!(l, labels.recipient.analytics),
        ResellingPartners => td_string!(l, labels.recipient.partners),
        MarketplaceDevelopers => td_string!(l, labels.recipient.developers),
        MappingProviders => td_string!(l, labels.recipient.mapping),
        Collaborators => td_string!(l, labels.recipient.collaborators),
        Integrations => td_string!(l, labels.recipient.integrations),
        NobodyElse => td_string!(l, labels.recipient.nobody),
    }
}

pub fn retention(l: Locale, retention: Retention) -> &'static str {
    match retention {
        Retention::WhileNeeded => td_string!(l, labels.retention.while_needed),
        Retention::UntilAccountClosed => td_string!(l, labels.retention.until_closed),
        Retention::UntilRemoved => td_string!(l, labels.retention.until_removed),
        Retention::TaxAndAccounting => td_string!(l, labels.retention.tax),
        Retention::MayOutliveSource => td_string!(l, labels.retention.outlive),
    }
}

pub fn legal_hold(l: Locale, hold: LegalHold) -> &'static str {
    match hold {
        LegalHold::SuppressionLists => {
            td_string!(l, labels.hold.suppression)
        }
        LegalHold::PreventAbuse => td_string!(l, labels.hold.abuse),
        LegalHold::LegalClaims => td_string!(l, labels.hold.claims),
        LegalHold::EnforceAgreements => td_string!(l, labels.hold.agreements),
        LegalHold::TaxAndAccounting => td_string!(l, labels.hold.tax),
        LegalHold::OtherLegalObligations => td_string!(l, labels.hold.other),
    }
}

/// The words of a user action and the page where it is done (`None` when it is done elsewhere).
pub fn user_action(l: Locale, action: UserAction) -> (&'static str, Option<Page>) {
    match action {
        UserAction::EditProfile => (
            td_string!(l, labels.action.edit_profile),
            Some(Page::Profile),
        ),
        UserAction::RequestCorrection => {
            (td_string!(l, labels.action.correction), Some(Page::Profile))
        }
        UserAction::ChangeCommunications => (
            td_string!(l, labels.action.communications),
            Some(Page::Communications),
        ),
        UserAction::ChangeCookies => (td_string!(l, labels.action.cookies), Some(Page::Cookies)),
        UserAction::ManageSharing => (td_string!(l, labels.action.sharing), Some(Page::Sharing)),
        UserAction::RequestExport => (td_string!(l, labels.action.export), Some(Page::Requests)),
        UserAction::RequestDeletion => {
            (td_string!(l, labels.action.deletion), Some(Page::Requests))
        }
        UserAction::DeviceSettings => (td_string!(l, labels.action.device), None),
        UserAction::DeleteAtSource => (td_string!(l, labels.action.at_source), None),
    }
}

/// One sentence on where a source's information comes from.
pub fn source_intro(l: Locale, source: DataSource) -> &'static str {
    match source {
        DataSource::ProvidedByYou => td_string!(l, labels.source_intro.provided),
        DataSource::CollectedAutomatically => td_string!(l, labels.source_intro.automatic),
        DataSource::FromThirdParties => td_string!(l, labels.source_intro.third_parties),
        DataSource::ServiceData => td_string!(l, labels.source_intro.service),
    }
}

/// One or two sentences on what a category is, in the policy's terms.
pub fn category_description(l: Locale, category: CategoryId) -> &'static str {
    use CategoryId::*;
    match category {
        AccountSignUp => td_string!(l, labels.about.account),
        OptionalProfile => td_string!(l, labels.about.optional),
        SecurityQuestion => td_string!(l, labels.about.security),
        Payment => td_string!(l, labels.about.payment),
        Interactions => td_string!(l, labels.about.interactions),
        BrowserLogs => td_string!(l, labels.about.logs),
        AppUsage => td_string!(l, labels.about.usage),
        FederatedSignIn => td_string!(l, labels.about.sign_in),
        ResellingPartners => td_string!(l, labels.about.partners),
        EventOrganisers => td_string!(l, labels.about.events),
        ReviewSites => td_string!(l, labels.about.reviews),
        MarketingProviders => td_string!(l, labels.about.marketing),
        SocialMedia => td_string!(l, labels.about.social),
        PublicSources => td_string!(l, labels.about.public),
        ServiceRecords => td_string!(l, labels.about.service),
        MobileDevices => td_string!(l, labels.about.devices),
    }
}

pub fn topic(l: Locale, topic: Topic) -> &'static str {
    match topic {
        Topic::Newsletters => td_string!(l, labels.topic.newsletters),
        Topic::NewProducts => td_string!(l, labels.topic.new_products),
        Topic::Events => td_string!(l, labels.topic.events),
        Topic::Offers => td_string!(l, labels.topic.offers),
        Topic::Surveys => td_string!(l, labels.topic.surveys),
        Topic::MarketingSuggestions => td_string!(l, labels.topic.suggestions),
    }
}

pub fn message_channel(l: Locale, channel: MessageChannel) -> &'static str {
    match channel {
        MessageChannel::Email => td_string!(l, labels.channel.email),
        MessageChannel::Sms => td_string!(l, labels.channel.sms),
        MessageChannel::Phone => td_string!(l, labels.channel.phone),
    }
}

pub fn essential_message(l: Locale, message: EssentialMessage) -> (&'static str, &'static str) {
    match message {
        EssentialMessage::Transactional => (
            td_string!(l, labels.essential.transactional),
            td_string!(l, labels.essential.transactional_why),
        ),
        EssentialMessage::AccountAndSecurity => (
            td_string!(l, labels.essential.security),
            td_string!(l, labels.essential.security_why),
        ),
        EssentialMessage::PolicyChanges => (
            td_string!(l, labels.essential.policy),
            td_string!(l, labels.essential.policy_why),
        ),
        EssentialMessage::TermsChanges => (
            td_string!(l, labels.essential.terms),
            td_string!(l, labels.essential.terms_why),
        ),
        EssentialMessage::ImportantNotices => (
            td_string!(l, labels.essential.notices),
            td_string!(l, labels.essential.notices_why),
        ),
    }
}

/// A cookie category's title and what it is for.
pub fn cookie_category_title(l: Locale, category: CookieCategory) -> (&'static str, &'static str) {
    match category {
        CookieCategory::StrictlyNecessary => (
            td_string!(l, labels.cookie.necessary),
            td_string!(l, labels.cookie.necessary_about),
        ),
        CookieCategory::Functional => (
            td_string!(l, labels.cookie.functional),
            td_string!(l, labels.cookie.functional_about),
        ),
        CookieCategory::Analytics => (
            td_string!(l, labels.cookie.analytics),
            td_string!(l, labels.cookie.analytics_about),
        ),
        CookieCategory::Marketing => (
            td_string!(l, labels.cookie.marketing),
            td_string!(l, labels.cookie.marketing_about),
        ),
    }
}

pub fn consent_method(l: Locale, method: ConsentMethod) -> &'static str {
    match method {
        ConsentMethod::Banner => td_string!(l, labels.method.banner),
        ConsentMethod::SettingsPage => td_string!(l, labels.method.settings),
        ConsentMethod::BrowserSignal => td_string!(l, labels.method.signal),
    }
}

/// Why a category is on or off, in words.
pub fn consent_basis(l: Locale, basis: Basis, on: bool) -> String {
    match (basis, on) {
        (Basis::Necessary, _) => td_string!(l, labels.basis.always).to_string(),
        (Basis::NotChosen, _) => td_string!(l, labels.basis.not_chosen).to_string(),
        (Basis::GpcSignal, _) => td_string!(l, labels.basis.gpc).to_string(),
        (Basis::Chosen, true) => td_string!(l, labels.basis.on).to_string(),
        (Basis::Chosen, false) => td_string!(l, labels.basis.off).to_string(),
        (Basis::ChosenOverGpc, _) => td_string!(l, labels.basis.over_gpc).to_string(),
        (Basis::Objected { on }, _) => fill(
            td_string!(l, labels.basis.objected),
            &[("date", &format::day(on))],
        ),
    }
}

pub fn cookie_party(l: Locale, party: CookieParty) -> &'static str {
    match party {
        CookieParty::First => td_string!(l, labels.party.first),
        CookieParty::Third => td_string!(l, labels.party.third),
    }
}

pub fn account_field(l: Locale, field: AccountField) -> &'static str {
    match field {
        AccountField::Name => td_string!(l, labels.field.name),
        AccountField::ContactNumber => td_string!(l, labels.field.contact_number),
        AccountField::Email => td_string!(l, labels.field.email),
        AccountField::Company => td_string!(l, labels.field.company),
        AccountField::Country => td_string!(l, labels.field.country),
        AccountField::Username => td_string!(l, labels.field.username),
    }
}

pub fn optional_field(l: Locale, field: OptionalField) -> &'static str {
    match field {
        OptionalField::Photo => td_string!(l, labels.optional.photo),
        OptionalField::TimeZone => td_string!(l, labels.optional.time_zone),
        OptionalField::Language => td_string!(l, labels.optional.language),
    }
}

/// What to do about a problem with an entry described by `what` (a phrase from the catalogue, e.g. "your answer").
pub fn problem(l: Locale, what: &str, problem: Problem) -> String {
    let what_start = capitalise(what);
    match problem {
        Problem::Missing => fill(td_string!(l, labels.problem.missing), &[("what", &what)]),
        Problem::TooShort { min } => fill(
            td_string!(l, labels.problem.too_short),
            &[("what", &what_start), ("min", &min)],
        ),
        Problem::TooLong { max } => fill(
            td_string!(l, labels.problem.too_long),
            &[("what", &what_start), ("max", &max)],
        ),
        Problem::Mismatch => td_string!(l, labels.problem.mismatch).to_string(),
        Problem::AnswerInQuestion => td_string!(l, labels.problem.answer_in_question).to_string(),
        Problem::Unchanged => fill(
            td_string!(l, labels.problem.unchanged),
            &[("what", &what_start)],
        ),
        Problem::NotAnEmail => td_string!(l, labels.problem.not_an_email).to_string(),
        Problem::NotAContact => td_string!(l, labels.problem.not_a_contact).to_string(),
        Problem::NotOffered => fill(
            td_string!(l, labels.problem.not_offered),
            &[("what", &what)],
        ),
    }
}

/// A field's label inside a sentence: lower case in English ("the correct email address"), as it is in
/// languages that capitalise nouns or have no case.
pub fn in_sentence(l: Locale, label: &str) -> String {
    if l == Locale::en {
        label.to_lowercase()
    } else {
        label.to_string()
    }
}

pub fn photo_problem(l: Locale, problem: PhotoProblem) -> &'static str {
    match problem {
        PhotoProblem::Empty => td_string!(l, labels.photo.empty),
        PhotoProblem::TooLarge => td_string!(l, labels.photo.too_large),
        PhotoProblem::NotAnImage => td_string!(l, labels.photo.not_image),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn deletion_scope(l: Locale, scope: DeletionScope) -> String {
    match scope {
        DeletionScope::OptionalProfile => td_string!(l, labels.scope.optional).to_string(),
        DeletionScope::ServiceData(product) => fill(
            td_string!(l, labels.scope.service),
            &[("product", &product.name())],
        ),
        DeletionScope::WholeAccount => td_string!(l, labels.scope.account).to_string(),
        DeletionScope::Category(about) => fill(
            td_string!(l, labels.scope.category),
            &[("category", &category(l, about))],
        ),
    }
}

pub fn export_format(l: Locale, format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Json => td_string!(l, labels.format.json),
        ExportFormat::Csv => td_string!(l, labels.format.csv),
    }
}

/// A question about what the policy does not say, pre-filled in a concern; `category` names the category asked
/// about (the legal basis is asked per category).
pub fn unstated_question(l: Locale, unstated: Unstated, category: &str) -> String {
    match unstated {
        Unstated::LegalBasis => fill(
            td_string!(l, concern.ask.legal_basis),
            &[("category", &category)],
        ),
        Unstated::StorageLocation => td_string!(l, concern.ask.storage).to_string(),
        Unstated::Transfers => td_string!(l, concern.ask.transfers).to_string(),
    }
}

pub fn relation(l: Locale, relation: Relation) -> &'static str {
    match relation {
        Relation::Spouse => td_string!(l, labels.relation.spouse),
        Relation::Parent => td_string!(l, labels.relation.parent),
        Relation::Child => td_string!(l, labels.relation.child),
        Relation::Sibling => td_string!(l, labels.relation.sibling),
        Relation::OtherRelative => td_string!(l, labels.relation.other_relative),
        Relation::Friend => td_string!(l, labels.relation.friend),
        Relation::LegalRepresentative => td_string!(l, labels.relation.legal_representative),
        Relation::Other => td_string!(l, labels.relation.other),
    }
}

pub fn account_part(l: Locale, part: AccountPart) -> &'static str {
    match part {
        AccountPart::Preferences => td_string!(l, export.part_preferences),
        AccountPart::Consents => td_string!(l, export.part_consents),
        AccountPart::Requests => td_string!(l, export.part_requests),
        AccountPart::Activity => td_string!(l, export.part_activity),
        AccountPart::Sharing => td_string!(l, export.part_sharing),
    }
}

/// The parts of an export's scope about the account, each named, the activity log with its days if limited.
pub fn account_parts(l: Locale, scope: &crate::domain::requests::ExportDetails) -> Vec<String> {
    AccountPart::ALL
        .into_iter()
        .filter(|p| scope.parts.contains(p))
        .map(|part| {
            let name = account_part(l, part);
            let range = match (scope.activity_from, scope.activity_to) {
                (Some(from), Some(to)) => fill(
                    td_string!(l, export.range_from_to),
                    &[("from", &format::day(from)), ("to", &format::day(to))],
                ),
                (Some(from), None) => fill(
                    td_string!(l, export.range_from),
                    &[("from", &format::day(from))],
                ),
                (None, Some(to)) => {
                    fill(td_string!(l, export.range_to), &[("to", &format::day(to))])
                }
                (None, None) => return name.to_string(),
            };
            if part == AccountPart::Activity {
                format!("{name} ({range})")
            } else {
                name.to_string()
            }
        })
        .collect()
}

pub fn activity_kind(l: Locale, kind: KindFilter) -> &'static str {
    match kind {
        KindFilter::Access => td_string!(l, labels.activity.access),
        KindFilter::SignIn => td_string!(l, labels.activity.sign_ins),
        KindFilter::Change => td_string!(l, labels.activity.changes),
        KindFilter::Request => td_string!(l, labels.activity.requests),
    }
}

/// What happened, in one sentence.
pub fn activity_text(l: Locale, detail: &ActivityDetail) -> String {
    match detail {
        ActivityDetail::EmployeeAccess {
            role,
            reason,
            accessed,
        } => fill(
            td_string!(l, labels.activity.access_text),
            &[
                ("role", &employee_role(l, *role)),
                ("reason", &access_reason(l, *reason)),
                ("accessed", accessed),
            ],
        ),
        ActivityDetail::SignIn {
            device,
            browser,
            location,
        } => fill(
            td_string!(l, labels.activity.sign_in_text),
            &[
                ("device", device),
                ("browser", browser),
                ("location", location),
            ],
        ),
        ActivityDetail::Change { summary, .. } => summary.clone(),
    }
}

/// A short name for an entry's kind.
pub fn activity_detail_kind(l: Locale, detail: &ActivityDetail) -> &'static str {
    match detail {
        ActivityDetail::EmployeeAccess { .. } => td_string!(l, labels.activity.staff_access),
        ActivityDetail::SignIn { .. } => td_string!(l, labels.activity.sign_in),
        ActivityDetail::Change {
            area: ChangeArea::Requests,
            ..
        } => td_string!(l, labels.activity.request),
        ActivityDetail::Change { .. } => td_string!(l, labels.activity.change),
    }
}

pub fn provider_kind(l: Locale, kind: ProviderKind) -> &'static str {
    match kind {
        ProviderKind::MarketingAndAdvertising => td_string!(l, labels.provider.marketing),
        ProviderKind::EventOrganisers => td_string!(l, labels.category.events),
        ProviderKind::WebAnalytics => td_string!(l, labels.recipient.analytics),
        ProviderKind::PaymentProcessors => td_string!(l, labels.provider.payments),
        ProviderKind::MappingProviders => td_string!(l, labels.provider.mapping),
    }
}

/// What a document is, for "Loading …" and "We could not load …".
pub fn subject(l: Locale, endpoint: Endpoint) -> &'static str {
    match endpoint {
        Endpoint::Profile => td_string!(l, load.profile),
        Endpoint::Inventory => td_string!(l, load.inventory),
        Endpoint::Communications => td_string!(l, load.communications),
        Endpoint::Cookies => td_string!(l, load.cookies),
        Endpoint::Requests => td_string!(l, load.requests),
        Endpoint::Activity => td_string!(l, load.activity),
        Endpoint::Sharing => td_string!(l, load.sharing),
        Endpoint::Policy => td_string!(l, load.policy),
        Endpoint::Notices => td_string!(l, load.notices),
        Endpoint::Nominee => td_string!(l, load.nominee),
        Endpoint::Personas => td_string!(l, load.personas),
    }
}

/// What a document whose changes are kept in this browser is, by its storage name.
pub fn stored_document(l: Locale, document: &str) -> &str {
    match Endpoint::ALL.iter().find(|e| e.key() == document) {
        Some(endpoint) => subject(l, *endpoint),
        None if document == "export-files" => td_string!(l, kept.export_files),
        None => document,
    }
}

/// A short heading for a failure.
pub fn error_title(l: Locale, error: &ApiError) -> String {
    match error.endpoint() {
        Some(endpoint) => fill(
            td_string!(l, errors.title),
            &[("subject", &subject(l, endpoint))],
        ),
        None => td_string!(l, errors.not_saved_title).to_string(),
    }
}

/// What went wrong and what to do about it.
pub fn error_text(l: Locale, error: &ApiError) -> String {
    match error {
        ApiError::Network { .. } => td_string!(l, errors.network).to_string(),
        ApiError::Status { status, .. } if *status >= 500 => {
            fill(td_string!(l, errors.server), &[("status", status)])
        }
        ApiError::Status { status: 404, .. } => td_string!(l, errors.not_found).to_string(),
        ApiError::Status { status, .. } => {
            fill(td_string!(l, errors.refused), &[("status", status)])
        }
        ApiError::Malformed { .. } => td_string!(l, errors.malformed).to_string(),
        ApiError::Storage(StorageError::Unavailable) => {
            td_string!(l, errors.storage_unavailable).to_string()
        }
        ApiError::Storage(StorageError::QuotaExceeded) => {
            td_string!(l, errors.storage_full).to_string()
        }
        ApiError::Storage(StorageError::Failed(detail)) => {
            fill(td_string!(l, errors.storage_failed), &[("detail", detail)])
        }
        ApiError::Storage(StorageError::UpdatedInAnotherTab) => {
            td_string!(l, errors.updated_in_another_tab).to_string()
        }
        ApiError::Conflict => td_string!(l, errors.conflict).to_string(),
        ApiError::SessionOver => td_string!(l, errors.session_over).to_string(),
        ApiError::Forbidden { .. } => td_string!(l, errors.forbidden).to_string(),
        ApiError::RateLimited {
            retry_after_seconds: Some(seconds),
        } => fill(td_string!(l, errors.rate_limited), &[("seconds", seconds)]),
        ApiError::RateLimited {
            retry_after_seconds: None,
        } => td_string!(l, errors.rate_limited_minute).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_messages_name_what_failed_and_what_to_do() {
        let l = Locale::en;
        let error = ApiError::Status {
            endpoint: Endpoint::Requests,
            status: 500,
        };
        assert_eq!(error_title(l, &error), "We could not load your requests");
        assert!(error_text(l, &error).contains("error 500"));
        let offline = ApiError::Network {
            endpoint: Endpoint::Profile,
        };
        assert!(error_text(l, &offline).contains("connection"));
        let full = ApiError::Storage(StorageError::QuotaExceeded);
        assert!(error_text(l, &full).contains("full"));
        let limited = ApiError::RateLimited {
            retry_after_seconds: Some(42),
        };
        assert!(error_text(l, &limited).contains("Wait 42 seconds"));
        assert!(error_text(l, &ApiError::SessionOver).contains("Sign in again"));
        assert_eq!(
            error_text(Locale::de, &error),
            "Beim Server ist ein Problem aufgetreten (Fehler 500). Nichts Gespeichertes ist verloren. Versuchen Sie es gleich noch einmal."
        );
    }

    #[test]
    fn problems_read_naturally_in_each_language() {
        let too_short = Problem::TooShort { min: 4 };
        assert_eq!(
            problem(Locale::en, "your answer", too_short),
            "Your answer must be at least 4 characters"
        );
        assert_eq!(
            problem(Locale::de, "Ihre Antwort", too_short),
            "Ihre Antwort muss mindestens 4 Zeichen lang sein"
        );
        assert_eq!(in_sentence(Locale::en, "Email address"), "email address");
        assert_eq!(in_sentence(Locale::de, "E-Mail-Adresse"), "E-Mail-Adresse");
    }
}
