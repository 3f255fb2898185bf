//! The words the portal uses for domain values.

use crate::domain::activity::{AccessReason, ActivityDetail, ChangeArea, EmployeeRole};
use crate::domain::activity_filter::KindFilter;
use crate::domain::catalogue::{LegalHold, Purpose, Recipient, Retention, UserAction};
use crate::domain::communications::{EssentialMessage, MessageChannel, Topic};
use crate::domain::cookies::{Basis, ConsentMethod, CookieCategory, CookieParty};
use crate::domain::held::FieldKey;
use crate::domain::inventory::{CategoryId, DataSource};
use crate::domain::profile::AccountField;
use crate::domain::profile_rules::{OptionalField, PhotoProblem, Problem};
use crate::domain::requests::{DeletionScope, ExportFormat, RequestKind, RequestStatus};
use crate::domain::sharing::ProviderKind;
use crate::routes::Page;

pub const fn source(source: DataSource) -> &'static str {
    match source {
        DataSource::ProvidedByYou => "Provided by you",
        DataSource::CollectedAutomatically => "Collected automatically",
        DataSource::FromThirdParties => "From third parties",
        DataSource::ServiceData => "Your service data",
    }
}

pub const fn category(category: CategoryId) -> &'static str {
    use CategoryId::*;
    match category {
        AccountSignUp => "Account details",
        OptionalProfile => "Optional profile",
        SecurityQuestion => "Security question",
        Payment => "Payment and billing",
        Interactions => "Conversations with sales and support",
        BrowserLogs => "Browser, device and server logs",
        AppUsage => "Application usage",
        FederatedSignIn => "Sign-in providers",
        ResellingPartners => "Reselling partners",
        EventOrganisers => "Event organisers",
        ReviewSites => "Review sites",
        MarketingProviders => "Marketing service providers",
        SocialMedia => "Social media",
        PublicSources => "Other public sources",
        ServiceRecords => "Data in our products",
        MobileDevices => "Mobile devices",
    }
}

/// The noun counted for a category, singular and plural.
pub const fn category_unit(category: CategoryId) -> (&'static str, &'static str) {
    use CategoryId::*;
    match category {
        AccountSignUp | OptionalProfile | Payment => ("item", "items"),
        SecurityQuestion => ("question", "questions"),
        Interactions => ("conversation", "conversations"),
        BrowserLogs => ("log entry", "log entries"),
        AppUsage | ServiceRecords => ("product", "products"),
        FederatedSignIn => ("connection", "connections"),
        ResellingPartners | MarketingProviders => ("record", "records"),
        EventOrganisers => ("registration", "registrations"),
        ReviewSites => ("comment", "comments"),
        SocialMedia => ("item", "items"),
        PublicSources => ("record", "records"),
        MobileDevices => ("device", "devices"),
    }
}

pub const fn request_kind(kind: RequestKind) -> &'static str {
    match kind {
        RequestKind::Export => "Export",
        RequestKind::Deletion => "Deletion",
        RequestKind::Rectification => "Correction",
        RequestKind::Objection => "Objection to marketing",
    }
}

pub const fn request_status(status: RequestStatus) -> &'static str {
    use RequestStatus::*;
    match status {
        Received => "Received",
        Preparing => "Preparing",
        Ready => "Ready to download",
        Expired => "Expired",
        InReview => "In review",
        Scheduled => "Scheduled",
        RemovedFromActive => "Removed from active systems",
        Completed => "Completed",
        Declined => "Declined",
        Cancelled => "Cancelled",
    }
}

pub const fn employee_role(role: EmployeeRole) -> &'static str {
    match role {
        EmployeeRole::SupportEngineer => "Support engineer",
        EmployeeRole::SpamAnalyst => "Spam analyst",
        EmployeeRole::OcrReviewer => "Scanned-image reviewer",
        EmployeeRole::DataImportSpecialist => "Data import specialist",
        EmployeeRole::SiteReliabilityEngineer => "Site reliability engineer",
    }
}

pub const fn access_reason(reason: AccessReason) -> &'static str {
    match reason {
        AccessReason::ResolveError => "To resolve an error",
        AccessReason::VerifySpam => "To verify an email reported as spam",
        AccessReason::VerifyOcr => "To check text read from a scanned image",
        AccessReason::SupportRequest => "For a support request you opened",
        AccessReason::DataImport => "To import data at your request",
    }
}

pub const fn cookie_category(category: CookieCategory) -> &'static str {
    match category {
        CookieCategory::StrictlyNecessary => "strictly necessary",
        CookieCategory::Functional => "functional",
        CookieCategory::Analytics => "analytics",
        CookieCategory::Marketing => "marketing",
    }
}

pub const fn field(key: FieldKey) -> &'static str {
    use FieldKey::*;
    match key {
        Name => "Name",
        ContactNumber => "Contact number",
        Email => "Email address",
        Company => "Company",
        Country => "Country",
        Username => "Username",
        SignedUp => "Signed up",
        SignUpMethod => "Signed up with",
        Photo => "Photo",
        TimeZone => "Time zone",
        Language => "Language",
        SecurityQuestionSet => "Security question set",
        SecurityQuestion => "Question",
        SecurityQuestionSetOn => "Set on",
        SecurityAnswer => "Answer",
        BillingName => "Billing name",
        BillingEmail => "Billing email",
        BillingPhone => "Billing phone",
        BillingAddress => "Billing address",
        CardDetails => "Card details",
        PaidOn => "Paid on",
        Product => "Product",
        Description => "Description",
        Amount => "Amount",
        PaymentProcessor => "Payment processor",
        Date => "Date and time",
        Channel => "Channel",
        Team => "Team",
        Subject => "Subject",
        Recorded => "Recorded",
        Site => "Website",
        IpAddress => "IP address",
        Browser => "Browser",
        BrowserLanguage => "Language preference",
        BrowserTimeZone => "Time zone",
        Referrer => "Referring page",
        OperatingSystem => "Operating system",
        DeviceManufacturer => "Device manufacturer",
        MobileNetwork => "Mobile network",
        FeaturesUsed => "Features used",
        Clicks => "Clicks (last 30 days)",
        Scrolls => "Scrolls (last 30 days)",
        Sessions => "Sessions (last 30 days)",
        LastAccess => "Last access",
        UsualHours => "Usual access times",
        Errors => "Errors (last 30 days)",
        PageLoad => "Typical page load",
        StorageUsed => "Storage used",
        Settings => "Settings",
        Device => "Device",
        Location => "Location",
        LastSeen => "Last seen",
        Provider => "Provider",
        Connected => "Connected",
        Shared => "What they shared",
        Partner => "Partner",
        Received => "Received",
        Context => "How it came about",
        Organiser => "Organiser",
        Event => "Event",
        EventDate => "Event date",
        ReviewSite => "Review site",
        Posted => "Posted",
        Excerpt => "What you wrote",
        Purpose => "Used for",
        Network => "Network",
        Handle => "Account",
        ProfileFields => "Profile information",
        InteractionKind => "Kind",
        Source => "Source",
        Information => "Information",
        Collected => "Collected",
        DataRole => "Your role",
        Records => "Records",
        Files => "Files",
        LastUpdated => "Last updated",
        Granted => "Access granted",
        Camera => "Camera",
        CallHistory => "Call history",
        Contacts => "Contacts",
        PhotoLibrary => "Photo library",
        LocationAccess => "Location",
        LastLocation => "Last location sent for mapping",
    }
}

pub const fn purpose(purpose: Purpose) -> &'static str {
    use Purpose::*;
    match purpose {
        ProvideServices => "To set up and run your account and our services, including backups",
        Communicate => "To tell you about products you use, changes to the policy or terms, and important notices",
        Marketing => "To tell you about new products, events, offers and promotions",
        Surveys => "To ask you to take part in surveys or give feedback",
        ImproveProducts => "To understand how our products are used, prevent problems and improve them",
        Support => "To give you customer support and improve how we help you",
        PreventFraud => "To detect and prevent fraud, spam and other illegal activity",
        UpdateRecords => "To keep our records up to date and find new customers",
        AnalyseWebsites => "To run our websites and understand how visitors use them",
        ImproveMarketing => "To improve our marketing campaigns and make relevant suggestions",
        ProcessPayments => "To take payment for what you buy",
        ResetPassword => "Only to reset your password",
        MapLocations => "Only to map locations in the mobile apps",
    }
}

pub const fn recipient(recipient: Recipient) -> &'static str {
    use Recipient::*;
    match recipient {
        EmployeesNeedToKnow => "Our employees and contractors, on a need-to-know basis",
        EmployeesAudited => "Named employees only, for errors, spam checks, scanned-image checks or your support requests; every access is logged and audited",
        PaymentProcessors => "Our payment processor",
        MarketingProviders => "Marketing partners and event organisers we engage",
        WebAnalytics => "Web analytics providers",
        ResellingPartners => "Authorised reselling partners in your region",
        MarketplaceDevelopers => "Developers of marketplace apps you install (your name and email only)",
        MappingProviders => "Our mapping provider (location only)",
        Collaborators => "People you collaborate with (your name and profile picture)",
        Integrations => "Third-party integrations you choose to connect",
        NobodyElse => "Nobody: only our automated password-reset process uses it",
    }
}

pub const fn retention(retention: Retention) -> &'static str {
    match retention {
        Retention::WhileNeeded => "As long as we need it for the purposes above; then we delete or anonymise it in our active databases and keep it isolated on backups until it can be deleted.",
        Retention::UntilAccountClosed => "As long as you use our services. After you close your account it leaves our active databases at the next clean-up (every 6 months) and our backups 3 months after that.",
        Retention::UntilRemoved => "Until you remove it or close your account.",
        Retention::TaxAndAccounting => "For as long as tax and accounting law requires.",
        Retention::MayOutliveSource => "As long as we need it; it may stay with us even if you delete it where it was published.",
    }
}

pub const fn legal_hold(hold: LegalHold) -> &'static str {
    match hold {
        LegalHold::SuppressionLists => {
            "Suppression lists, so that we never contact you again after you opt out"
        }
        LegalHold::PreventAbuse => "Records needed to prevent abuse",
        LegalHold::LegalClaims => "Information needed for a legal claim or proceeding",
        LegalHold::EnforceAgreements => "Information needed to enforce our agreements",
        LegalHold::TaxAndAccounting => "Tax and accounting records",
        LegalHold::OtherLegalObligations => "Anything else the law obliges us to keep",
    }
}

/// The words of a user action and the page where it is done (`None` when it is done elsewhere).
pub const fn user_action(action: UserAction) -> (&'static str, Option<Page>) {
    match action {
        UserAction::EditProfile => ("Change or delete it in your profile", Some(Page::Profile)),
        UserAction::RequestCorrection => ("Ask us to correct it", Some(Page::Profile)),
        UserAction::ChangeCommunications => ("Opt out of messages", Some(Page::Communications)),
        UserAction::ChangeCookies => ("Choose which cookies we may use", Some(Page::Cookies)),
        UserAction::ManageSharing => ("Stop working with a partner", Some(Page::Sharing)),
        UserAction::RequestExport => ("Ask for a copy (export)", Some(Page::Requests)),
        UserAction::RequestDeletion => ("Ask us to delete it", Some(Page::Requests)),
        UserAction::DeviceSettings => ("Turn off an app's access in your device's settings", None),
        UserAction::DeleteAtSource => (
            "Delete it on the social network (our copy may remain)",
            None,
        ),
    }
}

/// One sentence on where a source's information comes from.
pub const fn source_intro(source: DataSource) -> &'static str {
    match source {
        DataSource::ProvidedByYou => "Information you gave us yourself.",
        DataSource::CollectedAutomatically => "Information we collect automatically when you use our websites, products and mobile apps.",
        DataSource::FromThirdParties => "Information we received about you from others.",
        DataSource::ServiceData => "What you and your organisation entrust to our products (Part II of the policy). You own it: you can see it in the products, share it through integrations you choose, and ask us to export or delete it.",
    }
}

/// One or two sentences on what a category is, in the policy's terms.
pub const fn category_description(category: CategoryId) -> &'static str {
    use CategoryId::*;
    match category {
        AccountSignUp => "What you gave us when you signed up. An account needs all of it.",
        OptionalProfile => "Extra details you chose to add. You never have to provide them.",
        SecurityQuestion => "Optional. Used only when you reset your password; we never show the answer, not even to you.",
        Payment => "Billing details for what you bought. Card details go straight to the payment processor: we do not store any card information.",
        Interactions => "Emails, calls and chats with our sales and support teams, which we may record and analyse to improve how we help you.",
        BrowserLogs => "What your browser, device and network told our web servers when you visited our websites.",
        AppUsage => "How you use our products, from application logs and our in-house analytics, with the devices and places you used them from.",
        FederatedSignIn => "What a sign-in provider shared with us when you used it to sign in.",
        ResellingPartners => "What a reselling partner passed to us after you contacted them.",
        EventOrganisers => "What an organiser shared after you registered for an event we sponsored.",
        ReviewSites => "Comments you posted about our products on review sites.",
        MarketingProviders => "Information from service providers we engage for marketing.",
        SocialMedia => "Public profile information and what you posted to us on Facebook, Twitter and Instagram. Once collected, it may remain with us even if you delete it there.",
        PublicSources => "Information we added from other publicly available sources.",
        ServiceRecords => "The records, files and storage of each product you use.",
        MobileDevices => "What our mobile apps can reach on your devices because you allowed it. Location goes only to our mapping provider, only for mapping.",
    }
}

pub const fn topic(topic: Topic) -> &'static str {
    match topic {
        Topic::Newsletters => "Newsletters",
        Topic::NewProducts => "New products and services",
        Topic::Events => "Events",
        Topic::Offers => "Offers and promotions",
        Topic::Surveys => "Surveys and feedback requests",
        Topic::MarketingSuggestions => "Suggestions based on how you use our products",
    }
}

pub const fn message_channel(channel: MessageChannel) -> &'static str {
    match channel {
        MessageChannel::Email => "Email",
        MessageChannel::Sms => "SMS",
        MessageChannel::Phone => "Phone",
    }
}

pub const fn essential_message(message: EssentialMessage) -> (&'static str, &'static str) {
    match message {
        EssentialMessage::Transactional => (
            "Receipts, invoices and other transactional email",
            "They confirm what you bought or did; the law and our agreement with you require them.",
        ),
        EssentialMessage::AccountAndSecurity => (
            "Account and security notices",
            "Password resets, new sign-ins and suspicious activity: you need these to keep your account safe.",
        ),
        EssentialMessage::PolicyChanges => (
            "Changes to this privacy policy",
            "The policy promises at least 30 days' notice of significant changes by email.",
        ),
        EssentialMessage::TermsChanges => (
            "Changes to the terms of service",
            "Changes to the agreement you have with us must reach you.",
        ),
        EssentialMessage::ImportantNotices => (
            "Important notices",
            "Service outages, data incidents and other notices about the services you use.",
        ),
    }
}

/// A cookie category's title and what it is for.
pub const fn cookie_category_title(category: CookieCategory) -> (&'static str, &'static str) {
    match category {
        CookieCategory::StrictlyNecessary => (
            "Strictly necessary",
            "Needed for the websites to work and to remember your cookie choice. Always on.",
        ),
        CookieCategory::Functional => (
            "Functional",
            "Remember your settings, such as language and recently opened records.",
        ),
        CookieCategory::Analytics => (
            "Analytics",
            "Count visits and show how the websites are used, so we can improve them.",
        ),
        CookieCategory::Marketing => (
            "Marketing",
            "Measure which campaigns and partners bring visitors to our websites.",
        ),
    }
}

pub const fn consent_method(method: ConsentMethod) -> &'static str {
    match method {
        ConsentMethod::Banner => "the cookie banner",
        ConsentMethod::SettingsPage => "the cookie settings page",
        ConsentMethod::BrowserSignal => "your browser's privacy signal",
    }
}

/// Why a category is on or off, in words.
pub const fn consent_basis(basis: Basis, on: bool) -> &'static str {
    match (basis, on) {
        (Basis::Necessary, _) => "Always on",
        (Basis::NotChosen, _) => "Off until you choose",
        (Basis::GpcSignal, _) => {
            "Off: turned off because your browser sends Global Privacy Control"
        }
        (Basis::Chosen, true) => "On: your choice",
        (Basis::Chosen, false) => "Off: your choice",
        (Basis::ChosenOverGpc, _) => {
            "On: your explicit choice, which overrides your browser's Global Privacy Control signal"
        }
    }
}

pub const fn cookie_party(party: CookieParty) -> &'static str {
    match party {
        CookieParty::First => "Us (first party)",
        CookieParty::Third => "A provider (third party)",
    }
}

pub const fn account_field(field: AccountField) -> &'static str {
    match field {
        AccountField::Name => "Name",
        AccountField::ContactNumber => "Contact number",
        AccountField::Email => "Email address",
        AccountField::Company => "Company",
        AccountField::Country => "Country",
        AccountField::Username => "Username",
    }
}

pub const fn optional_field(field: OptionalField) -> &'static str {
    match field {
        OptionalField::Photo => "photo",
        OptionalField::TimeZone => "time zone",
        OptionalField::Language => "language",
    }
}

/// What to do about a problem with an entry called `what`.
pub fn problem(what: &str, problem: Problem) -> String {
    match problem {
        Problem::Missing => format!("Enter {what}"),
        Problem::TooShort { min } => {
            format!("{} must be at least {min} characters", capitalise(what))
        }
        Problem::TooLong { max } => {
            format!("{} must be {max} characters or fewer", capitalise(what))
        }
        Problem::Mismatch => {
            "The two answers do not match: enter the same answer twice".to_string()
        }
        Problem::AnswerInQuestion => "The answer must not be written in the question".to_string(),
        Problem::Unchanged => format!(
            "{} is what your account already says: enter the correct value",
            capitalise(what)
        ),
        Problem::NotAnEmail => {
            "Enter an email address in the correct format, like name@example.com".to_string()
        }
        Problem::NotOffered => format!("Choose {what} from the list"),
    }
}

pub const fn photo_problem(problem: PhotoProblem) -> &'static str {
    match problem {
        PhotoProblem::Empty => "The selected file is empty",
        PhotoProblem::TooLarge => "The selected file must be smaller than 2 MB",
        PhotoProblem::NotAnImage => "The selected file must be a PNG, JPEG or WebP image",
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn deletion_scope(scope: DeletionScope) -> String {
    match scope {
        DeletionScope::OptionalProfile => {
            "Your optional profile data (photo, time zone, language)".to_string()
        }
        DeletionScope::ServiceData(product) => format!("Your {} service data", product.name()),
        DeletionScope::WholeAccount => "Your whole account".to_string(),
    }
}

pub const fn export_format(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Json => "JSON (one file, with a data dictionary)",
        ExportFormat::Csv => "CSV (one section per category, for spreadsheets)",
    }
}

pub const fn activity_kind(kind: KindFilter) -> &'static str {
    match kind {
        KindFilter::Access => "Access by our staff",
        KindFilter::SignIn => "Sign-ins",
        KindFilter::Change => "Changes",
        KindFilter::Request => "Requests",
    }
}

/// What happened, in one sentence.
pub fn activity_text(detail: &ActivityDetail) -> String {
    match detail {
        ActivityDetail::EmployeeAccess {
            role,
            reason,
            accessed,
        } => format!(
            "{}: {}. Viewed: {accessed}",
            employee_role(*role),
            access_reason(*reason)
        ),
        ActivityDetail::SignIn {
            device,
            browser,
            location,
        } => format!("You signed in on {device} ({browser}), from {location}"),
        ActivityDetail::Change { summary, .. } => summary.clone(),
    }
}

/// A short name for an entry's kind.
pub const fn activity_detail_kind(detail: &ActivityDetail) -> &'static str {
    match detail {
        ActivityDetail::EmployeeAccess { .. } => "Staff access",
        ActivityDetail::SignIn { .. } => "Sign-in",
        ActivityDetail::Change {
            area: ChangeArea::Requests,
            ..
        } => "Request",
        ActivityDetail::Change { .. } => "Change",
    }
}

pub const fn provider_kind(kind: ProviderKind) -> &'static str {
    match kind {
        ProviderKind::MarketingAndAdvertising => "Marketing and advertising partners",
        ProviderKind::EventOrganisers => "Event organisers",
        ProviderKind::WebAnalytics => "Web analytics providers",
        ProviderKind::PaymentProcessors => "Payment processors",
        ProviderKind::MappingProviders => "Mapping providers",
    }
}
