//! The words the portal uses for domain values.

use crate::domain::activity::{AccessReason, EmployeeRole};
use crate::domain::cookies::CookieCategory;
use crate::domain::inventory::{CategoryId, DataSource};
use crate::domain::requests::{RequestKind, RequestStatus};

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
